package org.hearth.identity;

/** What part of a member's data a consent lets a staff member read. */
public enum ConsentScope {
    JOURNAL,
    CONVERSATIONS,
    ASSESSMENTS,
    MOOD,
    WEARABLES
}
