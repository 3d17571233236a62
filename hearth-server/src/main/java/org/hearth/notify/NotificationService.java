package org.hearth.notify;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.sql.Time;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
class NotificationService implements Notifications {

    private final Inbox inbox;
    private final JdbcClient jdbc;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final NotificationFanout fanout;
    private final Clock clock;

    NotificationService(
            Inbox inbox,
            JdbcClient jdbc,
            ObjectProvider<SchedulerClient> scheduler,
            NotificationFanout fanout,
            Clock clock) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.fanout = fanout;
        this.clock = clock;
    }

    @Override
    public UUID send(Notification notification) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        inbox.add(id, notification, now);
        if (notification.channels().contains(Notification.Channel.EMAIL)) {
            Instant at = now;
            if (notification.priority() != Notification.Priority.CRITICAL) {
                Optional<QuietHours> quiet = quietHours(notification.recipientId());
                if (quiet.isPresent() && quiet.get().covers(now)) {
                    at = quiet.get().nextEnd(now);
                    inbox.log(id, Notification.Channel.EMAIL, 0, "DEFERRED", "quiet hours until " + at, now);
                }
            }
            // Same transaction as the notification row (the scheduler's data source joins it).
            scheduler
                    .getObject()
                    .schedule(EmailDelivery.TASK.instance(id.toString()).scheduledTo(at));
        }
        if (notification.channels().contains(Notification.Channel.IN_APP)) {
            NotificationView view = new NotificationView(
                    id,
                    notification.kind(),
                    notification.title(),
                    notification.body(),
                    notification.link(),
                    notification.priority(),
                    now,
                    false);
            afterCommit(() -> fanout.publish(notification.recipientId(), view));
        }
        return id;
    }

    @Override
    public void quietHours(UUID userId, @Nullable QuietHours hours) {
        if (hours == null) {
            jdbc.sql("delete from notify_quiet_hours where user_id = :id")
                    .param("id", userId)
                    .update();
            return;
        }
        jdbc.sql("""
                        insert into notify_quiet_hours (user_id, starts_at, ends_at, time_zone)
                        values (:id, :start, :end, :zone)
                        on conflict (user_id) do update
                        set starts_at = excluded.starts_at, ends_at = excluded.ends_at, time_zone = excluded.time_zone
                        """)
                .param("id", userId)
                .param("start", Time.valueOf(hours.start()))
                .param("end", Time.valueOf(hours.end()))
                .param("zone", hours.timeZone().getId())
                .update();
    }

    @Override
    public Optional<QuietHours> quietHours(UUID userId) {
        return jdbc.sql("select starts_at, ends_at, time_zone from notify_quiet_hours where user_id = :id")
                .param("id", userId)
                .query((row, n) -> new QuietHours(
                        row.getTime("starts_at").toLocalTime(),
                        row.getTime("ends_at").toLocalTime(),
                        ZoneId.of(row.getString("time_zone"))))
                .optional();
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
