package org.hearth.notify;

import java.util.UUID;

/** Where an email goes: an SMTP server, or the outbox table when none is configured. */
interface MailTransport {

    /** Sends (or stores) the email; throws when the server refuses or cannot be reached. */
    void deliver(UUID notificationId, String to, String subject, String body);

    /** The delivery-log outcome of a successful {@link #deliver}: SENT or OUTBOX. */
    String outcome();
}
