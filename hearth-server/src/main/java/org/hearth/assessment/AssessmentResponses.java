package org.hearth.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Completed responses in {@code assessment_response}. */
@Repository
class AssessmentResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    AssessmentResponses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(StoredResponse response, @Nullable UUID incidentId) {
        jdbc.sql("""
                insert into assessment_response (id, member_id, organization_id, instrument_id, instrument_version,
                    answers, sex, score, severity, subscales, flags, risk_level, incident_id, completed_at)
                values (:id, :member, :organization, :instrument, :version, cast(:answers as jsonb), :sex, :score,
                    :severity, cast(:subscales as jsonb), cast(:flags as jsonb), :risk, :incident, :at)
                """)
                .param("id", response.id())
                .param("member", response.memberId())
                .param("organization", response.organizationId())
                .param("instrument", response.instrumentId())
                .param("version", response.instrumentVersion())
                .param("answers", JSON.writeValueAsString(response.answers()))
                .param("sex", response.sex())
                .param("score", response.score())
                .param("severity", response.severity())
                .param("subscales", JSON.writeValueAsString(response.subscales()))
                .param("flags", JSON.writeValueAsString(response.flags()))
                .param("risk", response.riskLevel())
                .param("incident", incidentId)
                .param("at", java.sql.Timestamp.from(response.completedAt()))
                .update();
    }

    Optional<StoredResponse> find(UUID id) {
        return jdbc.sql("select * from assessment_response where id = :id")
                .param("id", id)
                .query(AssessmentResponses::map)
                .optional();
    }

    /** A member's responses to one instrument, oldest first. */
    List<StoredResponse> history(UUID memberId, String instrumentId) {
        return jdbc.sql("""
                select * from assessment_response where member_id = :member and instrument_id = :instrument
                order by completed_at, id
                """)
                .param("member", memberId)
                .param("instrument", instrumentId)
                .query(AssessmentResponses::map)
                .list();
    }

    private static StoredResponse map(ResultSet rs, int row) throws SQLException {
        return new StoredResponse(
                rs.getObject("id", UUID.class),
                rs.getObject("member_id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("instrument_id"),
                rs.getString("instrument_version"),
                JSON.readValue(rs.getString("answers"), new TypeReference<List<@Nullable Integer>>() {}),
                rs.getString("sex"),
                rs.getInt("score"),
                rs.getString("severity"),
                JSON.readValue(rs.getString("subscales"), new TypeReference<Map<String, Integer>>() {}),
                JSON.readValue(rs.getString("flags"), new TypeReference<List<String>>() {}),
                rs.getString("risk_level"),
                rs.getTimestamp("completed_at").toInstant());
    }
}
