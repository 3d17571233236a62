package org.hearth.companion;

/** The four phases a companion thread moves through, in their usual order. */
public enum Phase {
    VALIDATION,
    EXPRESSION,
    REFRAMING,
    ACTION
}
