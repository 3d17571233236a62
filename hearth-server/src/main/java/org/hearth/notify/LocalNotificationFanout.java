package org.hearth.notify;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** In-process fan-out: enough for one node. */
@Component
class LocalNotificationFanout implements NotificationFanout {

    private static final Logger log = LoggerFactory.getLogger(LocalNotificationFanout.class);

    private final Map<UUID, Set<Consumer<NotificationView>>> listeners = new ConcurrentHashMap<>();

    @Override
    public void publish(UUID recipientId, NotificationView notification) {
        for (Consumer<NotificationView> listener : listeners.getOrDefault(recipientId, Set.of())) {
            try {
                listener.accept(notification);
            } catch (RuntimeException e) {
                // One broken stream (a closed browser tab) must not keep the others from hearing.
                log.debug(
                        "A notification stream of {} failed: {}",
                        recipientId,
                        e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public AutoCloseable subscribe(UUID recipientId, Consumer<NotificationView> listener) {
        listeners
                .computeIfAbsent(recipientId, id -> ConcurrentHashMap.newKeySet())
                .add(listener);
        return () -> listeners.computeIfPresent(recipientId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }
}
