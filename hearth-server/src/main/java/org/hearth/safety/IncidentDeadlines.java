package org.hearth.safety;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Acknowledgement deadlines as db-scheduler one-time jobs, one per incident and tier, in the
 * PostgreSQL table: they survive restarts and run once in a cluster. Scheduling joins the caller's
 * transaction, so a deadline exists exactly when its incident does.
 */
@Component
class IncidentDeadlines {

    static final TaskDescriptor<Void> TASK = TaskDescriptor.of("safety-incident-deadline");

    private final ObjectProvider<SchedulerClient> scheduler;

    IncidentDeadlines(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void schedule(UUID incidentId, int tier, Instant deadline) {
        scheduler
                .getObject()
                .schedule(TASK.instance(instanceId(incidentId, tier)).scheduledTo(deadline));
    }

    /** Cancels the pending deadline, if it is still waiting; a running one finds the incident handled. */
    void cancel(UUID incidentId, int tier) {
        TaskInstanceId id = TASK.instanceId(instanceId(incidentId, tier));
        SchedulerClient client = scheduler.getObject();
        if (client.getScheduledExecution(id)
                .filter(execution -> !execution.isPicked())
                .isPresent()) {
            client.cancel(id);
        }
    }

    static String instanceId(UUID incidentId, int tier) {
        return incidentId + ":" + tier;
    }

    static UUID incidentOf(String instanceId) {
        return UUID.fromString(instanceId.substring(0, instanceId.indexOf(':')));
    }

    static int tierOf(String instanceId) {
        return Integer.parseInt(instanceId.substring(instanceId.indexOf(':') + 1));
    }
}
