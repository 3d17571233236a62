package org.hearth.companion;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The policy's decision for one reply.
 *
 * @param phase the phase the reply is written in
 * @param transition why that phase was chosen
 * @param acts the dialogue acts of the reply, in order
 * @param emotion the GoEmotions label or Ekman group the reply reflects
 * @param distortion the distortion a {@link DialogueAct#SOCRATIC_QUESTION} is aimed at, if any
 * @param exerciseId the exercise a {@link DialogueAct#SUGGEST_ACTION} offers, if any
 * @param appendHelp whether the caller-supplied text on how to reach help must close the reply
 * @param next the thread state to persist for the next turn
 */
public record TurnPlan(
        Phase phase,
        Transition transition,
        List<DialogueAct> acts,
        String emotion,
        @Nullable String distortion,
        @Nullable String exerciseId,
        boolean appendHelp,
        ThreadState next) {

    public TurnPlan {
        acts = List.copyOf(acts);
        if (acts.isEmpty()) {
            throw new IllegalArgumentException("A plan needs at least one act");
        }
        if (!Emotions.isLabel(emotion)) {
            throw new IllegalArgumentException("Unknown emotion label: " + emotion);
        }
        if (acts.contains(DialogueAct.SOCRATIC_QUESTION) && phase != Phase.REFRAMING) {
            throw new IllegalArgumentException("A Socratic question belongs to reframing");
        }
        // clinical-safety.md: in safety mode no challenge, and every reply says how to reach help.
        if (next.safetyMode() && (!appendHelp || acts.contains(DialogueAct.SOCRATIC_QUESTION))) {
            throw new IllegalArgumentException("A safety-mode plan must append help and must not challenge");
        }
    }
}
