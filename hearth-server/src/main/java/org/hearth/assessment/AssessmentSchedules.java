package org.hearth.assessment;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cadences ("PHQ-9 every 14 days at 09:00 Europe/Berlin"). Each active schedule has one persistent
 * db-scheduler execution that records the due reminder and reschedules itself, so reminders survive
 * restarts and run once in a cluster.
 */
@Service
class AssessmentSchedules {

    static final TaskDescriptor<String> DUE_TASK = TaskDescriptor.of("assessment-due", String.class);

    private final DueAssessments due;
    private final SchedulerClient scheduler;

    AssessmentSchedules(DueAssessments due, @Lazy SchedulerClient scheduler) {
        this.due = due;
        this.scheduler = scheduler;
    }

    @Transactional
    DueAssessments.Schedule create(
            UUID memberId,
            UUID organizationId,
            String instrumentId,
            int everyDays,
            LocalTime localTime,
            ZoneId zone,
            UUID createdBy) {
        for (DueAssessments.Schedule previous : due.activeFor(memberId)) {
            if (previous.instrumentId().equals(instrumentId)) {
                cancel(previous.id());
            }
        }
        DueAssessments.Schedule schedule =
                due.create(memberId, organizationId, instrumentId, everyDays, localTime, zone, createdBy);
        scheduler.schedule(DUE_TASK.instance(schedule.id().toString())
                .data(schedule.id().toString())
                .scheduledTo(schedule.nextDueAt()));
        return schedule;
    }

    List<DueAssessments.Schedule> activeFor(UUID memberId) {
        return due.activeFor(memberId);
    }

    @Transactional
    boolean stop(UUID scheduleId) {
        boolean stopped = due.deactivate(scheduleId);
        if (stopped) {
            cancel(scheduleId);
        }
        return stopped;
    }

    private void cancel(UUID scheduleId) {
        due.deactivate(scheduleId);
        var id = DUE_TASK.instanceId(scheduleId.toString());
        if (scheduler.getScheduledExecution(id).isPresent()) {
            scheduler.cancel(id);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class DueTaskConfiguration {

        @Bean
        CustomTask<String> assessmentDueTask(DueAssessments due) {
            return Tasks.custom(DUE_TASK).execute((instance, context) -> {
                Instant next = due.fire(UUID.fromString(instance.getData()));
                return (CompletionHandler<String>) (complete, operations) -> {
                    if (next == null) {
                        operations.stop();
                    } else {
                        operations.reschedule(complete, next);
                    }
                };
            });
        }
    }
}
