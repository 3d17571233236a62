package org.hearth.companion;

/** What kind of reply a member got (api.md). */
public enum ReplyKind {
    /** The companion's own reply, from the curated library. */
    COMPANION,
    /**
     * A supportive, human-written reply with the hotlines: the MODERATE protocol, the helper protocol,
     * or the companion's reply while the thread is in safety mode.
     */
    SAFETY,
    /** The crisis card's fixed text (HIGH and IMMINENT). */
    CRISIS
}
