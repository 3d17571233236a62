package org.hearth.companion;

/**
 * What a sentence of the reply does. A plan is an ordered list of acts; the realizer turns each
 * into one curated variant.
 */
public enum DialogueAct {
    /** Opens a thread in answer to a hello. */
    GREET,
    /** Names the feeling the member seems to carry. */
    REFLECT_FEELING,
    /** Says the feeling makes sense, without judging or fixing. */
    VALIDATE,
    /** Invites the member to say more; worded for the phase. */
    OPEN_QUESTION,
    /** A gentle question aimed at one detected cognitive distortion or a stuck thought. */
    SOCRATIC_QUESTION,
    /** Gathers what the member has said so far. */
    SUMMARISE,
    /** Offers one concrete, small action or exercise. */
    SUGGEST_ACTION,
    /** Affirms a step the member chose to take. */
    AFFIRM_STEP,
    /** Accepts a "no" to an offer without pressing. */
    RESPECT_CHOICE,
    /** Owns a miss after the member pushes back. */
    REPAIR,
    /** Answers thanks. */
    ACKNOWLEDGE_THANKS,
    /** Closes a thread warmly. */
    FAREWELL,
    /** The safety-mode reply: steady, present, no challenge. */
    SAFETY_SUPPORT
}
