package org.hearth.companion;

/** Why the policy chose the phase of a plan; stored with the turn as a derived signal. */
public enum Transition {
    /** The phase did not change. */
    STAY,
    /** The feeling was acknowledged and the member kept talking: on to expression. */
    FEELING_ACKNOWLEDGED,
    /** A distortion or a stuck thought showed up and there is room to look at it. */
    STUCK_THOUGHT,
    /** The member asked what to do, or the mood lifted. */
    READY,
    /** The member named a step of their own: affirm it and help it happen, offer nothing else. */
    OWN_STEP,
    /** A reframing question landed: the member softened the thought. */
    REFRAME_LANDED,
    /** The phase ran a while with no trigger to move on: a guard, offer something small. */
    PHASE_RAN_LONG,
    /** In action, the member brought up something new and heavy: back to listening. */
    NEW_CONCERN,
    /** The member said the companion missed the point: step back and listen. */
    PUSHBACK,
    /** Sadness or fear rose high: step back to validation. */
    DISTRESS,
    /** Safety mode holds the thread in validation. */
    SAFETY_MODE
}
