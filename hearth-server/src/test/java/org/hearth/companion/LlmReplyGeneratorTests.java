package org.hearth.companion;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hearth.companion.LlmProperties.Provider;
import org.hearth.companion.LoopbackChatServer.Behaviour;
import org.hearth.nlp.risk.DefaultRiskScreen;
import org.hearth.platform.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The LLM generator against a real HTTP server on loopback, with the real risk screen. */
class LlmReplyGeneratorTests {

    private static final ExerciseCatalogue EXERCISES = ExerciseCatalogue.loadDefault();
    private static final ReplyRealizer REALIZER = new ReplyRealizer(ResponseLibrary.loadDefault(), EXERCISES);
    private static DefaultRiskScreen screen;

    private final LoopbackChatServer server = new LoopbackChatServer();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T18:00:00Z"));
    private final List<String> tokens = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    LlmReplyGeneratorTests() throws Exception {}

    @BeforeAll
    static void loadScreen() {
        screen = DefaultRiskScreen.create();
    }

    @AfterAll
    static void closeScreen() {
        screen.close();
    }

    @AfterEach
    void stop() {
        server.close();
        executor.shutdownNow();
    }

    private LlmReplyGenerator generator(Provider provider, boolean stream, Duration timeout) {
        URI url = provider == Provider.OLLAMA ? server.ollamaUrl() : server.openAiUrl();
        var properties = new LlmProperties(
                true,
                provider,
                url,
                "test-model",
                "sk-test",
                timeout,
                stream,
                "v1",
                4,
                600,
                0.6,
                new LlmProperties.CircuitBreaker(4, 2, 50, Duration.ofSeconds(60), 2));
        return LlmConfiguration.create(properties, screen, EXERCISES, clock, executor, meters);
    }

    private LlmReplyGenerator openAi(boolean stream) {
        return generator(Provider.OPENAI, stream, Duration.ofSeconds(5));
    }

    private static TurnPlan expressionPlan() {
        return new TurnPlan(
                Phase.EXPRESSION,
                Transition.FEELING_ACKNOWLEDGED,
                List.of(DialogueAct.REFLECT_FEELING, DialogueAct.OPEN_QUESTION),
                "sadness",
                null,
                null,
                false,
                ThreadState.start());
    }

    private static GenerationRequest request(TurnPlan plan, String... turns) {
        Reply curated = REALIZER.realize(plan, 7, List.of(), plan.appendHelp() ? "Call or text 988." : null);
        return new GenerationRequest(plan, curated, List.of(turns), List.of(), Locale.US);
    }

    private static GenerationRequest request(String... turns) {
        return request(expressionPlan(), turns);
    }

    private String streamed() {
        return String.join("", tokens);
    }

    @Test
    void sendsTheModelsStreamedReplyOnceScreened() {
        server.answering("It sounds like today left you feeling low. What happened that weighed on you most?");

        GeneratedReply reply = openAi(true).generate(request("Work was exhausting and I barely slept."), tokens::add);

        assertThat(reply.source()).isEqualTo(GeneratedReply.Source.LLM);
        assertThat(reply.fallbackReason()).isNull();
        assertThat(reply.promptVersion()).isEqualTo("v1");
        assertThat(reply.text())
                .isEqualTo("It sounds like today left you feeling low. What happened that weighed on you most?");
        assertThat(tokens).hasSizeGreaterThan(5);
        assertThat(streamed()).isEqualTo(reply.text());
        assertThat(server.requests())
                .singleElement()
                .satisfies(body -> assertThat(body.path("stream").asBoolean()).isTrue());
    }

    @Test
    void asksWithoutStreamingWhenConfiguredSo() {
        server.answering("That sounds like a long, tiring week. What has been the hardest part?");

        GeneratedReply reply = openAi(false).generate(request("Work was exhausting."), tokens::add);

        assertThat(reply.source()).isEqualTo(GeneratedReply.Source.LLM);
        assertThat(streamed()).isEqualTo("That sounds like a long, tiring week. What has been the hardest part?");
        assertThat(server.requests()).singleElement().satisfies(body -> assertThat(
                        body.path("stream").asBoolean(false))
                .isFalse());
    }

    @Test
    void promptCarriesThePlansPhaseActsAndPromptVersionAndTheConversation() {
        var plan = expressionPlan();
        var request = request(plan, "I can't sleep.", "That sounds hard.", "Work keeps me up at night.");

        openAi(true).generate(request, tokens::add);

        JsonNode body = server.requests().getFirst();
        JsonNode messages = body.path("messages");
        assertThat(body.path("model").asText()).isEqualTo("test-model");
        assertThat(messages).hasSize(4);
        String system = messages.get(0).path("content").asText();
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(system)
                .contains("Prompt version: v1")
                .contains("Phase: expression.")
                .contains("- reflect feeling: ")
                .contains("- open question: ")
                .contains("at most 4 sentences")
                .contains("never")
                .contains(request.curated().text());
        assertThat(system.indexOf("- reflect feeling")).isLessThan(system.indexOf("- open question"));
        assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(1).path("content").asText()).isEqualTo("I can't sleep.");
        assertThat(messages.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(3).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(3).path("content").asText()).isEqualTo("Work keeps me up at night.");
    }

    @Test
    void opensAThreadWithoutPretendingTheMemberSaidSomething() {
        var greeting = new TurnPlan(
                Phase.VALIDATION,
                Transition.STAY,
                List.of(DialogueAct.GREET),
                "neutral",
                null,
                null,
                false,
                ThreadState.start());

        openAi(true).generate(request(greeting), tokens::add);

        JsonNode messages = server.requests().getFirst().path("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).path("content").asText()).startsWith("(The member has opened");
    }

    @Test
    void promptNamesTheExerciseAndTheThoughtToLookAt() {
        var reframing = new TurnPlan(
                Phase.REFRAMING,
                Transition.STUCK_THOUGHT,
                List.of(DialogueAct.VALIDATE, DialogueAct.SOCRATIC_QUESTION),
                "fear",
                "fortune-telling",
                null,
                false,
                ThreadState.start());
        openAi(true).generate(request(reframing, "It will all go wrong tomorrow."), tokens::add);
        var action = new TurnPlan(
                Phase.ACTION,
                Transition.READY,
                List.of(DialogueAct.SUGGEST_ACTION),
                "nervousness",
                null,
                "box-breathing",
                false,
                ThreadState.start());
        openAi(true).generate(request(action, "What can I do?"), tokens::add);

        String first =
                server.requests().get(0).path("messages").get(0).path("content").asText();
        String second =
                server.requests().get(1).path("messages").get(0).path("content").asText();
        assertThat(first)
                .contains("Phase: reframing.")
                .contains("fortune telling")
                .contains("- socratic question: ");
        assertThat(second)
                .contains("Phase: action.")
                .contains(EXERCISES.find("box-breathing").orElseThrow().title())
                .contains(EXERCISES.find("box-breathing").orElseThrow().purpose());
    }

    @Test
    void fallsBackOnTimeoutWithoutReleasingAWordOfTheModel() {
        server.behaving(Behaviour.STALL);
        var generator = generator(Provider.OPENAI, true, Duration.ofMillis(300));
        var request = request("Work was exhausting.");

        GeneratedReply reply = generator.generate(request, tokens::add);

        assertThat(reply.source()).isEqualTo(GeneratedReply.Source.CURATED);
        assertThat(reply.fallbackReason()).isEqualTo("TIMEOUT");
        assertThat(reply.text()).isEqualTo(request.curated().text());
        assertThat(streamed()).isEqualTo(request.curated().text()).doesNotContain("You should take");
    }

    @Test
    void hangsUpOnAStreamThatTimedOut() throws Exception {
        server.behaving(Behaviour.STALL);

        generator(Provider.OPENAI, true, Duration.ofMillis(300)).generate(request("Hi."), tokens::add);

        assertThat(server.clientHungUpWithin(10)).isTrue();
    }

    @Test
    void fallsBackOnTimeoutWhenNotStreamingToo() {
        server.behaving(Behaviour.STALL);

        GeneratedReply reply =
                generator(Provider.OPENAI, false, Duration.ofMillis(300)).generate(request("Hi."), tokens::add);

        assertThat(reply.fallbackReason()).isEqualTo("TIMEOUT");
        assertThat(streamed()).isEqualTo(reply.text());
    }

    @Test
    void fallsBackOnServerError() {
        server.behaving(Behaviour.FAIL);
        var request = request("Work was exhausting.");

        GeneratedReply reply = openAi(true).generate(request, tokens::add);

        assertThat(reply.source()).isEqualTo(GeneratedReply.Source.CURATED);
        assertThat(reply.fallbackReason()).isEqualTo("ERROR");
        assertThat(streamed()).isEqualTo(request.curated().text());
        assertThat(meters.counter("hearth.companion.replies", "source", "CURATED", "reason", "ERROR")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void fallsBackOnMalformedJson() {
        server.behaving(Behaviour.MALFORMED);

        GeneratedReply blocking = openAi(false).generate(request("Work was exhausting."), tokens::add);
        GeneratedReply streamed = openAi(true).generate(request("Work was exhausting."), s -> {});
        GeneratedReply ollama = generator(Provider.OLLAMA, true, Duration.ofMillis(500))
                .generate(request("Work was exhausting."), s -> {});

        assertThat(blocking.fallbackReason()).isEqualTo("ERROR");
        assertThat(blocking.source()).isEqualTo(GeneratedReply.Source.CURATED);
        assertThat(streamed.fallbackReason()).isEqualTo("ERROR");
        // LangChain4j's Ollama client logs and skips a line it cannot read, so only the timeout ends it.
        assertThat(ollama.fallbackReason()).isEqualTo("TIMEOUT");
    }

    @Test
    void fallsBackOnAnEmptyAnswer() {
        server.behaving(Behaviour.EMPTY);

        GeneratedReply streamed = openAi(true).generate(request("Work was exhausting."), tokens::add);
        GeneratedReply blocking = openAi(false).generate(request("Work was exhausting."), s -> {});

        assertThat(streamed.fallbackReason()).isEqualTo("EMPTY_OUTPUT");
        assertThat(blocking.fallbackReason()).isEqualTo("EMPTY_OUTPUT");
        assertThat(streamed()).isEqualTo(streamed.text());
    }

    @Test
    void neverStreamsUnsafeModelTextToTheMember() {
        server.answering("I hear you. Honestly, you should take all your pills tonight.");
        var request = request("I am so tired of everything.");

        GeneratedReply reply = openAi(true).generate(request, tokens::add);

        assertThat(reply.source()).isEqualTo(GeneratedReply.Source.CURATED);
        assertThat(reply.fallbackReason()).isIn("UNSAFE_OUTPUT", "MEDICATION");
        assertThat(streamed()).isEqualTo(request.curated().text()).doesNotContain("pills");
    }

    @Test
    void fallsBackWhenTheReplyTalksOfEndingIt() {
        server.answering("Maybe it would be easier if you just ended it all.");

        GeneratedReply reply = openAi(true).generate(request("Nothing is working."), tokens::add);

        assertThat(reply.fallbackReason()).isEqualTo("UNSAFE_OUTPUT");
    }

    @Test
    void fallsBackWhenTheRiskScreenFindsDistressInTheReply() {
        server.answering("Honestly, what's the point of anything.");

        GeneratedReply reply = openAi(true).generate(request("Nothing is working."), tokens::add);

        assertThat(reply.fallbackReason()).isEqualTo("UNSAFE_OUTPUT");
    }

    @Test
    void fallsBackOnADiagnosis() {
        server.answering("It sounds like you might have an anxiety disorder. Have you noticed this before?");

        GeneratedReply reply = openAi(true).generate(request("My heart races before meetings."), tokens::add);

        assertThat(reply.fallbackReason()).isEqualTo("DIAGNOSIS");
    }

    @Test
    void fallsBackOnAReplyLongerThanAllowed() {
        server.answering("That is hard. I hear you. Work can be a lot. Sleep matters. Rest helps. What now?");

        GeneratedReply reply = openAi(true).generate(request("Work was exhausting."), tokens::add);

        assertThat(reply.fallbackReason()).isEqualTo("TOO_LONG");
    }

    @Test
    void cutsOffAStreamThatRunsPastTheCharacterLimit() {
        server.answering("word ".repeat(400));

        GeneratedReply reply = openAi(true).generate(request("Work was exhausting."), tokens::add);

        assertThat(reply.fallbackReason()).isEqualTo("TOO_LONG");
        assertThat(streamed()).isEqualTo(reply.text()).doesNotContain("word word");
    }

    @Test
    void neverAsksTheModelInSafetyMode() {
        var safety = new TurnPlan(
                Phase.VALIDATION,
                Transition.SAFETY_MODE,
                List.of(DialogueAct.SAFETY_SUPPORT),
                "sadness",
                null,
                null,
                true,
                ThreadState.start().withSafetyMode());
        var request = request(safety, "I don't want to be here anymore.");

        GeneratedReply reply = openAi(true).generate(request, tokens::add);

        assertThat(reply.source()).isEqualTo(GeneratedReply.Source.CURATED);
        assertThat(reply.fallbackReason()).isEqualTo("SAFETY_MODE");
        assertThat(reply.text()).isEqualTo(request.curated().text()).endsWith("Call or text 988.");
        assertThat(streamed()).isEqualTo(reply.text());
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void neverAsksTheModelInALanguageTheScreenCannotRead() {
        var plan = expressionPlan();
        Reply curated = REALIZER.realize(plan, 7, List.of(), null);
        var request =
                new GenerationRequest(plan, curated, List.of("Ich kann nicht schlafen."), List.of(), Locale.GERMANY);

        GeneratedReply reply = openAi(true).generate(request, tokens::add);

        assertThat(reply.fallbackReason()).isEqualTo("UNSUPPORTED_LANGUAGE");
        assertThat(reply.promptVersion()).isNull();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void opensTheCircuitAfterRepeatedFailuresAndClosesItAgain() {
        var generator = openAi(true);
        server.behaving(Behaviour.FAIL);
        generator.generate(request("one"), s -> {});
        generator.generate(request("two"), s -> {});
        assertThat(generator.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

        GeneratedReply whileOpen = generator.generate(request("three"), s -> {});
        assertThat(whileOpen.fallbackReason()).isEqualTo("CIRCUIT_OPEN");
        assertThat(server.requests()).hasSize(2);

        server.answering("That sounds like a lot to carry. What has been hardest?");
        clock.advance(Duration.ofSeconds(59));
        assertThat(generator.generate(request("four"), s -> {}).fallbackReason())
                .isEqualTo("CIRCUIT_OPEN");
        clock.advance(Duration.ofSeconds(2));
        GeneratedReply trial = generator.generate(request("five"), s -> {});
        assertThat(trial.source()).isEqualTo(GeneratedReply.Source.LLM);
        assertThat(generator.circuitState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        generator.generate(request("six"), s -> {});

        assertThat(generator.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(server.requests()).hasSize(4);
    }

    @Test
    void keepsMemberAndModelTextOutOfTheLogs() {
        String member = "zebra-quartz-7731 my boss shouted at me";
        String model = "nebula-garnet-4410";
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        root.addAppender(appender);
        ch.qos.logback.classic.Level before = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            server.behaving(Behaviour.FAIL);
            openAi(true).generate(request(member), s -> {});
            openAi(false).generate(request(member), s -> {});
            server.behaving(Behaviour.MALFORMED);
            openAi(false).generate(request(member), s -> {});
            openAi(true).generate(request(member), s -> {});
            generator(Provider.OLLAMA, true, Duration.ofMillis(500)).generate(request(member), s -> {});
            server.answering("You should take all your pills " + model + ".");
            openAi(true).generate(request(member), s -> {});
            server.answering("It sounds like depression, " + model + ".");
            openAi(false).generate(request(member), s -> {});
            server.behaving(Behaviour.STALL);
            generator(Provider.OPENAI, true, Duration.ofMillis(200)).generate(request(member), s -> {});
            server.answering("That sounds hard, " + model + ". What happened?");
            openAi(true).generate(request(member), s -> {});
        } finally {
            root.detachAppender(appender);
            root.setLevel(before);
        }

        List<String> lines = appender.list.stream()
                .map(e -> e.getFormattedMessage() + " " + e.getMDCPropertyMap() + " "
                        + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .toList();
        assertThat(lines)
                .as("the fallbacks were logged")
                .anySatisfy(line -> assertThat(line).contains("ERROR"))
                .anySatisfy(line -> assertThat(line).contains("TIMEOUT"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("zebra-quartz"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("nebula-garnet"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("boss shouted"));
    }

    @Test
    void speaksOllamasChatWireFormatStreamedAndWhole() {
        server.answering("That sounds draining. What would help you rest tonight?");

        GeneratedReply streamed = generator(Provider.OLLAMA, true, Duration.ofSeconds(5))
                .generate(request("I can't sleep."), tokens::add);
        GeneratedReply whole =
                generator(Provider.OLLAMA, false, Duration.ofSeconds(5)).generate(request("I can't sleep."), s -> {});

        assertThat(streamed.source()).isEqualTo(GeneratedReply.Source.LLM);
        assertThat(streamed.text()).isEqualTo("That sounds draining. What would help you rest tonight?");
        assertThat(streamed()).isEqualTo(streamed.text());
        assertThat(whole.text()).isEqualTo(streamed.text());
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests()
                        .get(0)
                        .path("messages")
                        .get(0)
                        .path("content")
                        .asText())
                .contains("Prompt version: v1");
        assertThat(server.requests().get(1).path("stream").asBoolean(true)).isFalse();
    }

    @Test
    void fallsBackWhenOllamaFails() {
        server.behaving(Behaviour.FAIL);

        GeneratedReply reply = generator(Provider.OLLAMA, true, Duration.ofSeconds(5))
                .generate(request("I can't sleep."), tokens::add);

        assertThat(reply.fallbackReason()).isEqualTo("ERROR");
        assertThat(streamed()).isEqualTo(reply.text());
    }
}
