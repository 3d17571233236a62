package org.hearth.notify;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One notification for one person. Title and body are written by the sending module's team: never
 * member text, because they are stored, emailed and logged in delivery reports.
 *
 * @param recipientId the person to notify
 * @param kind a stable dotted name for filtering and templates, e.g. {@code safety.incident.opened}
 * @param title one short line
 * @param body a few plain sentences
 * @param link a path in the app to act on it (e.g. {@code /responder/incidents}), or null
 * @param priority CRITICAL ignores quiet hours
 * @param channels where to deliver it
 */
public record Notification(
        UUID recipientId,
        String kind,
        String title,
        String body,
        @Nullable String link,
        Priority priority,
        Set<Channel> channels) {

    public Notification {
        channels = Set.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("A notification needs at least one channel");
        }
    }

    public enum Priority {
        LOW,
        NORMAL,
        HIGH,
        /** Someone's safety depends on it: delivered at once, quiet hours or not. */
        CRITICAL
    }

    public enum Channel {
        IN_APP,
        EMAIL
    }
}
