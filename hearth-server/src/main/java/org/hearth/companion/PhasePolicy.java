package org.hearth.companion;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hearth.nlp.risk.RiskLevel;
import org.jspecify.annotations.Nullable;

/**
 * Decides, for each member turn, which phase the reply belongs to and what it does. Movement is
 * driven by what the member says and how ready they are; the turn floors only stop the companion
 * from rushing. Safety mode overrides everything else.
 */
public final class PhasePolicy {

    /** Sadness or fear at or above this intensity keeps (or brings) the thread in validation. */
    static final double ACUTE_DISTRESS = 0.7;
    /** A non-neutral emotion at or above this intensity counts as a feeling the member named. */
    static final double NAMED_FEELING = 0.3;
    /** A turn this long, about what happened, counts as describing the situation. */
    static final int DESCRIBED_WORDS = 15;
    /** Fewer words than this is not "keeps talking" but a short answer. */
    static final int KEEPS_TALKING_WORDS = 6;
    /** Guards: move on gently after this many turns in a phase with no trigger. */
    static final int EXPRESSION_GUARD = 5;

    static final int REFRAMING_GUARD = 4;

    static final String GROUNDING = "grounding-5-4-3-2-1";
    static final String BOX_BREATHING = "box-breathing";
    static final String BREATHING_478 = "breathing-4-7-8";
    static final String THOUGHT_RECORD = "thought-record";
    static final String ACTIVATION = "behavioural-activation";
    static final String SELF_COMPASSION = "self-compassion-break";
    static final String WORRY_TIME = "worry-time";
    static final String SLEEP_WIND_DOWN = "sleep-wind-down";

    private static final Map<String, Integer> SENTIMENT_RANK = Map.of("negative", 0, "neutral", 1, "positive", 2);
    private static final Set<String> TALK_INTENTS = Set.of("venting", "seeking-advice", "question", "other");

    private final ExerciseCatalogue exercises;

    /** A policy that offers exercises from {@code exercises} and asks it what safety mode allows. */
    public PhasePolicy(ExerciseCatalogue exercises) {
        this.exercises = exercises;
    }

    /**
     * Plans the reply to {@code turn} given the thread so far. Pure: the same inputs always give
     * the same plan, and {@link TurnPlan#next()} is the state to persist for the next turn.
     */
    public TurnPlan decide(ThreadState state, TurnUnderstanding turn) {
        return decide(state, turn, RiskLevel.NONE);
    }

    /**
     * {@link #decide(ThreadState, TurnUnderstanding)} knowing the risk screen's level for the turn.
     * At LOW (distress, hopelessness, a passive wish not to exist) clinical-safety.md asks for extra
     * validation: the reply steps back to validating the feeling and challenges nothing, as for
     * acute distress. Higher levels never reach the policy; the protocol answers them.
     */
    public TurnPlan decide(ThreadState state, TurnUnderstanding turn, RiskLevel risk) {
        var signals = new Signals(state, turn, risk);
        if (state.safetyMode()) {
            return safetyPlan(signals);
        }
        TurnPlan social = socialPlan(signals);
        if (social != null) {
            return social;
        }
        Phase from = state.phase();
        if (signals.pushback && state.turnsTotal() > 0) {
            return signals.plan(
                    Phase.VALIDATION,
                    Transition.PUSHBACK,
                    List.of(DialogueAct.REPAIR, DialogueAct.REFLECT_FEELING, DialogueAct.OPEN_QUESTION),
                    null,
                    null);
        }
        if (signals.acute) {
            return signals.plan(
                    Phase.VALIDATION,
                    from == Phase.VALIDATION ? Transition.STAY : Transition.DISTRESS,
                    List.of(DialogueAct.REFLECT_FEELING, DialogueAct.VALIDATE, DialogueAct.OPEN_QUESTION),
                    null,
                    null);
        }
        if (turn.cues().contains(Cue.OWN_STEP)) {
            // The member's own idea beats any exercise the companion could offer: take it up.
            return signals.accepting()
                    .plan(
                            Phase.ACTION,
                            Transition.OWN_STEP,
                            List.of(DialogueAct.AFFIRM_STEP, DialogueAct.OPEN_QUESTION),
                            null,
                            null);
        }
        return switch (from) {
            case VALIDATION -> fromValidation(signals);
            case EXPRESSION -> fromExpression(signals);
            case REFRAMING -> fromReframing(signals);
            case ACTION -> fromAction(signals);
        };
    }

    private TurnPlan fromValidation(Signals s) {
        boolean acknowledged = s.state.turnsInPhase() >= 1 && s.emotionsNamed >= 1;
        // Only an asked-for next step leaves the first phase for action: good news this early ("my
        // friend and I made up") is met as good news, not with an exercise.
        if (acknowledged && s.asked && s.described) {
            return action(s, Transition.READY);
        }
        if (acknowledged && s.turn.wordCount() >= KEEPS_TALKING_WORDS) {
            return s.plan(
                    Phase.EXPRESSION,
                    Transition.FEELING_ACKNOWLEDGED,
                    List.of(DialogueAct.REFLECT_FEELING, DialogueAct.OPEN_QUESTION),
                    null,
                    null);
        }
        return s.plan(
                Phase.VALIDATION,
                Transition.STAY,
                List.of(DialogueAct.REFLECT_FEELING, DialogueAct.VALIDATE, DialogueAct.OPEN_QUESTION),
                null,
                null);
    }

    private TurnPlan fromExpression(Signals s) {
        boolean floor = s.state.turnsInPhase() >= 1;
        if (floor && s.ready) {
            return action(s, Transition.READY);
        }
        if (floor && s.stuck && s.described) {
            return reframing(s, Transition.STUCK_THOUGHT);
        }
        if (s.state.turnsInPhase() >= EXPRESSION_GUARD) {
            return action(s, Transition.PHASE_RAN_LONG);
        }
        int turnInPhase = s.state.turnsInPhase() + 1;
        List<DialogueAct> acts = turnInPhase % 3 == 0
                ? List.of(DialogueAct.SUMMARISE, DialogueAct.OPEN_QUESTION)
                : turnInPhase % 2 == 0
                        ? List.of(DialogueAct.VALIDATE, DialogueAct.OPEN_QUESTION)
                        : List.of(DialogueAct.REFLECT_FEELING, DialogueAct.OPEN_QUESTION);
        return s.plan(Phase.EXPRESSION, Transition.STAY, acts, null, null);
    }

    private TurnPlan fromReframing(Signals s) {
        boolean floor = s.state.turnsInPhase() >= 1;
        if (floor && s.ready) {
            return action(s, Transition.READY);
        }
        if (floor && s.lifted && s.turn.distortions().isEmpty()) {
            return action(s, Transition.REFRAME_LANDED);
        }
        if (s.state.turnsInPhase() >= REFRAMING_GUARD) {
            return action(s, Transition.PHASE_RAN_LONG);
        }
        return reframing(s, Transition.STAY);
    }

    private TurnPlan fromAction(Signals s) {
        boolean floor = s.state.turnsInPhase() >= 1;
        boolean answeringOffer =
                s.turn.cues().contains(Cue.ACCEPTS) || s.turn.cues().contains(Cue.DECLINES);
        if (floor && !s.ready && !answeringOffer) {
            // The member has moved on to something new: listen again before offering anything else.
            if (!s.turn.distortions().isEmpty() || s.turn.cues().contains(Cue.RUMINATION)) {
                return reframing(s, Transition.STUCK_THOUGHT);
            }
            if (s.turn.sentiment().equals("negative") && s.turn.wordCount() >= DESCRIBED_WORDS) {
                return s.plan(
                        Phase.EXPRESSION,
                        Transition.NEW_CONCERN,
                        List.of(DialogueAct.REFLECT_FEELING, DialogueAct.OPEN_QUESTION),
                        null,
                        null);
            }
        }
        return action(s, Transition.STAY);
    }

    private TurnPlan reframing(Signals s, Transition transition) {
        String target = s.distortionTarget();
        boolean question = target != null || s.turn.cues().contains(Cue.RUMINATION);
        List<DialogueAct> acts = question
                ? List.of(DialogueAct.VALIDATE, DialogueAct.SOCRATIC_QUESTION)
                : List.of(DialogueAct.REFLECT_FEELING, DialogueAct.OPEN_QUESTION);
        return s.plan(Phase.REFRAMING, transition, acts, question ? target : null, null);
    }

    private TurnPlan action(Signals s, Transition transition) {
        boolean offered = s.state.actionOffered();
        if (offered && s.turn.cues().contains(Cue.ACCEPTS)) {
            return s.accepting()
                    .plan(
                            Phase.ACTION,
                            transition,
                            List.of(DialogueAct.AFFIRM_STEP, DialogueAct.OPEN_QUESTION),
                            null,
                            null);
        }
        if (offered && s.turn.cues().contains(Cue.DECLINES)) {
            return s.plan(
                    Phase.ACTION,
                    transition,
                    List.of(DialogueAct.RESPECT_CHOICE, DialogueAct.OPEN_QUESTION),
                    null,
                    null);
        }
        boolean entering = s.state.phase() != Phase.ACTION;
        if (entering || !offered || s.ready) {
            String exercise = chooseExercise(s, s.state.exercisesOffered());
            // With every fitting exercise already offered, a plain small step is still worth suggesting on entry.
            if (exercise != null || !offered || entering) {
                List<DialogueAct> acts = entering
                        ? List.of(DialogueAct.SUMMARISE, DialogueAct.SUGGEST_ACTION)
                        : List.of(DialogueAct.REFLECT_FEELING, DialogueAct.SUGGEST_ACTION);
                return s.plan(Phase.ACTION, transition, acts, null, exercise);
            }
        }
        return s.plan(Phase.ACTION, transition, List.of(DialogueAct.VALIDATE, DialogueAct.OPEN_QUESTION), null, null);
    }

    /** The first fitting exercise not yet offered in the thread; null when every fitting one was. */
    private @Nullable String chooseExercise(Signals s, Set<String> offered) {
        var candidates = new ArrayList<String>();
        String group = Emotions.group(s.emotion);
        if (s.cuesSeen.contains(Cue.SLEEP)) {
            candidates.addAll(List.of(SLEEP_WIND_DOWN, BREATHING_478));
        }
        if (!s.distortionsSeen.isEmpty()) {
            candidates.add(THOUGHT_RECORD);
        }
        if (s.cuesSeen.contains(Cue.RUMINATION)) {
            candidates.add(WORRY_TIME);
        }
        switch (group) {
            case "fear" -> candidates.addAll(List.of(BOX_BREATHING, GROUNDING, WORRY_TIME));
            case "anger" -> candidates.addAll(List.of(BOX_BREATHING, THOUGHT_RECORD));
            case "sadness" -> {
                if (s.emotion.equals("embarrassment") || s.emotion.equals("remorse")) {
                    candidates.add(SELF_COMPASSION);
                }
                candidates.addAll(List.of(ACTIVATION, SELF_COMPASSION));
            }
            default -> candidates.addAll(List.of(ACTIVATION, SELF_COMPASSION, BOX_BREATHING));
        }
        for (String id : candidates) {
            if (!offered.contains(id) && exercises.find(id).isPresent()) {
                return id;
            }
        }
        return null;
    }

    private @Nullable TurnPlan socialPlan(Signals s) {
        String intent = s.turn.intent();
        boolean brief = s.turn.wordCount() < 12;
        Phase phase = s.state.phase();
        if (intent.equals("greeting") && brief) {
            return s.plan(phase, Transition.STAY, List.of(DialogueAct.GREET, DialogueAct.OPEN_QUESTION), null, null);
        }
        if (intent.equals("goodbye")) {
            List<DialogueAct> acts = s.state.turnsTotal() >= 3
                    ? List.of(DialogueAct.SUMMARISE, DialogueAct.FAREWELL)
                    : List.of(DialogueAct.FAREWELL);
            return s.plan(phase, Transition.STAY, acts, null, null);
        }
        if (intent.equals("gratitude") && brief) {
            return s.plan(
                    phase,
                    Transition.STAY,
                    List.of(DialogueAct.ACKNOWLEDGE_THANKS, DialogueAct.OPEN_QUESTION),
                    null,
                    null);
        }
        if (intent.equals("small-talk") && brief) {
            return s.plan(phase, Transition.STAY, List.of(DialogueAct.OPEN_QUESTION), null, null);
        }
        return null;
    }

    private TurnPlan safetyPlan(Signals s) {
        var acts = new ArrayList<DialogueAct>();
        String intent = s.turn.intent();
        if (intent.equals("goodbye")) {
            acts.add(DialogueAct.FAREWELL);
        } else if (s.feelingNamed) {
            acts.add(DialogueAct.REFLECT_FEELING);
        }
        acts.add(DialogueAct.SAFETY_SUPPORT);
        String exercise = null;
        if (!intent.equals("goodbye") && !s.turn.cues().contains(Cue.DECLINES)) {
            exercise = safetyExercise(s);
        }
        // Defence in depth: the catalogue, not this class, is the authority on what is allowed.
        if (exercise != null && exercises.allowedInSafetyMode(exercise)) {
            acts.add(DialogueAct.SUGGEST_ACTION);
        } else {
            exercise = null;
        }
        return s.plan(Phase.VALIDATION, Transition.SAFETY_MODE, acts, null, exercise);
    }

    private @Nullable String safetyExercise(Signals s) {
        Set<String> offered = s.state.exercisesOffered();
        boolean fearful = Emotions.group(s.emotion).equals("fear") || s.acute;
        if (!offered.contains(GROUNDING)) {
            return GROUNDING;
        }
        if (fearful && !offered.contains(BOX_BREATHING)) {
            return BOX_BREATHING;
        }
        if (fearful && !offered.contains(BREATHING_478)) {
            return BREATHING_478;
        }
        return null;
    }

    /** Everything the rules read, derived once per turn. */
    private static final class Signals {
        final ThreadState state;
        final TurnUnderstanding turn;
        final String emotion;
        final boolean feelingNamed;
        final boolean acute;
        final boolean pushback;
        final boolean lifted;
        final boolean ready;
        /** The member asked for something to do, in words or by intent. */
        final boolean asked;

        final boolean stuck;
        final boolean described;
        final int emotionsNamed;
        final Set<Cue> cuesSeen;
        final Set<String> distortionsSeen;
        boolean accepted;

        Signals(ThreadState state, TurnUnderstanding turn, RiskLevel risk) {
            this.state = state;
            this.turn = turn;
            String strongest = Emotions.strongest(turn.emotions(), NAMED_FEELING);
            this.feelingNamed = strongest != null;
            this.emotion = strongest != null ? strongest : turn.dominantEkman();
            this.acute = Emotions.distress(turn.emotions()) >= ACUTE_DISTRESS || risk == RiskLevel.LOW;
            this.pushback = turn.cues().contains(Cue.PUSHBACK);
            this.lifted = SENTIMENT_RANK.get(turn.sentiment()) > SENTIMENT_RANK.get(state.lastSentiment());
            this.asked =
                    turn.cues().contains(Cue.READY_FOR_ACTION) || turn.intent().equals("seeking-advice");
            this.ready = asked || (lifted && turn.sentiment().equals("positive"));
            this.described = state.situationDescribed()
                    || (turn.wordCount() >= DESCRIBED_WORDS && TALK_INTENTS.contains(turn.intent()));
            this.emotionsNamed = state.emotionsNamed() + (feelingNamed ? 1 : 0);
            var cues = EnumSet.noneOf(Cue.class);
            cues.addAll(state.cuesSeen());
            cues.addAll(turn.cues());
            this.cuesSeen = cues;
            var seen = new TreeSet<>(state.distortionsSeen());
            seen.addAll(turn.distortions());
            this.distortionsSeen = seen;
            // Only what the member says now counts: after a pushback, old distortions stay put.
            this.stuck = !turn.distortions().isEmpty() || turn.cues().contains(Cue.RUMINATION);
        }

        Signals accepting() {
            accepted = true;
            return this;
        }

        private TreeSet<String> unquestioned(Set<String> distortions) {
            var open = new TreeSet<>(distortions);
            open.removeAll(state.distortionsQuestioned());
            return open;
        }

        /**
         * A distortion of this turn not yet questioned, else any of this turn; null when the turn
         * has none, so a stuck thought gets a general question rather than one about an old topic.
         */
        @Nullable
        String distortionTarget() {
            var fresh = unquestioned(turn.distortions());
            if (!fresh.isEmpty()) {
                return fresh.first();
            }
            return turn.distortions().isEmpty() ? null : new TreeSet<>(turn.distortions()).first();
        }

        TurnPlan plan(
                Phase phase,
                Transition transition,
                List<DialogueAct> acts,
                @Nullable String distortion,
                @Nullable String exercise) {
            var questioned = new HashSet<>(state.distortionsQuestioned());
            if (distortion != null && acts.contains(DialogueAct.SOCRATIC_QUESTION)) {
                questioned.add(distortion);
            }
            var offered = new HashSet<>(state.exercisesOffered());
            if (exercise != null) {
                offered.add(exercise);
            }
            boolean talked = TALK_INTENTS.contains(turn.intent());
            var next = new ThreadState(
                    phase,
                    phase == state.phase() && state.turnsTotal() > 0 ? state.turnsInPhase() + 1 : 1,
                    state.turnsTotal() + 1,
                    emotionsNamed,
                    described,
                    state.readinessCues() + (ready && talked ? 1 : 0),
                    cuesSeen,
                    distortionsSeen,
                    questioned,
                    offered,
                    state.actionOffered() || acts.contains(DialogueAct.SUGGEST_ACTION),
                    state.actionAccepted() || accepted,
                    turn.sentiment(),
                    state.safetyMode());
            return new TurnPlan(phase, transition, acts, emotion, distortion, exercise, state.safetyMode(), next);
        }
    }
}
