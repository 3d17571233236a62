package org.hearth.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Schedules and the reminders they produce, in {@code assessment_schedule} and {@code assessment_due}. */
@Repository
class DueAssessments {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DueAssessments(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    record Schedule(
            UUID id,
            UUID memberId,
            UUID organizationId,
            String instrumentId,
            int everyDays,
            LocalTime localTime,
            ZoneId timeZone,
            Instant nextDueAt,
            boolean active) {}

    record Due(UUID dueId, UUID scheduleId, String instrumentId, Instant dueAt) {}

    /** The first local occurrence of {@code time} strictly after {@code after}, in {@code zone}. */
    static Instant nextOccurrence(Instant after, LocalTime time, ZoneId zone) {
        ZonedDateTime local = after.atZone(zone);
        ZonedDateTime candidate = local.toLocalDate().atTime(time).atZone(zone);
        if (!candidate.toInstant().isAfter(after)) {
            candidate = local.toLocalDate().plusDays(1).atTime(time).atZone(zone);
        }
        return candidate.toInstant();
    }

    /** Replaces the member's active schedule for the instrument, if any, with a new one. */
    Schedule create(
            UUID memberId,
            UUID organizationId,
            String instrumentId,
            int everyDays,
            LocalTime localTime,
            ZoneId zone,
            UUID createdBy) {
        Instant now = clock.instant();
        jdbc.sql(
                        "update assessment_schedule set active = false where member_id = :member and instrument_id = :instrument and active")
                .param("member", memberId)
                .param("instrument", instrumentId)
                .update();
        Schedule schedule = new Schedule(
                UUID.randomUUID(),
                memberId,
                organizationId,
                instrumentId,
                everyDays,
                localTime,
                zone,
                nextOccurrence(now, localTime, zone),
                true);
        jdbc.sql("""
                insert into assessment_schedule (id, member_id, organization_id, instrument_id, every_days, local_time,
                    time_zone, created_by, created_at, next_due_at, active)
                values (:id, :member, :organization, :instrument, :every, :time, :zone, :by, :now, :next, true)
                """)
                .param("id", schedule.id())
                .param("member", memberId)
                .param("organization", organizationId)
                .param("instrument", instrumentId)
                .param("every", everyDays)
                .param("time", localTime)
                .param("zone", zone.getId())
                .param("by", createdBy)
                .param("now", java.sql.Timestamp.from(now))
                .param("next", java.sql.Timestamp.from(schedule.nextDueAt()))
                .update();
        return schedule;
    }

    Optional<Schedule> find(UUID scheduleId) {
        return jdbc.sql("select * from assessment_schedule where id = :id")
                .param("id", scheduleId)
                .query((rs, row) -> new Schedule(
                        rs.getObject("id", UUID.class),
                        rs.getObject("member_id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getString("instrument_id"),
                        rs.getInt("every_days"),
                        rs.getObject("local_time", LocalTime.class),
                        ZoneId.of(rs.getString("time_zone")),
                        rs.getTimestamp("next_due_at").toInstant(),
                        rs.getBoolean("active")))
                .optional();
    }

    List<Schedule> activeFor(UUID memberId) {
        return jdbc
                .sql("select id from assessment_schedule where member_id = :member and active order by instrument_id")
                .param("member", memberId)
                .query(UUID.class)
                .list()
                .stream()
                .flatMap(id -> find(id).stream())
                .toList();
    }

    boolean deactivate(UUID scheduleId) {
        return jdbc.sql("update assessment_schedule set active = false where id = :id and active")
                        .param("id", scheduleId)
                        .update()
                > 0;
    }

    /**
     * Records the reminder that has come due for a schedule and publishes {@link AssessmentDue}.
     * Returns when the next one falls (the first local occurrence after now, so a long outage does not
     * pile up reminders), or null when the schedule was stopped.
     */
    @Transactional
    @Nullable
    Instant fire(UUID scheduleId) {
        Schedule schedule = find(scheduleId).orElse(null);
        if (schedule == null || !schedule.active()) {
            return null;
        }
        int added = jdbc.sql("""
                insert into assessment_due (id, schedule_id, member_id, instrument_id, due_at)
                values (:id, :schedule, :member, :instrument, :due)
                on conflict (schedule_id, due_at) do nothing
                """)
                .param("id", UUID.randomUUID())
                .param("schedule", schedule.id())
                .param("member", schedule.memberId())
                .param("instrument", schedule.instrumentId())
                .param("due", java.sql.Timestamp.from(schedule.nextDueAt()))
                .update();
        if (added > 0) {
            events.publishEvent(new AssessmentDue(schedule.memberId(), schedule.instrumentId(), schedule.nextDueAt()));
        }
        ZonedDateTime next = schedule.nextDueAt().atZone(schedule.timeZone());
        Instant now = clock.instant();
        do {
            // Adding days to the local date keeps the member's local time across daylight-saving changes.
            next = next.toLocalDate()
                    .plusDays(schedule.everyDays())
                    .atTime(schedule.localTime())
                    .atZone(schedule.timeZone());
        } while (!next.toInstant().isAfter(now));
        jdbc.sql("update assessment_schedule set next_due_at = :next where id = :id")
                .param("next", java.sql.Timestamp.from(next.toInstant()))
                .param("id", schedule.id())
                .update();
        return next.toInstant();
    }

    /** Reminders the member has not yet acted on, oldest first. */
    List<Due> open(UUID memberId) {
        return jdbc.sql("""
                select id, schedule_id, instrument_id, due_at from assessment_due
                where member_id = :member and response_id is null and due_at <= :now
                order by due_at
                """)
                .param("member", memberId)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .query((rs, row) -> new Due(
                        rs.getObject("id", UUID.class),
                        rs.getObject("schedule_id", UUID.class),
                        rs.getString("instrument_id"),
                        rs.getTimestamp("due_at").toInstant()))
                .list();
    }

    /** Marks the member's open reminders for the instrument as done by this response. */
    void complete(UUID memberId, String instrumentId, UUID responseId, Instant at) {
        jdbc.sql("""
                update assessment_due set response_id = :response
                where member_id = :member and instrument_id = :instrument and response_id is null and due_at <= :at
                """)
                .param("response", responseId)
                .param("member", memberId)
                .param("instrument", instrumentId)
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }
}
