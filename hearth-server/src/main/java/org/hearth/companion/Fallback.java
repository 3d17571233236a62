package org.hearth.companion;

/** Why a generator sent the curated text; the name is the {@link GeneratedReply#fallbackReason()}. */
enum Fallback {
    /** No model is configured. */
    DISABLED,
    /** The thread is in safety mode: protocol texts are never generated (clinical-safety.md). */
    SAFETY_MODE,
    /**
     * The member's language is not English: the risk screen and the output checks read English
     * only, so a reply in another language could not be checked.
     */
    UNSUPPORTED_LANGUAGE,
    /** The model did not finish within the timeout. */
    TIMEOUT,
    /** The model answered with an error, or with something that could not be read. */
    ERROR,
    /** The circuit breaker is open after repeated failures: the model is not asked. */
    CIRCUIT_OPEN,
    /** The risk screen found LOW or above in the output. */
    UNSAFE_OUTPUT,
    /** The model answered with no text. */
    EMPTY_OUTPUT,
    /** The output had more sentences or characters than allowed. */
    TOO_LONG,
    /** The output named or suggested a diagnosis. */
    DIAGNOSIS,
    /** The output spoke of medication, doses or pills. */
    MEDICATION
}
