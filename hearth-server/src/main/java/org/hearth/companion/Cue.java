package org.hearth.companion;

/**
 * Conversational cues the NLP heads do not label but the phase policy needs. {@link CueDetector}
 * finds them in the member's text; the caller may also set them from elsewhere.
 */
public enum Cue {
    /** The member asks what to do or says they want to change something. */
    READY_FOR_ACTION,
    /** The member says the companion missed the point ("you don't get it"). */
    PUSHBACK,
    /** The member takes up an offered action or exercise. */
    ACCEPTS,
    /** The member names a step of their own ("maybe I could text her tomorrow"). */
    OWN_STEP,
    /** The member turns an offer down. */
    DECLINES,
    /** A thought that keeps coming back ("I can't stop thinking about it"). */
    RUMINATION,
    /** The conversation is about sleep. */
    SLEEP
}
