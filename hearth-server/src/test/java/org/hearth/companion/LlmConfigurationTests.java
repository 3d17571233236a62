package org.hearth.companion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class LlmConfigurationTests {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(LlmConfiguration.class);

    @Test
    void sendsCuratedRepliesWhenNothingIsConfigured() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ReplyGenerator.class);
            assertThat(context.getBean(ReplyGenerator.class)).isInstanceOf(CuratedReplyGenerator.class);
            assertThat(context.getBean(LlmProperties.class).enabled()).isFalse();
        });
    }

    @Test
    void sendsCuratedRepliesWhenTheModelIsSwitchedOff() {
        runner.withPropertyValues(
                        "hearth.companion.llm.enabled=false", "hearth.companion.llm.base-url=http://127.0.0.1:9")
                .run(context ->
                        assertThat(context.getBean(ReplyGenerator.class)).isInstanceOf(CuratedReplyGenerator.class));
    }

    @Test
    void refusesToStartWithoutARiskScreenWhenTheModelIsOn() {
        // The model's output must be screened; with no screen there is no generator, not an unscreened one.
        runner.withPropertyValues("hearth.companion.llm.enabled=true")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void bindsTheSettingsAndKeepsTheKeyOutOfTheirText() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues(
                        "hearth.companion.llm.provider=ollama",
                        "hearth.companion.llm.model=qwen2.5:3b",
                        "hearth.companion.llm.api-key=sk-very-secret",
                        "hearth.companion.llm.base-url=https://user:pw-secret@llm.example.org:8443/v1?key=q-secret",
                        "hearth.companion.llm.timeout=3s",
                        "hearth.companion.llm.circuit-breaker.open-for=30s")
                .run(context -> {
                    LlmProperties properties = context.getBean(LlmProperties.class);
                    assertThat(properties.provider()).isEqualTo(LlmProperties.Provider.OLLAMA);
                    assertThat(properties.endpoint().getHost()).isEqualTo("llm.example.org");
                    assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(properties.maxSentences()).isEqualTo(4);
                    assertThat(properties.circuitBreaker().openFor()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(properties.circuitBreaker().minimumCalls()).isEqualTo(5);
                    assertThat(properties.toString())
                            .doesNotContain("sk-very-secret")
                            .doesNotContain("pw-secret")
                            .doesNotContain("q-secret")
                            .contains("https://llm.example.org:8443");
                });
    }

    @Test
    void defaultsToALocalOllama() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues("hearth.companion.llm.provider=ollama")
                .run(context -> assertThat(context.getBean(LlmProperties.class).endpoint())
                        .hasToString("http://localhost:11434"));
    }

    @Test
    void refusesAPromptVersionThatIsNotAFolderName() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues("hearth.companion.llm.prompt-version=../secrets")
                .run(context -> assertThat(context).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LlmProperties.class)
    static class PropertiesOnly {}
}
