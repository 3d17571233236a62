package org.hearth.assessment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.safety.Safety;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

/** The real Safety with a record of its reports, and a listener for due-assessment events. */
@TestConfiguration(proxyBeanMethods = false)
class AssessmentTestConfiguration {

    @Bean
    @Primary
    RecordingSafety recordingSafety(@Qualifier("safetyService") Safety real) {
        return new RecordingSafety(real);
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
