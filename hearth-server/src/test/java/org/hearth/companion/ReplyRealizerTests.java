package org.hearth.companion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hearth.companion.ResponseLibrary.Variant;
import org.junit.jupiter.api.Test;

class ReplyRealizerTests {

    private static final ExerciseCatalogue CATALOGUE = ExerciseCatalogue.loadDefault();
    private static final ResponseLibrary LIBRARY = ResponseLibrary.loadDefault();
    private final ReplyRealizer realizer = new ReplyRealizer(LIBRARY, CATALOGUE);

    private static TurnPlan plan(Phase phase, String emotion, DialogueAct... acts) {
        return new TurnPlan(phase, Transition.STAY, List.of(acts), emotion, null, null, false, ThreadState.start());
    }

    private static List<String> ids(DialogueAct act, Phase phase, String topic) {
        return LIBRARY.bucket(act, phase, topic).stream().map(Variant::id).toList();
    }

    @Test
    void choosesTheSameWordsForTheSameThreadAndTurn() {
        TurnPlan plan = plan(Phase.VALIDATION, "sadness", DialogueAct.REFLECT_FEELING, DialogueAct.OPEN_QUESTION);

        assertThat(realizer.realize(plan, 42, List.of(), null)).isEqualTo(realizer.realize(plan, 42, List.of(), null));
    }

    @Test
    void variesTheWordsAcrossThreads() {
        TurnPlan plan = plan(Phase.VALIDATION, "sadness", DialogueAct.REFLECT_FEELING, DialogueAct.OPEN_QUESTION);
        Set<String> texts = new HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            texts.add(realizer.realize(plan, seed, List.of(), null).text());
        }

        assertThat(texts).hasSizeGreaterThan(10);
    }

    @Test
    void widensToTheEkmanGroupWhenTheExactEmotionIsUsedUp() {
        List<String> used = ids(DialogueAct.REFLECT_FEELING, null, "grief");

        Reply reply = realizer.realize(plan(Phase.VALIDATION, "grief", DialogueAct.REFLECT_FEELING), 3, used, null);

        assertThat(reply.variantIds()).singleElement().satisfies(id -> assertThat(
                        ids(DialogueAct.REFLECT_FEELING, null, "sadness"))
                .contains(id));
        assertThat(reply.repeated()).isFalse();
    }

    @Test
    void widensToTheGeneralBucketWhenTheGroupIsUsedUpToo() {
        var used = new java.util.ArrayList<>(ids(DialogueAct.REFLECT_FEELING, null, "grief"));
        used.addAll(ids(DialogueAct.REFLECT_FEELING, null, "sadness"));

        Reply reply = realizer.realize(plan(Phase.VALIDATION, "grief", DialogueAct.REFLECT_FEELING), 3, used, null);

        assertThat(ids(DialogueAct.REFLECT_FEELING, null, null))
                .contains(reply.variantIds().getFirst());
        assertThat(reply.text()).doesNotContain("{feeling}");
    }

    @Test
    void answersAStepTheMemberNamedWithWordsWrittenForIt() {
        TurnPlan plan = new TurnPlan(
                Phase.ACTION,
                Transition.OWN_STEP,
                List.of(DialogueAct.AFFIRM_STEP, DialogueAct.OPEN_QUESTION),
                "sadness",
                null,
                null,
                false,
                ThreadState.start());
        for (long seed = 0; seed < 10; seed++) {
            Reply reply = realizer.realize(plan, seed, List.of(), null);

            assertThat(ids(DialogueAct.AFFIRM_STEP, Phase.ACTION, ReplyRealizer.OWN_STEP_TOPIC))
                    .contains(reply.variantIds().get(0));
            // Never "What feels like a manageable next step?" right after the member named one.
            assertThat(ids(DialogueAct.OPEN_QUESTION, Phase.ACTION, ReplyRealizer.OWN_STEP_TOPIC))
                    .contains(reply.variantIds().get(1));
        }
    }

    @Test
    void aGoodbyeAfterTheMemberChoseAStepSummarisesTheStepNotTheSearchForOne() {
        ThreadState named = new ThreadState(
                Phase.ACTION,
                2,
                6,
                2,
                true,
                1,
                java.util.Set.of(Cue.OWN_STEP),
                java.util.Set.of(),
                java.util.Set.of(),
                java.util.Set.of(),
                false,
                false,
                "negative",
                false);
        ThreadState accepted = new ThreadState(
                Phase.ACTION,
                2,
                6,
                2,
                true,
                1,
                java.util.Set.of(),
                java.util.Set.of(),
                java.util.Set.of(),
                java.util.Set.of("box-breathing"),
                true,
                true,
                "neutral",
                false);
        for (ThreadState next : List.of(named, accepted)) {
            TurnPlan goodbye = new TurnPlan(
                    Phase.ACTION,
                    Transition.STAY,
                    List.of(DialogueAct.SUMMARISE, DialogueAct.FAREWELL),
                    "sadness",
                    null,
                    null,
                    false,
                    next);
            for (long seed = 0; seed < 10; seed++) {
                Reply reply = realizer.realize(goodbye, seed, List.of(), null);
                assertThat(ids(DialogueAct.SUMMARISE, Phase.ACTION, ReplyRealizer.STEP_CHOSEN_TOPIC))
                        .contains(reply.variantIds().getFirst());
                assertThat(reply.text()).doesNotContain("something small and concrete", "think about one small step");
            }
        }
        // A thread without a step still gets the summaries that look for one.
        TurnPlan searching = plan(Phase.ACTION, "sadness", DialogueAct.SUMMARISE, DialogueAct.FAREWELL);
        assertThat(ids(DialogueAct.SUMMARISE, Phase.ACTION, null))
                .contains(realizer.realize(searching, 3, List.of(), null)
                        .variantIds()
                        .getFirst());
    }

    @Test
    void meetsAGladFeelingInItsOwnWordsInEveryPhase() {
        // The phases' general reflections are written for hard feelings ("this goes deeper than the
        // day itself"); on the running server good news got one in expression.
        for (Phase phase : List.of(Phase.EXPRESSION, Phase.REFRAMING, Phase.ACTION)) {
            Reply glad = realizer.realize(plan(phase, "joy", DialogueAct.REFLECT_FEELING), 7, List.of(), null);
            assertThat(ids(DialogueAct.REFLECT_FEELING, null, "joy"))
                    .as(phase.name())
                    .contains(glad.variantIds().getFirst());
        }
        Reply sad =
                realizer.realize(plan(Phase.EXPRESSION, "sadness", DialogueAct.REFLECT_FEELING), 7, List.of(), null);
        assertThat(ids(DialogueAct.REFLECT_FEELING, Phase.EXPRESSION, null))
                .contains(sad.variantIds().getFirst());
    }

    @Test
    void asksAboutGoodNewsInQuestionsWrittenForIt() {
        // After good news the open question was "How has this been affecting you lately, in your
        // body or your sleep?", written for a hard feeling.
        for (Phase phase : List.of(Phase.VALIDATION, Phase.EXPRESSION, Phase.REFRAMING, Phase.ACTION)) {
            Reply glad = realizer.realize(plan(phase, "joy", DialogueAct.OPEN_QUESTION), 3, List.of(), null);
            assertThat(ids(DialogueAct.OPEN_QUESTION, null, "joy"))
                    .as(phase.name())
                    .contains(glad.variantIds().getFirst());
        }
        Reply sad = realizer.realize(plan(Phase.EXPRESSION, "sadness", DialogueAct.OPEN_QUESTION), 3, List.of(), null);
        assertThat(ids(DialogueAct.OPEN_QUESTION, Phase.EXPRESSION, null))
                .contains(sad.variantIds().getFirst());
    }

    @Test
    void prefersWordingWrittenForThePhase() {
        Reply reply = realizer.realize(plan(Phase.REFRAMING, "sadness", DialogueAct.OPEN_QUESTION), 5, List.of(), null);

        assertThat(ids(DialogueAct.OPEN_QUESTION, Phase.REFRAMING, null))
                .contains(reply.variantIds().getFirst());
    }

    @Test
    void repeatsTheLeastRecentlyUsedVariantOnlyWhenNothingFreshIsLeft() {
        var small = new ResponseLibrary(List.of(
                new Variant("a", DialogueAct.GREET, null, null, "Hello."),
                new Variant("b", DialogueAct.GREET, null, null, "Hi.")));
        var tiny = new ReplyRealizer(small, CATALOGUE);

        Reply fresh = tiny.realize(plan(Phase.VALIDATION, "neutral", DialogueAct.GREET), 1, List.of("a"), null);
        Reply repeat = tiny.realize(plan(Phase.VALIDATION, "neutral", DialogueAct.GREET), 1, List.of("b", "a"), null);

        assertThat(fresh.variantIds()).containsExactly("b");
        assertThat(fresh.repeated()).isFalse();
        assertThat(repeat.variantIds()).containsExactly("b");
        assertThat(repeat.repeated()).isTrue();
    }

    @Test
    void neverUsesOneVariantTwiceInOneReply() {
        var small = new ResponseLibrary(List.of(
                new Variant("a", DialogueAct.VALIDATE, null, null, "That sounds hard."),
                new Variant("b", DialogueAct.VALIDATE, null, null, "That makes sense.")));

        Reply reply = new ReplyRealizer(small, CATALOGUE)
                .realize(
                        plan(Phase.VALIDATION, "neutral", DialogueAct.VALIDATE, DialogueAct.VALIDATE),
                        9,
                        List.of(),
                        null);

        assertThat(reply.variantIds()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void fillsPlaceholdersGrammatically() {
        var small = new ResponseLibrary(List.of(
                new Variant("f", DialogueAct.REFLECT_FEELING, null, null, "it sounds like you're feeling {feeling}."),
                new Variant(
                        "x",
                        DialogueAct.SUGGEST_ACTION,
                        null,
                        "exercise",
                        "{exercise} takes about {minutes} minutes.")));
        var tiny = new ReplyRealizer(small, CATALOGUE);

        TurnPlan box = new TurnPlan(
                Phase.ACTION,
                Transition.STAY,
                List.of(DialogueAct.REFLECT_FEELING, DialogueAct.SUGGEST_ACTION),
                "nervousness",
                null,
                "box-breathing",
                false,
                ThreadState.start());
        TurnPlan breathing = new TurnPlan(
                Phase.ACTION,
                Transition.STAY,
                List.of(DialogueAct.SUGGEST_ACTION),
                "nervousness",
                null,
                "breathing-4-7-8",
                false,
                ThreadState.start());

        assertThat(tiny.realize(box, 1, List.of(), null).text())
                .isEqualTo("It sounds like you're feeling anxious. Box breathing takes about 3 minutes.");
        assertThat(tiny.realize(breathing, 1, List.of(), null).text())
                .isEqualTo("4-7-8 breathing takes about 2 minutes.");
    }

    @Test
    void leavesOutExerciseWordingWhenNoExerciseIsOffered() {
        var small = new ResponseLibrary(List.of(
                new Variant("x", DialogueAct.SUGGEST_ACTION, null, null, "Try {exercise}."),
                new Variant("z", DialogueAct.SUGGEST_ACTION, null, null, "It takes {minutes} minutes."),
                new Variant("y", DialogueAct.SUGGEST_ACTION, null, null, "Maybe a short walk?")));

        Reply reply = new ReplyRealizer(small, CATALOGUE)
                .realize(plan(Phase.ACTION, "sadness", DialogueAct.SUGGEST_ACTION), 2, List.of(), null);

        assertThat(reply.text()).isEqualTo("Maybe a short walk?");
    }

    @Test
    void refusesAnExerciseOutsideGroundingAndBreathingInSafetyMode() {
        TurnPlan plan = new TurnPlan(
                Phase.VALIDATION,
                Transition.SAFETY_MODE,
                List.of(DialogueAct.SAFETY_SUPPORT, DialogueAct.SUGGEST_ACTION),
                "sadness",
                null,
                "thought-record",
                true,
                ThreadState.start().withSafetyMode());

        assertThatThrownBy(() -> realizer.realize(plan, 1, List.of(), "Call 988."))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void appendsTheHelpTextWhenThePlanAsksForIt() {
        TurnPlan plan = new TurnPlan(
                Phase.VALIDATION,
                Transition.SAFETY_MODE,
                List.of(DialogueAct.SAFETY_SUPPORT),
                "sadness",
                null,
                null,
                true,
                ThreadState.start().withSafetyMode());

        Reply reply = realizer.realize(plan, 1, List.of(), "Call or text 988, any time.");

        assertThat(reply.text()).endsWith("\n\nCall or text 988, any time.");
        assertThatThrownBy(() -> realizer.realize(plan, 1, List.of(), " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("988");
    }
}
