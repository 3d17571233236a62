package org.hearth.safety;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class IncidentCounts implements OpenIncidents {

    private final JdbcClient jdbc;

    IncidentCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, Integer> unresolvedByMember(UUID organizationId, Collection<UUID> memberIds) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (memberIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        select member_id, count(*) as open from safety_incident
                        where organization_id = :org and member_id in (:members) and status <> 'RESOLVED'
                        group by member_id
                        """)
                .param("org", organizationId)
                .param("members", memberIds)
                .query((row, n) -> counts.put(row.getObject("member_id", UUID.class), row.getInt("open")))
                .list();
        return counts;
    }
}
