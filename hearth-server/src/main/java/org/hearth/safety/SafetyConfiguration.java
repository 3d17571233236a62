package org.hearth.safety;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SafetyProperties.class)
class SafetyConfiguration {

    /**
     * The acknowledgement deadline job. The desk is looked up when a deadline fires, because the
     * scheduler (which needs this task) is built before the services that schedule through it.
     * A failed run is retried every 30 seconds: an escalation must not be dropped.
     */
    @Bean
    OneTimeTask<Void> incidentDeadlineTask(ObjectProvider<IncidentDesk> desk) {
        return Tasks.oneTime(IncidentDeadlines.TASK)
                .onFailure(new com.github.kagkarlsson.scheduler.task.FailureHandler.OnFailureRetryLater<>(
                        Duration.ofSeconds(30)))
                .execute((instance, context) -> desk.getObject()
                        .deadlinePassed(
                                IncidentDeadlines.incidentOf(instance.getId()),
                                IncidentDeadlines.tierOf(instance.getId())));
    }
}
