package org.hearth.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded default without a mail server: emails are kept in a table for admins to see. */
class OutboxMailTransport implements MailTransport {

    private final JdbcClient jdbc;
    private final Clock clock;

    OutboxMailTransport(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void deliver(UUID notificationId, String to, String subject, String body) {
        jdbc.sql("""
                        insert into email_outbox (id, notification_id, recipient, subject, body, created_at)
                        values (:id, :notification, :to, :subject, :body, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("notification", notificationId)
                .param("to", to)
                .param("subject", subject)
                .param("body", body)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    @Override
    public String outcome() {
        return "OUTBOX";
    }
}
