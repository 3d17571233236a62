package org.hearth.care;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The availability table: one row per clinician, rules and exceptions as JSON. */
@Repository
class Availabilities {

    private record RuleRow(String dayOfWeek, String start, String end) {}

    private record ExceptionRow(
            String date,
            boolean available,
            @Nullable String start,
            @Nullable String end) {}

    private static final TypeReference<List<RuleRow>> RULES = new TypeReference<>() {};
    private static final TypeReference<List<ExceptionRow>> EXCEPTIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    Availabilities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(UUID clinicianId, UUID organizationId, Availability availability, Instant now) {
        List<RuleRow> rules = availability.weeklyRules().stream()
                .map(rule -> new RuleRow(
                        rule.dayOfWeek().name(),
                        rule.start().toString(),
                        rule.end().toString()))
                .toList();
        List<ExceptionRow> exceptions = availability.exceptions().stream()
                .map(exception -> new ExceptionRow(
                        exception.date().toString(),
                        exception.available(),
                        exception.start() == null ? null : exception.start().toString(),
                        exception.end() == null ? null : exception.end().toString()))
                .toList();
        jdbc.sql("""
                        insert into care_availability (clinician_id, organization_id, time_zone, slot_minutes,
                                                       weekly_rules, exceptions, updated_at)
                        values (:id, :org, :zone, :slot, cast(:rules as jsonb), cast(:exceptions as jsonb), :now)
                        on conflict (clinician_id) do update set time_zone = excluded.time_zone,
                            slot_minutes = excluded.slot_minutes, weekly_rules = excluded.weekly_rules,
                            exceptions = excluded.exceptions, updated_at = excluded.updated_at
                        """)
                .param("id", clinicianId)
                .param("org", organizationId)
                .param("zone", availability.timeZone().getId())
                .param("slot", availability.slotMinutes())
                .param("rules", json.writeValueAsString(rules))
                .param("exceptions", json.writeValueAsString(exceptions))
                .param("now", Timestamp.from(now))
                .update();
    }

    Optional<Availability> find(UUID clinicianId) {
        return jdbc.sql("select time_zone, slot_minutes, weekly_rules::text as rules, exceptions::text as ex"
                        + " from care_availability where clinician_id = :id")
                .param("id", clinicianId)
                .query((row, n) -> new Availability(
                        ZoneId.of(row.getString("time_zone")),
                        row.getInt("slot_minutes"),
                        json.readValue(row.getString("rules"), RULES).stream()
                                .map(rule -> new Availability.WeeklyRule(
                                        DayOfWeek.valueOf(rule.dayOfWeek()),
                                        LocalTime.parse(rule.start()),
                                        LocalTime.parse(rule.end())))
                                .toList(),
                        json.readValue(row.getString("ex"), EXCEPTIONS).stream()
                                .map(exception -> new Availability.DateException(
                                        LocalDate.parse(exception.date()),
                                        exception.available(),
                                        exception.start() == null ? null : LocalTime.parse(exception.start()),
                                        exception.end() == null ? null : LocalTime.parse(exception.end())))
                                .toList()))
                .optional();
    }
}
