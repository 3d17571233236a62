package org.hearth.companion;

import java.util.List;
import java.util.UUID;

/** The reply to a member's message, as stored and sent. */
public record ReplyView(UUID turnId, String text, ReplyKind kind, Phase phase, List<Resource> resources) {

    public ReplyView {
        resources = List.copyOf(resources);
    }

    @Override
    public String toString() {
        return "ReplyView[" + turnId + ", " + kind + ", " + phase + "]";
    }
}
