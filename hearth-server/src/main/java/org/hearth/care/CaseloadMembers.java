package org.hearth.care;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hearth.identity.Account;
import org.hearth.identity.Accounts;
import org.hearth.identity.ConsentGranted;
import org.hearth.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Who is on a clinician's caseload: a member joins it by granting the clinician any consent or by
 * booking a session with them. Being on the caseload shows no data by itself; what the dashboard
 * shows is decided by the consents in force at the moment it is read.
 */
@Component
class CaseloadMembers {

    private final JdbcClient jdbc;
    private final Accounts accounts;

    CaseloadMembers(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    void add(UUID clinicianId, UUID memberId, UUID organizationId, Instant at) {
        jdbc.sql("""
                        insert into care_caseload (clinician_id, member_id, organization_id, since)
                        values (:c, :m, :org, :at) on conflict do nothing
                        """)
                .param("c", clinicianId)
                .param("m", memberId)
                .param("org", organizationId)
                .param("at", Timestamp.from(at))
                .update();
    }

    List<UUID> of(UUID clinicianId, UUID organizationId) {
        return jdbc.sql("select member_id from care_caseload where clinician_id = :c and organization_id = :org")
                .param("c", clinicianId)
                .param("org", organizationId)
                .query(UUID.class)
                .list();
    }

    @ApplicationModuleListener
    void on(ConsentGranted granted) {
        accounts.find(granted.granteeId())
                .filter(account -> account.roles().contains(Role.CLINICIAN))
                .map(Account::organizationId)
                .ifPresent(org -> add(granted.granteeId(), granted.memberId(), org, granted.at()));
    }
}
