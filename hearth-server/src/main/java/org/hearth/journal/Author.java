package org.hearth.journal;

/** Who wrote a turn of a conversation. */
public enum Author {
    MEMBER,
    COMPANION
}
