package org.hearth.notify;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A notification as its recipient sees it in the app. */
record NotificationView(
        UUID id,
        String kind,
        String title,
        String body,
        @Nullable String link,
        Notification.Priority priority,
        Instant createdAt,
        boolean read) {}
