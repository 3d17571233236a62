package org.hearth.companion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hearth.nlp.risk.RiskScreen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole application with the model switched on, pointed at a chat server on loopback. */
@SpringBootTest
class CompanionLlmIntegrationTests {

    private static final LoopbackChatServer SERVER = start();

    @Autowired
    ReplyGenerator generator;

    @Autowired
    ApplicationContext context;

    private static LoopbackChatServer start() {
        try {
            return new LoopbackChatServer();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("hearth.companion.llm.enabled", () -> "true");
        registry.add("hearth.companion.llm.base-url", () -> SERVER.openAiUrl().toString());
        registry.add("hearth.companion.llm.model", () -> "loopback-model");
        registry.add("hearth.companion.llm.timeout", () -> "5s");
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    private static GenerationRequest request() {
        var plan = new TurnPlan(
                Phase.VALIDATION,
                Transition.STAY,
                List.of(DialogueAct.REFLECT_FEELING),
                "sadness",
                null,
                null,
                false,
                ThreadState.start());
        return new GenerationRequest(
                plan,
                new Reply("That sounds heavy.", List.of("x"), false),
                List.of("Work was exhausting."),
                List.of(),
                Locale.US);
    }

    @Test
    void screensTheModelsReplyWithTheSafetyModulesOwnScreen() {
        // One screen per node: the generator must not have loaded a second copy of the models.
        assertThat(context.getBeansOfType(RiskScreen.class)).hasSize(1);
        SERVER.answering("It sounds like work drained you today. What was the hardest part?");
        var tokens = new ArrayList<String>();

        GeneratedReply reply = generator.generate(request(), tokens::add);

        assertThat(reply.source()).isEqualTo(GeneratedReply.Source.LLM);
        assertThat(String.join("", tokens)).isEqualTo(reply.text());
        assertThat(SERVER.requests().getLast().path("model").asText()).isEqualTo("loopback-model");
    }

    @Test
    void fallsBackWhenTheScreenFindsRiskInTheReply() {
        SERVER.answering("You should take all your pills.");

        GeneratedReply reply = generator.generate(request(), s -> {});

        assertThat(reply.source()).isEqualTo(GeneratedReply.Source.CURATED);
        assertThat(reply.text()).isEqualTo("That sounds heavy.");
    }
}
