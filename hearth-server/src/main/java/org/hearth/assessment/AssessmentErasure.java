package org.hearth.assessment;

import org.hearth.identity.AccountErased;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Erasure: an erased member's answers and open reminders are deleted, and their schedules stop.
 * Schedules are kept, inactive, because reminder jobs may still point at them.
 */
@Component
class AssessmentErasure {

    private final JdbcClient jdbc;

    AssessmentErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(AccountErased erased) {
        jdbc.sql("delete from assessment_due where member_id = :m")
                .param("m", erased.userId())
                .update();
        jdbc.sql("update assessment_schedule set active = false where member_id = :m")
                .param("m", erased.userId())
                .update();
        jdbc.sql("delete from assessment_response where member_id = :m")
                .param("m", erased.userId())
                .update();
    }
}
