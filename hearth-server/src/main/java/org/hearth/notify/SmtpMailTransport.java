package org.hearth.notify;

import java.util.UUID;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Email over SMTP with Spring's {@link JavaMailSender}, used when {@code spring.mail.host} is set. */
class SmtpMailTransport implements MailTransport {

    private final JavaMailSender sender;
    private final String from;

    SmtpMailTransport(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void deliver(UUID notificationId, String to, String subject, String body) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        sender.send(message);
    }

    @Override
    public String outcome() {
        return "SENT";
    }
}
