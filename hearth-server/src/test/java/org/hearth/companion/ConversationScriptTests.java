package org.hearth.companion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.companion.TurnBuilder.says;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whole conversations, each turn written as the member would type it and understood as the NLP
 * heads would report it, run through the policy and the realizer together.
 */
class ConversationScriptTests {

    private static final ExerciseCatalogue CATALOGUE = ExerciseCatalogue.loadDefault();
    private final PhasePolicy policy = new PhasePolicy(CATALOGUE);
    private final ReplyRealizer realizer = new ReplyRealizer(ResponseLibrary.loadDefault(), CATALOGUE);

    private record Run(List<TurnPlan> plans, List<Reply> replies, List<String> usedIds) {

        List<Phase> phases() {
            return plans.stream().map(TurnPlan::phase).toList();
        }

        List<String> exercisesOffered() {
            return plans.stream()
                    .map(TurnPlan::exerciseId)
                    .filter(e -> e != null)
                    .toList();
        }
    }

    private Run run(ThreadState start, long seed, List<TurnUnderstanding> turns) {
        var plans = new ArrayList<TurnPlan>();
        var replies = new ArrayList<Reply>();
        var used = new ArrayList<String>();
        ThreadState state = start;
        for (TurnUnderstanding turn : turns) {
            TurnPlan plan = policy.decide(state, turn);
            Reply reply = realizer.realize(
                    plan, seed, used, "If you are in danger, call 988 or your local emergency number.");
            plans.add(plan);
            replies.add(reply);
            used.addAll(reply.variantIds());
            state = plan.next();
        }
        return new Run(plans, replies, used);
    }

    private static final List<TurnUnderstanding> STRESS = List.of(
            says("Honestly this week has been awful. Work keeps piling up and I feel like I'm drowning in it all.")
                    .emotion("nervousness", 0.55)
                    .emotion("sadness", 0.3)
                    .ekman("fear")
                    .sentiment("negative")
                    .understood(),
            says("My boss added two more projects on Monday and there's a review next week that I'm dreading.")
                    .emotion("nervousness", 0.6)
                    .emotion("fear", 0.35)
                    .ekman("fear")
                    .sentiment("negative")
                    .understood(),
            says("I stay late every night and still can't catch up. I barely see my partner any more, and I miss her.")
                    .emotion("sadness", 0.45)
                    .emotion("nervousness", 0.4)
                    .ekman("sadness")
                    .sentiment("negative")
                    .understood(),
            says("I always mess everything up. If the review goes badly I'll lose my job. I'm useless at this.")
                    .emotion("nervousness", 0.6)
                    .emotion("sadness", 0.5)
                    .ekman("fear")
                    .sentiment("negative")
                    .distortion("overgeneralization", "fortune-telling", "labeling")
                    .understood(),
            says("I don't know. People have said my work is good, but they'll see I'm a fraud sooner or later.")
                    .emotion("nervousness", 0.5)
                    .emotion("embarrassment", 0.35)
                    .ekman("fear")
                    .sentiment("negative")
                    .distortion("mind-reading")
                    .understood(),
            says("Okay, maybe it isn't every time. Last quarter actually went fine and my manager said so.")
                    .emotion("realization", 0.45)
                    .emotion("relief", 0.3)
                    .ekman("surprise")
                    .sentiment("neutral")
                    .understood(),
            says("Sounds good, I'll try writing it down tonight.")
                    .emotion("optimism", 0.5)
                    .ekman("joy")
                    .sentiment("positive")
                    .understood(),
            says("Thank you, this really helped.")
                    .emotion("gratitude", 0.9)
                    .ekman("joy")
                    .sentiment("positive")
                    .intent("gratitude")
                    .understood());

    private static final List<TurnUnderstanding> SLEEP = List.of(
            says("I haven't been sleeping properly for weeks. I lie awake at 3am every night staring at the ceiling.")
                    .emotion("nervousness", 0.5)
                    .emotion("sadness", 0.3)
                    .ekman("fear")
                    .sentiment("negative")
                    .understood(),
            says("My mind goes round and round about money and whether I'll manage the bills this month.")
                    .emotion("nervousness", 0.6)
                    .ekman("fear")
                    .sentiment("negative")
                    .understood(),
            says("Then I'm exhausted at work and snap at people, and I feel terrible about it afterwards.")
                    .emotion("remorse", 0.45)
                    .emotion("annoyance", 0.3)
                    .ekman("sadness")
                    .sentiment("negative")
                    .understood(),
            says("If I don't sleep tonight tomorrow will be a total disaster, I know it will.")
                    .emotion("nervousness", 0.6)
                    .ekman("fear")
                    .sentiment("negative")
                    .distortion("fortune-telling", "magnification")
                    .understood(),
            says("Maybe, but everyone at work can tell I'm falling apart, I can see it in their faces.")
                    .emotion("embarrassment", 0.4)
                    .emotion("nervousness", 0.45)
                    .ekman("fear")
                    .sentiment("negative")
                    .distortion("mind-reading")
                    .understood(),
            says("Well, I have had bad nights before and still got through the day, mostly.")
                    .emotion("realization", 0.4)
                    .ekman("surprise")
                    .sentiment("neutral")
                    .understood(),
            says("Okay I'll try that tonight.")
                    .emotion("optimism", 0.45)
                    .ekman("joy")
                    .sentiment("positive")
                    .understood(),
            says("Thanks, I'm going to try to get some rest now. Goodnight.")
                    .emotion("gratitude", 0.6)
                    .ekman("joy")
                    .sentiment("positive")
                    .intent("goodbye")
                    .understood());

    @Test
    void walksAConversationAboutStressFromValidationToAction() {
        Run run = run(ThreadState.start(), 1234, STRESS);

        assertThat(run.phases())
                .containsExactly(
                        Phase.VALIDATION,
                        Phase.EXPRESSION,
                        Phase.EXPRESSION,
                        Phase.REFRAMING,
                        Phase.REFRAMING,
                        Phase.ACTION,
                        Phase.ACTION,
                        Phase.ACTION);
        assertThat(run.plans().get(3).transition()).isEqualTo(Transition.STUCK_THOUGHT);
        assertThat(run.plans().get(3).acts()).contains(DialogueAct.SOCRATIC_QUESTION);
        assertThat(run.plans().get(4).distortion()).isEqualTo("mind-reading");
        assertThat(run.plans().get(5).transition()).isEqualTo(Transition.REFRAME_LANDED);
        assertThat(run.exercisesOffered()).containsExactly("thought-record");
        assertThat(run.plans().get(4).next().actionOffered()).isFalse();
        assertThat(run.plans().get(5).next().actionOffered()).isTrue();
        assertThat(run.plans().get(6).next().actionAccepted()).isTrue();
        assertThat(run.usedIds()).doesNotHaveDuplicates();
        assertThat(run.replies()).allSatisfy(reply -> {
            assertThat(reply.repeated()).isFalse();
            assertThat(reply.text()).isNotBlank().doesNotContain("{", "988");
        });
    }

    @Test
    void walksAConversationAboutSleepFromValidationToActionWithAWindDown() {
        Run run = run(ThreadState.start(), 77, SLEEP);

        assertThat(run.phases())
                .containsExactly(
                        Phase.VALIDATION,
                        Phase.EXPRESSION,
                        Phase.EXPRESSION,
                        Phase.REFRAMING,
                        Phase.REFRAMING,
                        Phase.ACTION,
                        Phase.ACTION,
                        Phase.ACTION);
        assertThat(run.exercisesOffered()).containsExactly("sleep-wind-down");
        assertThat(run.plans().getLast().acts()).containsExactly(DialogueAct.SUMMARISE, DialogueAct.FAREWELL);
        assertThat(run.usedIds()).doesNotHaveDuplicates();
    }

    @Test
    void neverRepeatsAVariantAcrossThirtyTurns() {
        var turns = new ArrayList<TurnUnderstanding>();
        turns.addAll(STRESS.subList(0, 6));
        turns.add(says("You don't get it, it's not about my thoughts, the workload is real.")
                .emotion("annoyance", 0.6)
                .ekman("anger")
                .sentiment("negative")
                .understood());
        turns.add(says("There are only so many hours in a day and they keep giving me more.")
                .emotion("anger", 0.5)
                .ekman("anger")
                .sentiment("negative")
                .understood());
        turns.addAll(SLEEP.subList(1, 6));
        turns.add(says("What can I do so that I actually fall asleep?")
                .emotion("nervousness", 0.4)
                .ekman("fear")
                .sentiment("neutral")
                .intent("seeking-advice")
                .understood());
        turns.add(says("Not now, maybe later.").sentiment("neutral").understood());
        turns.addAll(SLEEP.subList(0, 6));
        turns.addAll(STRESS.subList(1, 7));
        turns.add(says("I can't stop crying tonight, it all feels like too much.")
                .emotion("sadness", 0.85)
                .ekman("sadness")
                .sentiment("negative")
                .understood());
        turns.add(says("It's a bit better now that I've said it out loud to someone.")
                .emotion("relief", 0.5)
                .ekman("joy")
                .sentiment("positive")
                .understood());
        turns.add(says("Thanks for listening.")
                .emotion("gratitude", 0.8)
                .ekman("joy")
                .sentiment("positive")
                .intent("gratitude")
                .understood());
        assertThat(turns).hasSize(30);

        for (long seed : new long[] {1, 2, 3, 99, 2026}) {
            Run run = run(ThreadState.start(), seed, turns);
            // -Dcompanion.transcript=1 prints the thread, so a person can read the replies as a member would.
            if (System.getProperty("companion.transcript") != null) {
                for (int i = 0; i < 30; i++) {
                    System.out.printf(
                            "T%02d %-10s %-20s %s%n    %s%n",
                            i + 1,
                            run.plans().get(i).phase(),
                            run.plans().get(i).transition(),
                            run.plans().get(i).acts(),
                            run.replies().get(i).text());
                }
            }

            assertThat(run.usedIds()).as("seed %d", seed).doesNotHaveDuplicates();
            assertThat(run.replies()).noneMatch(Reply::repeated);
            assertThat(run.phases()).contains(Phase.VALIDATION, Phase.EXPRESSION, Phase.REFRAMING, Phase.ACTION);
        }
    }

    @Test
    void keepsASafetyModeThreadInValidationWithHelpOnEveryReply() {
        Run run = run(ThreadState.start().withSafetyMode(), 5, STRESS);

        assertThat(run.phases()).containsOnly(Phase.VALIDATION);
        assertThat(run.plans()).allSatisfy(plan -> {
            assertThat(plan.appendHelp()).isTrue();
            assertThat(plan.acts()).doesNotContain(DialogueAct.SOCRATIC_QUESTION);
        });
        assertThat(run.exercisesOffered())
                .allMatch(CATALOGUE::allowedInSafetyMode)
                .isNotEmpty();
        assertThat(run.replies())
                .allSatisfy(reply -> assertThat(reply.text()).endsWith("call 988 or your local emergency number."));
        assertThat(run.usedIds()).doesNotHaveDuplicates();
    }
}
