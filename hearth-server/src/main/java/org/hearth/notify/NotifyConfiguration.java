package org.hearth.notify;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.util.UUID;
import org.hearth.identity.Accounts;
import org.hearth.platform.HearthProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyProperties.class)
class NotifyConfiguration {

    /** SMTP when Spring Boot configured a mail sender ({@code spring.mail.host}); else the outbox table. */
    @Bean
    MailTransport mailTransport(
            ObjectProvider<JavaMailSender> sender, NotifyProperties properties, JdbcClient jdbc, Clock clock) {
        JavaMailSender smtp = sender.getIfAvailable();
        return smtp != null ? new SmtpMailTransport(smtp, properties.from()) : new OutboxMailTransport(jdbc, clock);
    }

    @Bean
    EmailDelivery emailDelivery(
            Inbox inbox,
            ObjectProvider<Accounts> accounts,
            MailTransport transport,
            NotifyProperties properties,
            HearthProperties hearth,
            Clock clock) {
        return new EmailDelivery(inbox, accounts, transport, properties, hearth, clock);
    }

    @Bean
    OneTimeTask<Void> notifyEmailTask(EmailDelivery delivery) {
        return Tasks.oneTime(EmailDelivery.TASK)
                .onFailure(delivery)
                .execute((instance, context) -> delivery.deliver(
                        UUID.fromString(instance.getId()), context.getExecution().consecutiveFailures + 1));
    }
}
