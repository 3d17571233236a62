package org.hearth.safety;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hearth.nlp.risk.RiskCategory;
import org.hearth.nlp.risk.RiskLevel;
import org.hearth.nlp.risk.RiskSignal;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The incident tables. Every read by staff is scoped to the caller's organization. */
@Repository
class Incidents {

    private static final TypeReference<List<RiskSignal>> SIGNALS = new TypeReference<>() {};

    /** Most urgent first: IMMINENT before HIGH before MODERATE, then the nearest deadline. */
    private static final String URGENCY =
            "array_position(array['MODERATE','HIGH','IMMINENT'], level) desc, deadline asc, opened_at asc";

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    Incidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Incident incident) {
        jdbc.sql("""
                        insert into safety_incident (id, organization_id, member_id, level, categories, source, source_id,
                                                     thread_id, signals, text_version, status, opened_at, deadline,
                                                     escalation_tier, no_responder)
                        values (:id, :org, :member, :level, cast(:categories as text[]), :source, :sourceId, :thread,
                                cast(:signals as jsonb), :textVersion, :status, :openedAt, :deadline, :tier, :noResponder)
                        """)
                .param("id", incident.id())
                .param("org", incident.organizationId())
                .param("member", incident.memberId())
                .param("level", incident.level().name())
                .param(
                        "categories",
                        "{"
                                + incident.categories().stream()
                                        .map(Enum::name)
                                        .sorted()
                                        .collect(Collectors.joining(","))
                                + "}")
                .param("source", incident.source().name())
                .param("sourceId", incident.sourceId())
                .param("thread", incident.threadId())
                .param("signals", json.writeValueAsString(incident.signals()))
                .param("textVersion", incident.textVersion())
                .param("status", incident.status().name())
                .param("openedAt", Timestamp.from(incident.openedAt()))
                .param("deadline", Timestamp.from(incident.deadline()))
                .param("tier", incident.escalationTier())
                .param("noResponder", incident.noResponder())
                .update();
    }

    Optional<Incident> find(UUID id) {
        return jdbc.sql("select * from safety_incident where id = :id")
                .param("id", id)
                .query((row, n) -> read(row))
                .optional();
    }

    Optional<Incident> find(UUID id, UUID organizationId) {
        return jdbc.sql("select * from safety_incident where id = :id and organization_id = :org")
                .param("id", id)
                .param("org", organizationId)
                .query((row, n) -> read(row))
                .optional();
    }

    /** The organization's incidents in the given states, most urgent first. */
    List<Incident> queue(UUID organizationId, Set<IncidentStatus> statuses, int limit) {
        return jdbc.sql("select * from safety_incident where organization_id = :org and status in (:statuses) order by "
                        + URGENCY + " limit :limit")
                .param("org", organizationId)
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .param("limit", limit)
                .query((row, n) -> read(row))
                .list();
    }

    /** The member's most severe incident still being handled, if any. */
    Optional<Incident> activeFor(UUID memberId) {
        return jdbc.sql("select * from safety_incident where member_id = :member and status in ('OPEN','ACKNOWLEDGED')"
                        + " order by " + URGENCY + " limit 1")
                .param("member", memberId)
                .query((row, n) -> read(row))
                .optional();
    }

    boolean acknowledge(UUID id, UUID responderId, Instant at) {
        return jdbc.sql("""
                        update safety_incident set status = 'ACKNOWLEDGED', acknowledged_at = :at, acknowledged_by = :by
                        where id = :id and status = 'OPEN'
                        """)
                        .param("at", Timestamp.from(at))
                        .param("by", responderId)
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean resolve(UUID id, UUID responderId, IncidentOutcome outcome, String note, Instant at) {
        return jdbc.sql("""
                        update safety_incident
                        set status = 'RESOLVED', resolved_at = :at, resolved_by = :by, outcome = :outcome,
                            resolution_note = :note,
                            acknowledged_at = coalesce(acknowledged_at, :at), acknowledged_by = coalesce(acknowledged_by, :by)
                        where id = :id and status in ('OPEN', 'ACKNOWLEDGED')
                        """)
                        .param("at", Timestamp.from(at))
                        .param("by", responderId)
                        .param("outcome", outcome.name())
                        .param("note", note)
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Moves an OPEN incident from one tier to the next; false when it was acknowledged meanwhile. */
    boolean escalate(UUID id, int fromTier, Instant at, Instant nextDeadline) {
        boolean moved = jdbc.sql("""
                        update safety_incident set escalation_tier = :to, deadline = :deadline
                        where id = :id and status = 'OPEN' and escalation_tier = :from
                        """)
                        .param("to", fromTier + 1)
                        .param("deadline", Timestamp.from(nextDeadline))
                        .param("id", id)
                        .param("from", fromTier)
                        .update()
                == 1;
        if (moved) {
            jdbc.sql(
                            "insert into safety_escalation (incident_id, tier, escalated_at, next_deadline) values (:id, :tier, :at, :next)")
                    .param("id", id)
                    .param("tier", fromTier + 1)
                    .param("at", Timestamp.from(at))
                    .param("next", Timestamp.from(nextDeadline))
                    .update();
        }
        return moved;
    }

    void enterSafetyMode(UUID threadId, UUID memberId, UUID organizationId, RiskLevel level, Instant at) {
        jdbc.sql("""
                        insert into safety_thread_mode (thread_id, member_id, organization_id, level, entered_at)
                        values (:thread, :member, :org, :level, :at)
                        on conflict (thread_id) do nothing
                        """)
                .param("thread", threadId)
                .param("member", memberId)
                .param("org", organizationId)
                .param("level", level.name())
                .param("at", Timestamp.from(at))
                .update();
    }

    boolean inSafetyMode(UUID threadId) {
        return jdbc.sql("select exists (select 1 from safety_thread_mode where thread_id = :thread)")
                .param("thread", threadId)
                .query(Boolean.class)
                .single();
    }

    private Incident read(ResultSet row) throws SQLException {
        Array categories = row.getArray("categories");
        Set<RiskCategory> parsed = EnumSet.noneOf(RiskCategory.class);
        Arrays.stream((String[]) categories.getArray())
                .map(RiskCategory::valueOf)
                .forEach(parsed::add);
        String outcome = row.getString("outcome");
        return new Incident(
                row.getObject("id", UUID.class),
                row.getObject("organization_id", UUID.class),
                row.getObject("member_id", UUID.class),
                RiskLevel.valueOf(row.getString("level")),
                parsed,
                RiskSource.valueOf(row.getString("source")),
                row.getObject("source_id", UUID.class),
                row.getObject("thread_id", UUID.class),
                json.readValue(row.getString("signals"), SIGNALS),
                row.getString("text_version"),
                IncidentStatus.valueOf(row.getString("status")),
                instant(row, "opened_at"),
                instant(row, "deadline"),
                row.getInt("escalation_tier"),
                row.getBoolean("no_responder"),
                instant(row, "acknowledged_at"),
                row.getObject("acknowledged_by", UUID.class),
                instant(row, "resolved_at"),
                row.getObject("resolved_by", UUID.class),
                outcome == null ? null : IncidentOutcome.valueOf(outcome),
                row.getString("resolution_note"));
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
