package org.hearth.notify;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Sends notifications to people, in the app and by email. */
public interface Notifications {

    /**
     * Records the notification and delivers it on its channels. Joins the caller's transaction: the
     * notification and its scheduled email exist only if the caller commits. In-app subscribers
     * hear of it after the commit. Email waits for the end of the recipient's quiet hours unless the
     * priority is CRITICAL, and is retried with backoff when the mail server fails.
     *
     * @return the notification's id
     */
    UUID send(Notification notification);

    /** Sets or (with null) clears a person's quiet hours. */
    void quietHours(UUID userId, @Nullable QuietHours hours);

    /** A person's quiet hours, when they set any. */
    Optional<QuietHours> quietHours(UUID userId);
}
