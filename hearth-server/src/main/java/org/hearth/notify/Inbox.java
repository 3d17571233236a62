package org.hearth.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification table: what was sent to whom, and what they have read. */
@Repository
class Inbox {

    /** A stored notification with its delivery choices. */
    record Stored(UUID id, Notification notification, Instant createdAt) {}

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID id, Notification notification, Instant at) {
        jdbc.sql("""
                        insert into notification (id, recipient_id, kind, title, body, link, priority, in_app, email, created_at)
                        values (:id, :recipient, :kind, :title, :body, :link, :priority, :inApp, :email, :at)
                        """)
                .param("id", id)
                .param("recipient", notification.recipientId())
                .param("kind", notification.kind())
                .param("title", notification.title())
                .param("body", notification.body())
                .param("link", notification.link())
                .param("priority", notification.priority().name())
                .param("inApp", notification.channels().contains(Notification.Channel.IN_APP))
                .param("email", notification.channels().contains(Notification.Channel.EMAIL))
                .param("at", Timestamp.from(at))
                .update();
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("select * from notification where id = :id")
                .param("id", id)
                .query((row, n) -> new Stored(id, notification(row), instant(row, "created_at")))
                .optional();
    }

    List<NotificationView> forRecipient(UUID recipientId, boolean unreadOnly, int limit) {
        return jdbc.sql("""
                        select * from notification
                        where recipient_id = :recipient and in_app and (not :unreadOnly or read_at is null)
                        order by created_at desc, id limit :limit
                        """)
                .param("recipient", recipientId)
                .param("unreadOnly", unreadOnly)
                .param("limit", limit)
                .query((row, n) -> view(row))
                .list();
    }

    Optional<NotificationView> view(UUID id) {
        return jdbc.sql("select * from notification where id = :id")
                .param("id", id)
                .query((row, n) -> view(row))
                .optional();
    }

    int unread(UUID recipientId) {
        return jdbc.sql(
                        "select count(*) from notification where recipient_id = :recipient and in_app and read_at is null")
                .param("recipient", recipientId)
                .query(Integer.class)
                .single();
    }

    /** Marks read; false when the notification is not the recipient's. */
    boolean markRead(UUID id, UUID recipientId, Instant at) {
        int changed = jdbc.sql("""
                        update notification set read_at = coalesce(read_at, :at)
                        where id = :id and recipient_id = :recipient and in_app
                        """)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .param("recipient", recipientId)
                .update();
        return changed == 1;
    }

    void log(
            UUID notificationId, Notification.Channel channel, int attempt, String outcome, String detail, Instant at) {
        jdbc.sql("""
                        insert into notification_delivery_log (notification_id, channel, attempt, outcome, detail, at)
                        values (:id, :channel, :attempt, :outcome, :detail, :at)
                        """)
                .param("id", notificationId)
                .param("channel", channel.name())
                .param("attempt", attempt)
                .param("outcome", outcome)
                .param("detail", detail)
                .param("at", Timestamp.from(at))
                .update();
    }

    private static NotificationView view(ResultSet row) throws SQLException {
        return new NotificationView(
                row.getObject("id", UUID.class),
                row.getString("kind"),
                row.getString("title"),
                row.getString("body"),
                row.getString("link"),
                Notification.Priority.valueOf(row.getString("priority")),
                instant(row, "created_at"),
                row.getTimestamp("read_at") != null);
    }

    private static Notification notification(ResultSet row) throws SQLException {
        var channels = new java.util.HashSet<Notification.Channel>();
        if (row.getBoolean("in_app")) {
            channels.add(Notification.Channel.IN_APP);
        }
        if (row.getBoolean("email")) {
            channels.add(Notification.Channel.EMAIL);
        }
        return new Notification(
                row.getObject("recipient_id", UUID.class),
                row.getString("kind"),
                row.getString("title"),
                row.getString("body"),
                row.getString("link"),
                Notification.Priority.valueOf(row.getString("priority")),
                channels);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }
}
