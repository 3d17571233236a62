package org.hearth.care;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CareProperties.class)
class CareConfiguration {

    /**
     * The reminder job. The reminders bean is looked up when a job fires, because the scheduler
     * (which needs this task) is built before the services that schedule through it. A reminder held
     * for the end of quiet hours is rescheduled rather than lost.
     */
    @Bean
    CustomTask<Void> careReminderTask(ObjectProvider<AppointmentReminders> reminders) {
        return Tasks.custom(AppointmentReminders.TASK).execute((instance, context) -> {
            Instant again = reminders.getObject().fire(instance.getId());
            return (CompletionHandler<Void>) (complete, operations) -> {
                if (again == null) {
                    operations.stop();
                } else {
                    operations.reschedule(complete, again);
                }
            };
        });
    }
}
