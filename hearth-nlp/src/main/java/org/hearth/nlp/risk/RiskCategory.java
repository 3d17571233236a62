package org.hearth.nlp.risk;

/** What kind of risk a signal is about; each category has its own protocol text. */
public enum RiskCategory {
    SUICIDE,
    SELF_HARM,
    HARM_TO_OTHERS,
    ABUSE,
    MEDICAL,
    /** Someone other than the writer is at risk: the helper protocol applies. */
    THIRD_PARTY
}
