package org.hearth.safety;

import java.util.List;

/**
 * A fixed, human-written reply from the crisis protocol, with the lines to call.
 *
 * @param kind {@code SAFETY} (MODERATE: supportive message and hotlines) or {@code CRISIS} (HIGH and
 *     IMMINENT: the crisis card)
 * @param text the message itself; it names the primary line for the member's locale so that it
 *     survives plain-text channels
 * @param hotlines the lines for the member's locale, emergency number included
 * @param textVersion the version of the reviewed text shown, recorded with the incident
 */
public record ProtocolReply(String kind, String text, List<Hotline> hotlines, String textVersion) {

    public ProtocolReply {
        hotlines = List.copyOf(hotlines);
    }
}
