package org.hearth.companion;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.input.PromptTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The versioned prompt of companion/prompts/{version}/: a system message with the rules and the
 * plan, then the recent turns as the conversation, ending with the member's message. The wording
 * lives in the resource files, so a prompt change is a reviewed, versioned file change, and a reply
 * records the version it was asked with.
 */
final class Prompts {

    private final String version;
    private final PromptTemplate system;
    private final PromptTemplate plan;
    private final Properties guides;
    private final ExerciseCatalogue exercises;
    private final int maxSentences;

    private Prompts(String version, ExerciseCatalogue exercises, int maxSentences) {
        this.version = version;
        this.system = PromptTemplate.from(read(version, "system.txt"));
        this.plan = PromptTemplate.from(read(version, "plan.txt"));
        this.guides = new Properties();
        try (var in = new InputStreamReader(open(version, "guides.properties"), StandardCharsets.UTF_8)) {
            guides.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.exercises = exercises;
        this.maxSentences = maxSentences;
        for (Phase phase : Phase.values()) {
            guide("phase." + phase);
        }
        for (DialogueAct act : DialogueAct.values()) {
            guide("act." + act);
        }
    }

    /**
     * Loads prompt {@code version}.
     *
     * @throws IllegalArgumentException if the version or one of its files is missing or incomplete
     */
    static Prompts load(String version, ExerciseCatalogue exercises, int maxSentences) {
        return new Prompts(version, exercises, maxSentences);
    }

    String version() {
        return version;
    }

    /** The messages to send for {@code request}. */
    List<ChatMessage> messages(GenerationRequest request) {
        TurnPlan p = request.plan();
        var rules = system.apply(Map.of(
                        "maxSentences",
                        maxSentences,
                        "language",
                        request.locale().toLanguageTag()))
                .text();
        var values = new HashMap<String, Object>();
        values.put("version", version);
        values.put("phase", p.phase().name().toLowerCase(Locale.ROOT));
        values.put("phaseGuide", guide("phase." + p.phase()));
        values.put(
                "acts",
                p.acts().stream()
                        .map(act -> "- " + act.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
                                + guide("act." + act))
                        .collect(Collectors.joining("\n")));
        values.put("feeling", Emotions.adjective(p.emotion()));
        values.put("focus", focus(p));
        values.put("curated", request.curated().text());
        values.put(
                "context",
                request.context().isEmpty()
                        ? guide("context.none")
                        : request.context().stream().map(c -> "- " + c.strip()).collect(Collectors.joining("\n")));
        String planText = plan.apply(values).text();

        var messages = new ArrayList<ChatMessage>();
        messages.add(SystemMessage.from(rules + "\n\n" + planText));
        List<String> turns = request.recentTurns();
        // The last turn is the member's; walk back from it so the roles alternate correctly.
        for (int i = 0; i < turns.size(); i++) {
            boolean member = (turns.size() - 1 - i) % 2 == 0;
            messages.add(member ? UserMessage.from(turns.get(i)) : AiMessage.from(turns.get(i)));
        }
        if (turns.isEmpty()) {
            messages.add(UserMessage.from(guide("turn.none")));
        }
        return messages;
    }

    private String focus(TurnPlan p) {
        var lines = new ArrayList<String>();
        if (p.distortion() != null && p.acts().contains(DialogueAct.SOCRATIC_QUESTION)) {
            lines.add(PromptTemplate.from(guide("focus.distortion"))
                    .apply(Map.of("distortion", p.distortion().replace('-', ' ')))
                    .text());
        }
        if (p.exerciseId() != null) {
            exercises
                    .find(p.exerciseId())
                    .ifPresent(e -> lines.add(PromptTemplate.from(guide("focus.exercise"))
                            .apply(Map.of(
                                    "exercise",
                                    e.title(),
                                    "minutes",
                                    e.duration().toMinutes(),
                                    "purpose",
                                    e.purpose()))
                            .text()));
        }
        return String.join("\n", lines);
    }

    private String guide(String key) {
        String value = guides.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Prompt " + version + " has no guide for " + key);
        }
        return value.strip();
    }

    private static String read(String version, String file) {
        try (InputStream in = open(version, file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String version, String file) {
        String path = "companion/prompts/" + version + "/" + file;
        InputStream in = Prompts.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalArgumentException("No prompt file " + path);
        }
        return in;
    }
}
