package org.hearth.nlp.risk;

/**
 * Facts about a text that are not risk on their own but change the level when an earlier turn of
 * the thread showed distress ("I have pills" after "I want it to stop").
 */
enum Cue {
    /** The writer has or can reach a means: pills, a rope, a gun, a blade. */
    MEANS,
    /** Something is happening now or tonight. */
    NOW,
    /** An act in progress: taking them, already took them. */
    ACT,
    /** A farewell, letters, a decision, a chosen date, a looked-up dose. */
    PREPARATION,
    /** Distress, hopelessness or ideation of the writer. */
    DISTRESS
}
