package org.hearth.companion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ResponseLibraryTests {

    private static final ExerciseCatalogue CATALOGUE = ExerciseCatalogue.loadDefault();
    private static final ResponseLibrary LIBRARY = ResponseLibrary.loadDefault();

    @Test
    void holdsAtLeastFourHundredVariants() {
        assertThat(LIBRARY.size()).isGreaterThanOrEqualTo(400);
        assertThat(LIBRARY.all()).extracting(ResponseLibrary.Variant::id).doesNotHaveDuplicates();
    }

    @Test
    void reportsTheCountPerBucket() {
        var byAct = new TreeMap<String, Integer>();
        LIBRARY.counts().forEach((bucket, count) -> {
            System.out.printf("companion-bucket %-52s %3d%n", bucket, count);
            byAct.merge(bucket.substring(0, bucket.indexOf('/')), count, Integer::sum);
        });
        byAct.forEach((act, count) -> System.out.printf("companion-act %-20s %3d%n", act, count));
        System.out.printf("companion-total %d%n", LIBRARY.size());
        assertThat(LIBRARY.counts().values()).allMatch(count -> count >= 4);
    }

    @Test
    void asksAtLeastEightSocraticQuestionsPerDistortion() {
        for (String distortion : TurnUnderstanding.DISTORTIONS) {
            assertThat(LIBRARY.bucket(DialogueAct.SOCRATIC_QUESTION, Phase.REFRAMING, distortion))
                    .as(distortion)
                    .hasSizeGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void reflectsAndValidatesEveryEkmanGroupAndTheFinerLabelsThatMatterMost() {
        for (String group : Emotions.EKMAN_GROUPS) {
            assertThat(LIBRARY.bucket(DialogueAct.REFLECT_FEELING, null, group))
                    .as(group)
                    .hasSizeGreaterThanOrEqualTo(6);
            assertThat(LIBRARY.bucket(DialogueAct.VALIDATE, null, group))
                    .as(group)
                    .hasSizeGreaterThanOrEqualTo(4);
        }
        for (String label :
                List.of("nervousness", "grief", "disappointment", "embarrassment", "gratitude", "remorse")) {
            assertThat(LIBRARY.bucket(DialogueAct.REFLECT_FEELING, null, label))
                    .as(label)
                    .hasSizeGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void suggestsEveryExerciseInTheCatalogueAndNoOther() {
        Set<String> topics = new java.util.TreeSet<>();
        LIBRARY.all().stream()
                .filter(v -> v.act() == DialogueAct.SUGGEST_ACTION && v.topic() != null)
                .forEach(v -> topics.add(v.topic()));
        topics.remove(ResponseLibrary.ANY_EXERCISE);
        assertThat(topics)
                .containsExactlyInAnyOrderElementsOf(
                        CATALOGUE.all().stream().map(Exercise::id).toList());
        for (Exercise exercise : CATALOGUE.all()) {
            assertThat(LIBRARY.bucket(DialogueAct.SUGGEST_ACTION, null, exercise.id()))
                    .hasSizeGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void usesOnlyKnownTopics() {
        Set<String> known = new java.util.HashSet<>(TurnUnderstanding.DISTORTIONS);
        CATALOGUE.all().forEach(e -> known.add(e.id()));
        known.add(ResponseLibrary.ANY_EXERCISE);
        known.add(ReplyRealizer.OWN_STEP_TOPIC);
        known.add(ReplyRealizer.STEP_CHOSEN_TOPIC);
        assertThat(LIBRARY.all()).filteredOn(v -> v.topic() != null).allSatisfy(v -> assertThat(
                        known.contains(v.topic()) || Emotions.isLabel(v.topic()))
                .as(v.id())
                .isTrue());
    }

    @Test
    void hasVariantsForEveryActAndPhaseThePolicyCanAskFor() {
        var policy = new PhasePolicy(CATALOGUE);
        var realizer = new ReplyRealizer(LIBRARY, CATALOGUE);
        Map<DialogueAct, Set<Phase>> asked = new EnumMap<>(DialogueAct.class);
        var random = new Random(11);
        List<String> labels = List.of(
                "sadness",
                "fear",
                "nervousness",
                "anger",
                "annoyance",
                "grief",
                "joy",
                "gratitude",
                "remorse",
                "embarrassment",
                "disappointment",
                "confusion",
                "surprise",
                "disgust",
                "neutral",
                "relief");
        List<String> texts = List.of(
                "what can I do about it",
                "you don't get it",
                "ok I'll try",
                "not now",
                "it keeps going round and round",
                "I can't sleep at night",
                "it was a long and tiring week at work and at home with the kids",
                "hi");
        for (int thread = 0; thread < 300; thread++) {
            ThreadState state = thread % 5 == 0 ? ThreadState.start().withSafetyMode() : ThreadState.start();
            List<String> used = new ArrayList<>();
            for (int turn = 0; turn < 12; turn++) {
                String label = labels.get(random.nextInt(labels.size()));
                var builder = TurnBuilder.says(texts.get(random.nextInt(texts.size())))
                        .emotion(label, random.nextDouble())
                        .ekman(Emotions.group(label))
                        .sentiment(List.of("negative", "neutral", "positive").get(random.nextInt(3)))
                        .intent(List.copyOf(TurnUnderstanding.INTENTS)
                                .get(random.nextInt(TurnUnderstanding.INTENTS.size())));
                if (random.nextInt(3) == 0) {
                    builder.distortion(
                            List.copyOf(TurnUnderstanding.DISTORTIONS).get(random.nextInt(10)));
                }
                TurnPlan plan = policy.decide(state, builder.understood());
                plan.acts().forEach(act -> asked.computeIfAbsent(act, a -> EnumSet.noneOf(Phase.class))
                        .add(plan.phase()));
                Reply reply = realizer.realize(plan, thread, used, "HELP");
                assertThat(reply.repeated())
                        .as("turn %d of thread %d", turn, thread)
                        .isFalse();
                assertThat(reply.text()).doesNotContain("{", "}");
                used.addAll(reply.variantIds());
                state = plan.next();
            }
        }
        asked.forEach((act, phases) -> phases.forEach(phase -> {
            int general = LIBRARY.bucket(act, phase, null).size()
                    + LIBRARY.bucket(act, null, null).size();
            assertThat(general).as("%s in %s", act, phase).isGreaterThanOrEqualTo(4);
        }));
        assertThat(asked.keySet()).containsAll(EnumSet.allOf(DialogueAct.class));
    }

    @Test
    void rejectsAnUnknownPlaceholder() {
        Map<String, Object> document =
                Map.of("act", "VALIDATE", "buckets", Map.of("ANY/ANY", List.of("Hello {name}.")));
        assertThatThrownBy(() -> ResponseLibrary.parse(document, "broken.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("{name}");
    }
}
