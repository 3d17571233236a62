package org.hearth.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hearth.identity.Account;
import org.hearth.identity.Caller;
import org.hearth.identity.Role;
import org.hearth.safety.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Notifications against a real SMTP server (GreenMail) on loopback. */
@SpringBootTest(
        properties = {
            "hearth.scheduler.polling-interval=PT0.2S",
            "hearth.notify.email.retry-base=PT0.5S",
            "hearth.notify.email.retry-max=PT2S",
            "hearth.notify.email.from=hearth@example.org",
            "spring.mail.properties.mail.smtp.connectiontimeout=2000",
            "spring.mail.properties.mail.smtp.timeout=2000"
        })
@AutoConfigureMockMvc
@Import({NotificationsIntegrationTests.People.class})
class NotificationsIntegrationTests {

    static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class People {
        @Bean
        @Primary
        TestAccounts testAccounts() {
            return new TestAccounts();
        }
    }

    @Autowired
    Notifications notifications;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    GreenMail smtp;
    Account person;

    @BeforeEach
    void person() {
        person = accounts.add(UUID.randomUUID(), Role.RESPONDER);
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void retriesAFailedSendWithBackoffAndThenDeliversOverSmtp() throws Exception {
        // No mail server yet: the first attempt fails and is logged.
        UUID id = notifications.send(email("Please check the queue", Notification.Priority.HIGH));
        await().atMost(Duration.ofSeconds(20)).until(() -> outcomes(id).contains("FAILED"));

        startSmtp();
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 1);
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("Please check the queue");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(person.email());
        String body = GreenMailUtil.getBody(message);
        assertThat(body)
                .contains("A test body written by the team.")
                .contains("http://localhost:8080/responder/incidents");
        await().atMost(Duration.ofSeconds(10)).until(() -> outcomes(id).contains("SENT"));
        List<String> outcomes = outcomes(id);
        assertThat(outcomes.getFirst()).isEqualTo("FAILED");
        assertThat(outcomes.getLast()).isEqualTo("SENT");
        assertThat(jdbc.sql(
                                "select count(*) from scheduled_tasks where task_name = 'notify-email' and task_instance = :id")
                        .param("id", id.toString())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void holdsNormalEmailDuringQuietHoursButNotCriticalOnes() throws Exception {
        startSmtp();
        LocalTime now = LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        notifications.quietHours(person.id(), new QuietHours(now.minusHours(1), now.plusHours(1), ZoneOffset.UTC));

        UUID normal = notifications.send(email("Weekly summary", Notification.Priority.NORMAL));
        assertThat(outcomes(normal)).containsExactly("DEFERRED");
        Instant due = jdbc.sql(
                        "select execution_time from scheduled_tasks where task_name = 'notify-email' and task_instance = :id")
                .param("id", normal.toString())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(due).isAfter(Instant.now().plus(Duration.ofMinutes(50)));

        UUID critical = notifications.send(email("Imminent risk: acknowledge now", Notification.Priority.CRITICAL));
        await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length == 1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("[Urgent] Imminent risk: acknowledge now");
        assertThat(outcomes(critical)).containsExactly("SENT");
    }

    @Test
    void listsMarksReadAndStreamsInAppNotifications() throws Exception {
        MvcResult stream = mvc.perform(get("/api/v1/notifications/stream").with(as(person)))
                .andExpect(request().asyncStarted())
                .andReturn();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> stream.getResponse().getContentAsString().contains("event:unread"));

        UUID id = notifications.send(new Notification(
                person.id(),
                "test.inbox",
                "A new incident",
                "Open the queue.",
                "/responder/incidents",
                Notification.Priority.CRITICAL,
                Set.of(Notification.Channel.IN_APP)));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> stream.getResponse().getContentAsString().contains("event:notification"));
        assertThat(stream.getResponse().getContentAsString())
                .contains(id.toString())
                .contains("A new incident");

        mvc.perform(get("/api/v1/notifications").with(as(person)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unreadCount").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id.toString()))
                .andExpect(jsonPath("$.items[0].read").value(false));
        Account someoneElse = accounts.add(UUID.randomUUID(), Role.MEMBER);
        mvc.perform(post("/api/v1/notifications/{id}/read", id).with(as(someoneElse)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/notifications/{id}/read", id).with(as(person)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unreadCount").value(0));
        mvc.perform(get("/api/v1/notifications").param("unread", "true").with(as(person)))
                .andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get("/api/v1/notifications")).andExpect(status().isUnauthorized());
    }

    private Notification email(String title, Notification.Priority priority) {
        return new Notification(
                person.id(),
                "test.email",
                title,
                "A test body written by the team.",
                "/responder/incidents",
                priority,
                Set.of(Notification.Channel.EMAIL));
    }

    private List<String> outcomes(UUID notificationId) {
        return jdbc.sql("select outcome from notification_delivery_log where notification_id = :id order by id")
                .param("id", notificationId)
                .query(String.class)
                .list();
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private static RequestPostProcessor as(Account account) {
        Caller caller = Caller.person(account.id(), account.organizationId(), account.roles());
        return authentication(new UsernamePasswordAuthenticationToken(
                caller,
                null,
                account.roles().stream()
                        .map(role -> new SimpleGrantedAuthority(role.authority()))
                        .toList()));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
