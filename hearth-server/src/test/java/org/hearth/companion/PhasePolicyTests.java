package org.hearth.companion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hearth.companion.TurnBuilder.says;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hearth.nlp.risk.RiskLevel;
import org.junit.jupiter.api.Test;

class PhasePolicyTests {

    private static final ExerciseCatalogue CATALOGUE = ExerciseCatalogue.loadDefault();
    private final PhasePolicy policy = new PhasePolicy(CATALOGUE);

    static ThreadState stateIn(Phase phase, int turnsInPhase, String lastSentiment, Set<String> exercisesOffered) {
        return new ThreadState(
                phase,
                turnsInPhase,
                turnsInPhase + 3,
                3,
                true,
                0,
                Set.of(),
                Set.of("overgeneralization"),
                Set.of("overgeneralization"),
                exercisesOffered,
                !exercisesOffered.isEmpty(),
                false,
                lastSentiment,
                false);
    }

    /** A thread in expression after a described, negative turn, with nothing questioned or offered yet. */
    static ThreadState inExpression(int turnsInPhase, Set<Cue> cuesSeen) {
        return new ThreadState(
                Phase.EXPRESSION,
                turnsInPhase,
                turnsInPhase + 3,
                2,
                true,
                0,
                cuesSeen,
                Set.of(),
                Set.of(),
                Set.of(),
                false,
                false,
                "negative",
                false);
    }

    @Test
    void staysInValidationOnTheFirstTurnEvenWithADistortion() {
        TurnPlan plan = policy.decide(
                ThreadState.start(),
                says("Everything always goes wrong for me, every single time, and today was the worst of it")
                        .emotion("sadness", 0.6)
                        .ekman("sadness")
                        .sentiment("negative")
                        .distortion("overgeneralization")
                        .understood());

        assertThat(plan.phase()).isEqualTo(Phase.VALIDATION);
        assertThat(plan.acts())
                .containsExactly(DialogueAct.REFLECT_FEELING, DialogueAct.VALIDATE, DialogueAct.OPEN_QUESTION);
        assertThat(plan.emotion()).isEqualTo("sadness");
        assertThat(plan.next().turnsInPhase()).isEqualTo(1);
        assertThat(plan.next().distortionsSeen()).containsExactly("overgeneralization");
    }

    @Test
    void movesToExpressionOnceTheFeelingIsNamedAndTheMemberKeepsTalking() {
        ThreadState afterFirst = policy.decide(
                        ThreadState.start(),
                        says("I feel so tense all the time lately")
                                .emotion("nervousness", 0.6)
                                .ekman("fear")
                                .understood())
                .next();

        TurnPlan plan = policy.decide(
                afterFirst,
                says("It started when the new manager arrived and changed everything about how we work")
                        .emotion("nervousness", 0.5)
                        .ekman("fear")
                        .sentiment("negative")
                        .understood());

        assertThat(plan.phase()).isEqualTo(Phase.EXPRESSION);
        assertThat(plan.transition()).isEqualTo(Transition.FEELING_ACKNOWLEDGED);
    }

    @Test
    void keepsValidatingWhileSadnessIsAcute() {
        ThreadState state = ThreadState.start();
        for (int i = 0; i < 4; i++) {
            TurnPlan plan = policy.decide(
                    state,
                    says("I can't stop crying, it all feels like too much and I don't know what to do with myself")
                            .emotion("sadness", 0.9)
                            .emotion("grief", 0.75)
                            .ekman("sadness")
                            .sentiment("negative")
                            .distortion("magnification")
                            .understood());
            assertThat(plan.phase()).isEqualTo(Phase.VALIDATION);
            assertThat(plan.acts()).doesNotContain(DialogueAct.SOCRATIC_QUESTION, DialogueAct.SUGGEST_ACTION);
            state = plan.next();
        }
    }

    @Test
    void stepsBackToValidationWhenFearRisesDuringReframing() {
        TurnPlan plan = policy.decide(
                stateIn(Phase.REFRAMING, 1, "negative", Set.of()),
                says("Now my heart is pounding and I'm terrified about tomorrow")
                        .emotion("fear", 0.85)
                        .ekman("fear")
                        .sentiment("negative")
                        .distortion("fortune-telling")
                        .understood());

        assertThat(plan.phase()).isEqualTo(Phase.VALIDATION);
        assertThat(plan.transition()).isEqualTo(Transition.DISTRESS);
        assertThat(plan.acts()).doesNotContain(DialogueAct.SOCRATIC_QUESTION);
    }

    @Test
    void stepsBackWhenTheMemberPushesBack() {
        TurnPlan plan = policy.decide(
                stateIn(Phase.REFRAMING, 2, "negative", Set.of()),
                says("You don't get it, this isn't about how I think about it")
                        .emotion("annoyance", 0.6)
                        .ekman("anger")
                        .sentiment("negative")
                        .understood());

        assertThat(plan.phase()).isEqualTo(Phase.VALIDATION);
        assertThat(plan.transition()).isEqualTo(Transition.PUSHBACK);
        assertThat(plan.acts()).first().isEqualTo(DialogueAct.REPAIR);
        assertThat(plan.acts()).doesNotContain(DialogueAct.SOCRATIC_QUESTION, DialogueAct.SUGGEST_ACTION);
        assertThat(plan.next().turnsInPhase()).isEqualTo(1);
    }

    @Test
    void stepsBackFromActionWhenTheMemberPushesBack() {
        TurnPlan plan = policy.decide(
                stateIn(Phase.ACTION, 1, "neutral", Set.of("box-breathing")),
                says("Breathing exercises? That doesn't help when my rent is due")
                        .emotion("anger", 0.5)
                        .ekman("anger")
                        .understood());

        assertThat(plan.phase()).isEqualTo(Phase.VALIDATION);
        assertThat(plan.exerciseId()).isNull();
    }

    @Test
    void movesToActionWhenTheMemberAsksWhatToDo() {
        TurnPlan plan = policy.decide(
                stateIn(Phase.EXPRESSION, 2, "negative", Set.of()),
                says("So what can I do about all this?")
                        .emotion("nervousness", 0.4)
                        .ekman("fear")
                        .intent("seeking-advice")
                        .understood());

        assertThat(plan.phase()).isEqualTo(Phase.ACTION);
        assertThat(plan.transition()).isEqualTo(Transition.READY);
        assertThat(plan.acts()).contains(DialogueAct.SUGGEST_ACTION);
        assertThat(plan.exerciseId()).isNotNull();
        assertThat(plan.next().exercisesOffered()).contains(plan.exerciseId());
    }

    @Test
    void meetsEarlyGoodNewsAsGoodNewsAndStillActsOnAnEarlyRequest() {
        // After one described, negative turn with its feeling named: a lift to good news stays with
        // the member (seen on the running server: "My friend and I made up after our fight" got a
        // thought record), while asking what to do still leads to action.
        ThreadState afterOneTurn = stateIn(Phase.VALIDATION, 1, "negative", Set.of());
        TurnPlan goodNews = policy.decide(
                afterOneTurn,
                says("My friend and I made up after our fight")
                        .emotion("joy", 0.6)
                        .ekman("joy")
                        .sentiment("positive")
                        .understood());
        assertThat(goodNews.phase()).isNotEqualTo(Phase.ACTION);
        assertThat(goodNews.acts()).doesNotContain(DialogueAct.SUGGEST_ACTION);
        assertThat(goodNews.acts()).contains(DialogueAct.REFLECT_FEELING);

        TurnPlan asked = policy.decide(
                afterOneTurn,
                says("What can I do about it?")
                        .emotion("nervousness", 0.4)
                        .ekman("fear")
                        .intent("seeking-advice")
                        .understood());
        assertThat(asked.phase()).isEqualTo(Phase.ACTION);
        assertThat(asked.transition()).isEqualTo(Transition.READY);
    }

    @Test
    void movesToActionWhenAReframeLands() {
        TurnPlan plan = policy.decide(
                stateIn(Phase.REFRAMING, 1, "negative", Set.of()),
                says("I suppose it isn't every time, last month went fine")
                        .emotion("realization", 0.4)
                        .ekman("surprise")
                        .sentiment("neutral")
                        .understood());

        assertThat(plan.phase()).isEqualTo(Phase.ACTION);
        assertThat(plan.transition()).isEqualTo(Transition.REFRAME_LANDED);
        assertThat(plan.exerciseId()).isEqualTo("thought-record");
    }

    @Test
    void aLowRiskTurnGetsExtraValidationInsteadOfAChallenge() {
        ThreadState reframing = stateIn(Phase.REFRAMING, 1, "negative", Set.of());
        TurnUnderstanding turn = says("I always ruin things, what's the point of anything")
                .emotion("sadness", 0.4)
                .ekman("sadness")
                .sentiment("negative")
                .distortion("overgeneralization", "mind-reading")
                .understood();

        TurnPlan calm = policy.decide(reframing, turn, RiskLevel.NONE);
        TurnPlan low = policy.decide(reframing, turn, RiskLevel.LOW);

        assertThat(calm.phase()).isEqualTo(Phase.REFRAMING);
        assertThat(calm.acts()).contains(DialogueAct.SOCRATIC_QUESTION);
        assertThat(low.phase()).isEqualTo(Phase.VALIDATION);
        assertThat(low.transition()).isEqualTo(Transition.DISTRESS);
        assertThat(low.acts())
                .containsExactly(DialogueAct.REFLECT_FEELING, DialogueAct.VALIDATE, DialogueAct.OPEN_QUESTION);
        assertThat(low.next().safetyMode()).isFalse();
    }

    @Test
    void aimsTheSocraticQuestionAtADistortionNotYetQuestioned() {
        TurnPlan plan = policy.decide(
                stateIn(Phase.REFRAMING, 1, "negative", Set.of()),
                says("I always ruin things and they all think I'm an idiot")
                        .emotion("sadness", 0.5)
                        .ekman("sadness")
                        .sentiment("negative")
                        .distortion("overgeneralization", "mind-reading")
                        .understood());

        assertThat(plan.phase()).isEqualTo(Phase.REFRAMING);
        assertThat(plan.acts()).contains(DialogueAct.SOCRATIC_QUESTION);
        assertThat(plan.distortion()).isEqualTo("mind-reading");
        assertThat(plan.next().distortionsQuestioned()).contains("mind-reading", "overgeneralization");
    }

    @Test
    void takesUpAStepTheMemberNamesInsteadOfOfferingAnExercise() {
        // Sleep came up earlier, so without the member's own idea the policy would offer a wind-down.
        ThreadState state = inExpression(2, Set.of(Cue.SLEEP));

        TurnPlan plan = policy.decide(
                state,
                says("maybe I could text her tomorrow and say it hurt")
                        .emotion("sadness", 0.4)
                        .ekman("sadness")
                        .sentiment("negative")
                        .understood());

        assertThat(plan.phase()).isEqualTo(Phase.ACTION);
        assertThat(plan.transition()).isEqualTo(Transition.OWN_STEP);
        assertThat(plan.acts()).containsExactly(DialogueAct.AFFIRM_STEP, DialogueAct.OPEN_QUESTION);
        assertThat(plan.exerciseId()).isNull();
        assertThat(plan.next().actionAccepted()).isTrue();
    }

    @Test
    void listensFirstWhenAStepComesWithAcuteDistress() {
        TurnPlan plan = policy.decide(
                stateIn(Phase.EXPRESSION, 1, "negative", Set.of()),
                says("I should call her but I'm shaking and I can't breathe")
                        .emotion("fear", 0.9)
                        .ekman("fear")
                        .sentiment("negative")
                        .understood());

        assertThat(plan.phase()).isEqualTo(Phase.VALIDATION);
        assertThat(plan.acts()).doesNotContain(DialogueAct.AFFIRM_STEP);
    }

    @Test
    void affirmsAnAcceptedActionWithoutOfferingAnother() {
        TurnPlan plan = policy.decide(
                stateIn(Phase.ACTION, 1, "neutral", Set.of("worry-time")),
                says("Okay, I'll try that tomorrow").sentiment("positive").understood());

        assertThat(plan.acts()).containsExactly(DialogueAct.AFFIRM_STEP, DialogueAct.OPEN_QUESTION);
        assertThat(plan.exerciseId()).isNull();
        assertThat(plan.next().actionAccepted()).isTrue();
    }

    @Test
    void suggestsAPlainSmallStepWhenEveryFittingExerciseWasOffered() {
        // Every exercise that fits a mild, neutral turn has been offered already.
        ThreadState state = stateIn(
                Phase.REFRAMING,
                2,
                "negative",
                Set.of("thought-record", "behavioural-activation", "self-compassion-break", "box-breathing"));

        TurnPlan plan = policy.decide(
                state,
                says("I guess it's not quite as hopeless as it felt this morning")
                        .emotion("relief", 0.4)
                        .ekman("joy")
                        .sentiment("neutral")
                        .understood());

        assertThat(plan.phase()).isEqualTo(Phase.ACTION);
        assertThat(plan.acts()).contains(DialogueAct.SUGGEST_ACTION);
        assertThat(plan.exerciseId()).isNull();
    }

    @Test
    void respectsADeclinedOffer() {
        TurnPlan plan = policy.decide(
                stateIn(Phase.ACTION, 1, "neutral", Set.of("worry-time")),
                says("No thanks, not now").understood());

        assertThat(plan.acts()).containsExactly(DialogueAct.RESPECT_CHOICE, DialogueAct.OPEN_QUESTION);
        assertThat(plan.exerciseId()).isNull();
    }

    @Test
    void movesOnGentlyWhenExpressionRunsLongWithoutAnythingStuck() {
        ThreadState state = inExpression(PhasePolicy.EXPRESSION_GUARD, Set.of());

        TurnPlan plan = policy.decide(
                state,
                says("And then the weekend was more of the same, really")
                        .emotion("sadness", 0.4)
                        .ekman("sadness")
                        .understood());

        assertThat(plan.phase()).isEqualTo(Phase.ACTION);
        assertThat(plan.transition()).isEqualTo(Transition.PHASE_RAN_LONG);
    }

    @Test
    void asksAGeneralQuestionAboutAStuckThoughtWithoutADistortion() {
        TurnPlan plan = policy.decide(
                stateIn(Phase.EXPRESSION, 2, "negative", Set.of()),
                says("It keeps going round and round in my head every night since the argument with my brother")
                        .emotion("nervousness", 0.5)
                        .ekman("fear")
                        .sentiment("negative")
                        .understood());

        assertThat(plan.phase()).isEqualTo(Phase.REFRAMING);
        assertThat(plan.acts()).contains(DialogueAct.SOCRATIC_QUESTION);
        assertThat(plan.distortion()).isNull();
    }

    @Test
    void doesNotReturnToOldDistortionsAfterAPushback() {
        TurnPlan plan = policy.decide(
                new ThreadState(
                        Phase.EXPRESSION,
                        2,
                        6,
                        3,
                        true,
                        0,
                        Set.of(),
                        Set.of("labeling"),
                        Set.of(),
                        Set.of(),
                        false,
                        false,
                        "negative",
                        false),
                says("The workload is real, there are only so many hours in a day and they keep adding more")
                        .emotion("anger", 0.5)
                        .ekman("anger")
                        .sentiment("negative")
                        .understood());

        assertThat(plan.phase()).isEqualTo(Phase.EXPRESSION);
        assertThat(plan.acts()).doesNotContain(DialogueAct.SOCRATIC_QUESTION);
    }

    @Test
    void listensAgainWhenSomethingNewComesUpDuringAction() {
        TurnPlan plan = policy.decide(
                stateIn(Phase.ACTION, 2, "neutral", Set.of("thought-record")),
                says("Also my sister called and we had a huge fight about our mum's care and I'm still shaking")
                        .emotion("anger", 0.5)
                        .emotion("nervousness", 0.4)
                        .ekman("anger")
                        .sentiment("negative")
                        .understood());

        assertThat(plan.phase()).isEqualTo(Phase.EXPRESSION);
        assertThat(plan.transition()).isEqualTo(Transition.NEW_CONCERN);
        assertThat(plan.exerciseId()).isNull();
    }

    @Test
    void greetsWithoutChangingPhase() {
        TurnPlan plan = policy.decide(
                ThreadState.start(), says("hi there").intent("greeting").understood());

        assertThat(plan.acts()).containsExactly(DialogueAct.GREET, DialogueAct.OPEN_QUESTION);
        assertThat(plan.phase()).isEqualTo(Phase.VALIDATION);
    }

    @Test
    void safetyModeNeverReframesNorOffersMoreThanGroundingAndBreathing() {
        var random = new Random(7);
        List<String> labels =
                List.of("sadness", "fear", "nervousness", "anger", "grief", "joy", "remorse", "embarrassment");
        List<String> distortions = new ArrayList<>(TurnUnderstanding.DISTORTIONS);
        List<String> intents = new ArrayList<>(TurnUnderstanding.INTENTS);
        List<String> texts = List.of(
                "what can I do",
                "you don't get it",
                "ok I'll try",
                "not now",
                "I can't stop thinking about it",
                "I can't sleep",
                "everything is falling apart",
                "");
        for (int thread = 0; thread < 200; thread++) {
            ThreadState state = random.nextBoolean()
                    ? ThreadState.start().withSafetyMode()
                    : stateIn(Phase.values()[random.nextInt(4)], random.nextInt(4), "negative", Set.of())
                            .withSafetyMode();
            for (int turn = 0; turn < 10; turn++) {
                String label = labels.get(random.nextInt(labels.size()));
                var builder = says(texts.get(random.nextInt(texts.size())))
                        .emotion(label, random.nextDouble())
                        .ekman(Emotions.group(label))
                        .sentiment(List.of("negative", "neutral", "positive").get(random.nextInt(3)))
                        .intent(intents.get(random.nextInt(intents.size())));
                if (random.nextBoolean()) {
                    builder.distortion(distortions.get(random.nextInt(distortions.size())));
                }
                TurnPlan plan = policy.decide(state, builder.understood());

                assertThat(plan.appendHelp()).isTrue();
                assertThat(plan.phase()).isEqualTo(Phase.VALIDATION);
                assertThat(plan.acts())
                        .contains(DialogueAct.SAFETY_SUPPORT)
                        .doesNotContain(DialogueAct.SOCRATIC_QUESTION, DialogueAct.SUMMARISE);
                assertThat(plan.distortion()).isNull();
                if (plan.exerciseId() != null) {
                    assertThat(CATALOGUE.allowedInSafetyMode(plan.exerciseId())).isTrue();
                }
                assertThat(plan.next().safetyMode()).isTrue();
                state = plan.next();
            }
        }
    }

    @Test
    void refusesToBuildASafetyModePlanThatChallengesOrOmitsHelp() {
        ThreadState safe = ThreadState.start().withSafetyMode();

        assertThatThrownBy(() -> new TurnPlan(
                        Phase.REFRAMING,
                        Transition.STAY,
                        List.of(DialogueAct.SOCRATIC_QUESTION),
                        "sadness",
                        "labeling",
                        null,
                        true,
                        safe))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TurnPlan(
                        Phase.VALIDATION,
                        Transition.SAFETY_MODE,
                        List.of(DialogueAct.SAFETY_SUPPORT),
                        "sadness",
                        null,
                        null,
                        false,
                        safe))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void safetyModeOffersGroundingFirst() {
        TurnPlan plan = policy.decide(
                ThreadState.start().withSafetyMode(),
                says("I don't feel okay at all")
                        .emotion("sadness", 0.8)
                        .ekman("sadness")
                        .sentiment("negative")
                        .understood());

        assertThat(plan.exerciseId()).isEqualTo("grounding-5-4-3-2-1");
        assertThat(plan.acts())
                .containsExactly(DialogueAct.REFLECT_FEELING, DialogueAct.SAFETY_SUPPORT, DialogueAct.SUGGEST_ACTION);
    }

    @Test
    void outsideSafetyModeNeverAsksForHelpText() {
        TurnPlan plan = policy.decide(
                ThreadState.start(),
                says("work was exhausting today")
                        .emotion("sadness", 0.4)
                        .ekman("sadness")
                        .understood());

        assertThat(plan.appendHelp()).isFalse();
    }
}
