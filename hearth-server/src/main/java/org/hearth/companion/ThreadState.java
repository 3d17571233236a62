package org.hearth.companion;

import java.util.Set;

/**
 * What the policy remembers about a thread between turns: derived signals only, never text, so
 * the journal may store it unencrypted next to the phase. The policy returns the next state in
 * every {@link TurnPlan}; the caller persists it and passes it back with the next turn.
 *
 * @param phase the phase the last reply was written in
 * @param turnsInPhase member turns answered in {@code phase}
 * @param turnsTotal member turns answered in the thread
 * @param emotionsNamed member turns in which a feeling was clear enough to be named
 * @param situationDescribed whether the member has told what happened at some length
 * @param readinessCues member turns that asked for something to do or showed a lift
 * @param cuesSeen every conversational cue seen so far (sleep, rumination, ...)
 * @param distortionsSeen every distortion label detected so far
 * @param distortionsQuestioned the distortions a Socratic question has already been aimed at
 * @param exercisesOffered the exercise ids offered so far
 * @param actionOffered whether any action, exercise or plain small step, has been offered
 * @param actionAccepted whether the member took up an offered action
 * @param lastSentiment the sentiment of the previous member turn
 * @param safetyMode set by the safety module; once on, it stays on for the thread
 */
public record ThreadState(
        Phase phase,
        int turnsInPhase,
        int turnsTotal,
        int emotionsNamed,
        boolean situationDescribed,
        int readinessCues,
        Set<Cue> cuesSeen,
        Set<String> distortionsSeen,
        Set<String> distortionsQuestioned,
        Set<String> exercisesOffered,
        boolean actionOffered,
        boolean actionAccepted,
        String lastSentiment,
        boolean safetyMode) {

    public ThreadState {
        cuesSeen = Set.copyOf(cuesSeen);
        distortionsSeen = Set.copyOf(distortionsSeen);
        distortionsQuestioned = Set.copyOf(distortionsQuestioned);
        exercisesOffered = Set.copyOf(exercisesOffered);
        if (turnsInPhase < 0 || turnsTotal < turnsInPhase || emotionsNamed < 0 || readinessCues < 0) {
            throw new IllegalArgumentException("Turn counts out of range");
        }
        if (!TurnUnderstanding.SENTIMENTS.contains(lastSentiment)) {
            throw new IllegalArgumentException("Unknown sentiment: " + lastSentiment);
        }
    }

    /** A new thread, before the member's first turn. */
    public static ThreadState start() {
        return new ThreadState(
                Phase.VALIDATION,
                0,
                0,
                0,
                false,
                0,
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                false,
                false,
                "neutral",
                false);
    }

    /** This state with safety mode switched on, as the safety module asks for the rest of a thread. */
    public ThreadState withSafetyMode() {
        return new ThreadState(
                phase,
                turnsInPhase,
                turnsTotal,
                emotionsNamed,
                situationDescribed,
                readinessCues,
                cuesSeen,
                distortionsSeen,
                distortionsQuestioned,
                exercisesOffered,
                actionOffered,
                actionAccepted,
                lastSentiment,
                true);
    }
}
