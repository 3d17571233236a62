package org.hearth.safety;

/** What kind of member input a screening or an incident came from. */
public enum RiskSource {
    MESSAGE,
    JOURNAL,
    ASSESSMENT,
    WEARABLE
}
