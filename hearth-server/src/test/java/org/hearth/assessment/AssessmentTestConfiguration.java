package org.hearth.assessment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * What the assessment tests need from modules that are not in this branch: a Safety that records
 * calls, and method security (identity's security configuration enables it in the application).
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableMethodSecurity
class AssessmentTestConfiguration {

    @Bean
    @Primary
    RecordingSafety recordingSafety() {
        return new RecordingSafety();
    }

    @Bean
    DueEvents dueEvents() {
        return new DueEvents();
    }

    /** Records reminders from any thread (the scheduler's too, which RecordApplicationEvents misses). */
    static class DueEvents {
        final List<AssessmentDue> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(AssessmentDue due) {
            seen.add(due);
        }
    }
}
