package org.hearth.identity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Removes dead token rows hourly, on one node of the cluster at a time (db-scheduler). */
@Configuration(proxyBeanMethods = false)
class TokenCleanup {

    @Bean
    RecurringTask<Void> identityTokenCleanup(Tokens tokens) {
        return Tasks.recurring("identity-token-cleanup", FixedDelay.ofHours(1))
                .execute((instance, context) -> tokens.deleteExpired());
    }
}
