package org.hearth.notify;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hearth.identity.Account;
import org.hearth.identity.Accounts;
import org.hearth.platform.HearthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Sends one notification's email, as a db-scheduler one-time task: persistent, so a restart never
 * loses it, and retried with exponential backoff and jitter when the mail server fails.
 */
class EmailDelivery implements FailureHandler<Void> {

    static final TaskDescriptor<Void> TASK = TaskDescriptor.of("notify-email");

    private static final Logger log = LoggerFactory.getLogger(EmailDelivery.class);

    private final Inbox inbox;
    private final ObjectProvider<Accounts> accounts;
    private final MailTransport transport;
    private final NotifyProperties properties;
    private final String publicUrl;
    private final Clock clock;
    private final SpringTemplateEngine templates;

    EmailDelivery(
            Inbox inbox,
            ObjectProvider<Accounts> accounts,
            MailTransport transport,
            NotifyProperties properties,
            HearthProperties hearth,
            Clock clock) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.transport = transport;
        this.properties = properties;
        this.publicUrl = hearth.publicUrl();
        this.clock = clock;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/notify/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        // Its own engine in TEXT mode (SpEL, like the web pages), not a bean: the web engine stays Boot's.
        this.templates = new SpringTemplateEngine();
        this.templates.setTemplateResolver(resolver);
    }

    /** Runs one attempt; throws so that db-scheduler calls {@link #onFailure} to plan the next. */
    void deliver(UUID notificationId, int attempt) {
        Inbox.Stored stored = inbox.find(notificationId).orElse(null);
        if (stored == null) {
            return;
        }
        Account account =
                accounts.getObject().find(stored.notification().recipientId()).orElse(null);
        if (account == null) {
            inbox.log(
                    notificationId, Notification.Channel.EMAIL, attempt, "SKIPPED", "no such account", clock.instant());
            return;
        }
        Notification notification = stored.notification();
        Context context = new Context();
        context.setVariables(Map.of(
                "name", account.displayName(),
                "title", notification.title(),
                "body", notification.body(),
                "link", notification.link() == null ? "" : publicUrl + notification.link()));
        String body = templates.process("email", context);
        String subject =
                (notification.priority() == Notification.Priority.CRITICAL ? "[Urgent] " : "") + notification.title();
        try {
            transport.deliver(notificationId, account.email(), subject, body);
        } catch (RuntimeException e) {
            // The reason is the exception's type only: mail server messages can echo addresses.
            inbox.log(
                    notificationId,
                    Notification.Channel.EMAIL,
                    attempt,
                    "FAILED",
                    e.getClass().getSimpleName(),
                    clock.instant());
            log.warn(
                    "Email for notification {} failed on attempt {}: {}",
                    notificationId,
                    attempt,
                    e.getClass().getSimpleName());
            throw e;
        }
        inbox.log(notificationId, Notification.Channel.EMAIL, attempt, transport.outcome(), "", clock.instant());
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
        int failures = complete.getExecution().consecutiveFailures + 1;
        UUID notificationId =
                UUID.fromString(complete.getExecution().taskInstance.getId());
        if (failures >= properties.maxAttempts()) {
            inbox.log(
                    notificationId,
                    Notification.Channel.EMAIL,
                    failures,
                    "GAVE_UP",
                    "after " + failures + " attempts",
                    clock.instant());
            log.error("Gave up emailing notification {} after {} attempts", notificationId, failures);
            operations.remove();
            return;
        }
        operations.reschedule(complete, clock.instant().plus(backoff(failures)));
    }

    /** base × 2^(failures−1), capped, with up to ±25 % jitter so that retries do not arrive in waves. */
    Duration backoff(int failures) {
        long base = properties.retryBase().toMillis();
        long exponential = base << Math.min(failures - 1, 20);
        long capped = Math.min(exponential, properties.retryMax().toMillis());
        double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
        return Duration.ofMillis(Math.max(1, Math.round(capped * jitter)));
    }
}
