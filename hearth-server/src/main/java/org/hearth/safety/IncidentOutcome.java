package org.hearth.safety;

/** How an incident ended, as the responder records it. */
public enum IncidentOutcome {
    /** The responder reached the member, who is safe for now. */
    CONTACTED_SAFE,
    /** Emergency services were called or were already with the member. */
    EMERGENCY_SERVICES,
    /** The member was referred to their clinician or another service. */
    REFERRED,
    /** Nobody could reach the member despite trying. */
    NO_CONTACT,
    /** On review, there was no risk. */
    FALSE_ALARM
}
