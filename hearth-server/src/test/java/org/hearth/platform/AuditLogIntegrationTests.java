package org.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class AuditLogIntegrationTests {

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void keepsAnUnbrokenChainAndDetectsATamperedRow() {
        UUID actor = UUID.randomUUID();
        auditLog.record(AuditEntry.of("test.first", actor, null, "user:" + actor, AuditEntry.Outcome.SUCCESS)
                .from("127.0.0.1")
                .with("reason", "first"));
        auditLog.record(AuditEntry.of("test.second", actor, null, null, AuditEntry.Outcome.DENIED));
        auditLog.record(AuditEntry.of("test.third", null, null, null, AuditEntry.Outcome.FAILURE));
        assertThat(auditLog.firstBrokenLink()).isEmpty();

        long second = jdbc.sql("select seq from audit_log where action = 'test.second'")
                .query(Long.class)
                .single();
        // An attacker with database access works around the trigger; the chain still tells.
        jdbc.sql("alter table audit_log disable trigger audit_log_append_only").update();
        try {
            jdbc.sql("update audit_log set outcome = 'SUCCESS' where seq = :seq")
                    .param("seq", second)
                    .update();
        } finally {
            jdbc.sql("alter table audit_log enable trigger audit_log_append_only")
                    .update();
        }
        assertThat(auditLog.firstBrokenLink()).contains(second);

        jdbc.sql("alter table audit_log disable trigger audit_log_append_only").update();
        try {
            jdbc.sql("update audit_log set outcome = 'DENIED' where seq = :seq")
                    .param("seq", second)
                    .update();
        } finally {
            jdbc.sql("alter table audit_log enable trigger audit_log_append_only")
                    .update();
        }
        assertThat(auditLog.firstBrokenLink()).isEmpty();
    }

    @Test
    void refusesUpdatesAndDeletes() {
        auditLog.record(AuditEntry.of("test.fixed", null, null, null, AuditEntry.Outcome.SUCCESS));
        assertThatThrownBy(() -> jdbc.sql("update audit_log set action = 'x' where action = 'test.fixed'")
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where action = 'test.fixed'")
                        .update())
                .hasMessageContaining("append-only");
    }
}
