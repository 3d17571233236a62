package org.hearth.notify;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Carries new in-app notifications to the live streams of their recipients. The embedded default
 * fans out in this process; a cluster needs a shared bus (Redis pub/sub) so that a notification
 * created on one node reaches a browser connected to another.
 */
interface NotificationFanout {

    /** Tells every live stream of the recipient about a new notification. */
    void publish(UUID recipientId, NotificationView notification);

    /** Listens for the recipient's new notifications until the returned handle is closed. */
    AutoCloseable subscribe(UUID recipientId, Consumer<NotificationView> listener);
}
