package org.hearth.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Persistent, cluster-safe scheduled work on PostgreSQL with db-scheduler. Modules declare their
 * tasks as beans ({@code Tasks.oneTime(...)} or {@code Tasks.recurring(...)}) and schedule instances
 * through the {@link Scheduler} bean ({@code scheduler.schedule(task.instance(id, data), at)}). The
 * scheduler reads time from the application's {@link Clock}, so tests move deadlines by moving it.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    @Bean(destroyMethod = "stop")
    Scheduler scheduler(
            DataSource dataSource,
            List<Task<?>> tasks,
            Clock clock,
            @Value("${hearth.scheduler.polling-interval:PT5S}") Duration pollingInterval,
            @Value("${hearth.scheduler.threads:4}") int threads) {
        List<RecurringTask<?>> recurring = tasks.stream()
                .filter(RecurringTask.class::isInstance)
                .<RecurringTask<?>>map(task -> (RecurringTask<?>) task)
                .toList();
        List<Task<?>> oneTime =
                tasks.stream().filter(task -> !(task instanceof RecurringTask)).toList();
        // Scheduling inside a module's transaction joins that transaction: the job exists only if
        // the business change that needs it was committed.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), oneTime)
                .startTasks(recurring)
                .threads(threads)
                .pollingInterval(pollingInterval)
                .enableImmediateExecution()
                .clock(new ApplicationClock(clock))
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(Scheduler.class).start();
    }

    private record ApplicationClock(Clock clock) implements com.github.kagkarlsson.scheduler.Clock {
        @Override
        public Instant now() {
            return clock.instant();
        }
    }
}
