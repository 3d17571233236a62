package org.hearth.nlp.risk;

/** Risk levels, in increasing order of severity, as clinical-safety.md defines them. */
public enum RiskLevel {
    NONE,
    LOW,
    MODERATE,
    HIGH,
    IMMINENT;

    /** Whether this level is the given one or more severe. */
    public boolean atLeast(RiskLevel other) {
        return compareTo(other) >= 0;
    }

    /** The more severe of two levels. */
    public static RiskLevel max(RiskLevel a, RiskLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
