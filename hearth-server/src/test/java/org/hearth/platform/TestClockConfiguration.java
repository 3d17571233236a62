package org.hearth.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Import into a test to replace the application clock with one the test moves. The scheduler reads
 * the same clock, so jobs due at a moved-past instant run on its next poll.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(Instant.now());
    }

    /**
     * db-scheduler waits between polls until its clock has moved past the end of the interval. This
     * clock stands still between a test's moves, so a poll wait that began just after the last move
     * would never end: every move wakes the scheduler instead (or makes it skip its next wait).
     */
    @Bean
    SmartInitializingSingleton wakeTheSchedulerWhenTheClockMoves(
            MutableClock clock, ObjectProvider<Scheduler> scheduler) {
        return () -> clock.onChange(() -> scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions));
    }
}
