package org.hearth.companion;

import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hearth.nlp.risk.RiskScreen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link ReplyGenerator}: curated unless {@code hearth.companion.llm.enabled=true}. The model's
 * output goes through the risk screen the safety module loads (one per node), not a second copy.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
class LlmConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);

    static final String ENABLED = "hearth.companion.llm.enabled";

    @Bean
    @ConditionalOnProperty(name = ENABLED, havingValue = "false", matchIfMissing = true)
    ReplyGenerator curatedReplyGenerator() {
        return new CuratedReplyGenerator();
    }

    @Bean(destroyMethod = "shutdownNow")
    @ConditionalOnProperty(name = ENABLED, havingValue = "true")
    ExecutorService companionLlmExecutor() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Bean
    @ConditionalOnProperty(name = ENABLED, havingValue = "true")
    ReplyGenerator llmReplyGenerator(
            LlmProperties properties,
            RiskScreen riskScreen,
            ObjectProvider<ExerciseCatalogue> exercises,
            ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters,
            ExecutorService companionLlmExecutor) {
        log.info(
                "Companion replies are written by {} at {} (prompt {}), screened, with the curated library as fallback",
                properties.provider(),
                redacted(properties.endpoint()),
                properties.promptVersion());
        return create(
                properties,
                riskScreen,
                exercises.getIfAvailable(ExerciseCatalogue::loadDefault),
                clock.getIfAvailable(Clock::systemUTC),
                companionLlmExecutor,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** Scheme, host and port only: a URL's user info or query may hold a credential. */
    static String redacted(java.net.URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    /** The generator for {@code properties}, outside Spring too (the tests build it this way). */
    static LlmReplyGenerator create(
            LlmProperties properties,
            RiskScreen riskScreen,
            ExerciseCatalogue exercises,
            Clock clock,
            ExecutorService executor,
            MeterRegistry meters) {
        return new LlmReplyGenerator(
                modelCall(properties, executor),
                Prompts.load(properties.promptVersion(), exercises, properties.maxSentences()),
                new OutputCheck(riskScreen, properties.maxSentences(), properties.maxCharacters()),
                circuitBreaker(properties.circuitBreaker(), clock),
                TimeLimiter.of(
                        "companion-llm",
                        TimeLimiterConfig.custom()
                                .timeoutDuration(properties.timeout())
                                .cancelRunningFuture(true)
                                .build()),
                properties.maxCharacters(),
                meters);
    }

    static CircuitBreaker circuitBreaker(LlmProperties.CircuitBreaker settings, Clock clock) {
        return CircuitBreaker.of(
                "companion-llm",
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(settings.slidingWindow())
                        .minimumNumberOfCalls(settings.minimumCalls())
                        .failureRateThreshold(settings.failureRatePercent())
                        .waitDurationInOpenState(settings.openFor())
                        .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                        .clock(clock)
                        .build());
    }

    private static ModelCall modelCall(LlmProperties p, ExecutorService executor) {
        String url = p.endpoint().toString();
        // A generous token cap: the character limit is what the check enforces.
        int maxTokens = Math.max(64, p.maxCharacters() / 2);
        return switch (p.provider()) {
            case OPENAI ->
                p.stream()
                        ? ModelCall.streaming(OpenAiStreamingChatModel.builder()
                                .baseUrl(url)
                                .apiKey(p.apiKey())
                                .modelName(p.model())
                                .temperature(p.temperature())
                                .maxTokens(maxTokens)
                                .timeout(p.timeout())
                                .logRequests(false)
                                .logResponses(false)
                                .build())
                        : ModelCall.blocking(
                                OpenAiChatModel.builder()
                                        .baseUrl(url)
                                        .apiKey(p.apiKey())
                                        .modelName(p.model())
                                        .temperature(p.temperature())
                                        .maxTokens(maxTokens)
                                        .timeout(p.timeout())
                                        .maxRetries(0)
                                        .logRequests(false)
                                        .logResponses(false)
                                        .build(),
                                executor);
            case OLLAMA ->
                p.stream()
                        ? ModelCall.streaming(OllamaStreamingChatModel.builder()
                                .baseUrl(url)
                                .modelName(p.model())
                                .temperature(p.temperature())
                                .numPredict(maxTokens)
                                .timeout(p.timeout())
                                .logRequests(false)
                                .logResponses(false)
                                .build())
                        : ModelCall.blocking(
                                OllamaChatModel.builder()
                                        .baseUrl(url)
                                        .modelName(p.model())
                                        .temperature(p.temperature())
                                        .numPredict(maxTokens)
                                        .timeout(p.timeout())
                                        .maxRetries(0)
                                        .logRequests(false)
                                        .logResponses(false)
                                        .build(),
                                executor);
        };
    }
}
