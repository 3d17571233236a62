package org.hearth.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.hearth.identity.Role;
import org.hearth.platform.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The node that opened an incident goes down before its deadline; another node, which has never
 * seen the incident in memory, escalates it on time. The application's scheduler is stopped (the
 * node dies) and a brand-new scheduler is built over the same database, as a restarted or second
 * node would build it: the deadline lives only in PostgreSQL.
 */
@SpringBootTest(properties = "hearth.scheduler.polling-interval=PT0.2S")
@Import(SafetyTestConfiguration.class)
@DirtiesContext
class EscalationRestartIntegrationTests {

    @Autowired
    Safety safety;

    @Autowired
    TestAccounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    Scheduler scheduler;

    @Autowired
    DataSource dataSource;

    @Autowired
    List<Task<?>> tasks;

    @Autowired
    Incidents incidents;

    @Autowired
    JdbcClient jdbc;

    @Test
    void escalatesAfterTheNodeThatOpenedTheIncidentWentDown() {
        UUID organization = UUID.randomUUID();
        accounts.add(organization, Role.RESPONDER);
        UUID member = accounts.add(organization, Role.MEMBER).id();
        UUID incidentId = safety.screen(new MemberText(
                        member,
                        organization,
                        RiskSource.JOURNAL,
                        UUID.randomUUID(),
                        null,
                        SafetyIntegrationTests.HIGH_TEXT,
                        List.of(),
                        Locale.US))
                .incidentId();
        Instant deadline = incidents.find(incidentId).orElseThrow().deadline();

        scheduler.stop();

        // What survives the node: one row in PostgreSQL, due at the deadline.
        assertThat(jdbc.sql("select execution_time from scheduled_tasks where task_instance = :instance")
                        .param("instance", IncidentDeadlines.instanceId(incidentId, 1))
                        .query(Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(deadline);

        clock.set(deadline.plusSeconds(1));
        Scheduler restarted = Scheduler.create(
                        new TransactionAwareDataSourceProxy(dataSource),
                        tasks.stream()
                                .filter(task -> !(task instanceof RecurringTask))
                                .toList())
                .pollingInterval(Duration.ofMillis(200))
                .clock(clock::instant)
                .build();
        restarted.start();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> incidents.find(incidentId).orElseThrow().escalationTier() == 2);
            assertThat(incidents.find(incidentId).orElseThrow().status()).isEqualTo(IncidentStatus.OPEN);
        } finally {
            restarted.stop();
        }
    }
}
