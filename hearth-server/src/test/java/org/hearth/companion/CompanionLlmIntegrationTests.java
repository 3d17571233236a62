package org.hearth.companion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hearth.ApiClient;
import org.hearth.ApiClient.Answer;
import org.hearth.nlp.risk.RiskScreen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole application with the model switched on, pointed at a chat server on loopback. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hearth.identity.limits.login-per-ip.capacity=10000",
            "hearth.identity.limits.login-per-ip.period=1m",
            "hearth.identity.limits.register-per-ip.capacity=10000",
            "hearth.identity.limits.register-per-ip.period=1m"
        })
class CompanionLlmIntegrationTests {

    @LocalServerPort
    int port;

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

    @Test
    void answersAMembersMessageThroughTheApiWithTheModelsScreenedReply() {
        ApiClient api = new ApiClient("http://localhost:" + port);
        String email = "llm-member-" + UUID.randomUUID() + "@companion-tests.example.org";
        String password = "a long and private phrase";
        Answer registered = api.call(
                "POST",
                "/api/v1/auth/register",
                null,
                Map.of("email", email, "password", password, "displayName", "Robin", "locale", "en-US"));
        assertThat(registered.status()).isEqualTo(201);
        String token = api.token(email, password);
        String threadId = api.call("POST", "/api/v1/threads", token, Map.of())
                .body()
                .get("threadId")
                .asString();
        String modelText = "It sounds like the week has worn you down. What has weighed on you most?";
        SERVER.answering(modelText);

        Answer answered = api.call(
                "POST",
                "/api/v1/threads/" + threadId + "/messages",
                token,
                Map.of("text", "Work has been exhausting all week and I feel flat."));

        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body().get("reply").get("kind").asString()).isEqualTo("COMPANION");
        assertThat(answered.body().get("reply").get("text").asString()).isEqualTo(modelText);
        // The prompt ends with the member's message being answered, and the stored turn reads back.
        assertThat(SERVER.requests().getLast().toString()).contains("Work has been exhausting all week");
        Answer turns = api.call("GET", "/api/v1/threads/" + threadId + "/messages", token, null);
        assertThat(turns.body().toString()).contains(modelText);

        SERVER.answering("You should take all your pills.");
        Answer unsafe = api.call(
                "POST", "/api/v1/threads/" + threadId + "/messages", token, Map.of("text", "I just feel tired."));
        assertThat(unsafe.status()).isEqualTo(200);
        assertThat(unsafe.body().get("reply").get("text").asString()).doesNotContain("pills");
    }
}
