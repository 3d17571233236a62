package org.hearth.care;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The appointment table. Overlaps are refused by its exclusion constraints, not by a check here. */
@Repository
class AppointmentStore {

    static final String CLINICIAN_OVERLAP = "care_appointment_clinician_overlap";
    static final String MEMBER_OVERLAP = "care_appointment_member_overlap";

    private final JdbcClient jdbc;

    AppointmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Appointment appointment) {
        jdbc.sql("""
                        insert into care_appointment (id, organization_id, clinician_id, member_id, starts_at, ends_at,
                                                      status, video_url, ical_uid, sequence, booked_by, created_at,
                                                      updated_at)
                        values (:id, :org, :clinician, :member, :start, :end, :status, :video, :uid, :sequence,
                                :bookedBy, :created, :updated)
                        """)
                .param("id", appointment.id())
                .param("org", appointment.organizationId())
                .param("clinician", appointment.clinicianId())
                .param("member", appointment.memberId())
                .param("start", Timestamp.from(appointment.start()))
                .param("end", Timestamp.from(appointment.end()))
                .param("status", appointment.status().name())
                .param("video", appointment.videoUrl())
                .param("uid", appointment.icalUid())
                .param("sequence", appointment.sequence())
                .param("bookedBy", appointment.bookedBy())
                .param("created", Timestamp.from(appointment.createdAt()))
                .param("updated", Timestamp.from(appointment.updatedAt()))
                .update();
    }

    Optional<Appointment> find(UUID id) {
        return jdbc.sql("select * from care_appointment where id = :id")
                .param("id", id)
                .query((row, n) -> read(row))
                .optional();
    }

    /** Locks the row for a change, so a cancel and a reschedule of the same appointment queue up. */
    Optional<Appointment> lock(UUID id) {
        return jdbc.sql("select * from care_appointment where id = :id for update")
                .param("id", id)
                .query((row, n) -> read(row))
                .optional();
    }

    void cancel(UUID id, UUID by, Instant at) {
        jdbc.sql("""
                        update care_appointment set status = 'CANCELLED', cancelled_at = :at, cancelled_by = :by,
                            sequence = sequence + 1, updated_at = :at where id = :id
                        """)
                .param("id", id)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    void move(UUID id, Instant start, Instant end, Instant at) {
        jdbc.sql("""
                        update care_appointment set starts_at = :start, ends_at = :end, sequence = sequence + 1,
                            updated_at = :at where id = :id
                        """)
                .param("id", id)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(end))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Booked appointments of a clinician that overlap {@code [from, to)}. */
    List<Appointment> bookedForClinician(UUID clinicianId, Instant from, Instant to) {
        return jdbc.sql("""
                        select * from care_appointment where clinician_id = :c and status = 'BOOKED'
                          and tstzrange(starts_at, ends_at, '[)') && tstzrange(:from, :to, '[)')
                        order by starts_at
                        """)
                .param("c", clinicianId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((row, n) -> read(row))
                .list();
    }

    /** A person's appointments (as clinician or member), booked and cancelled, ending after {@code from}. */
    List<Appointment> ofPerson(UUID personId, Instant from, @Nullable Instant to) {
        return jdbc.sql("""
                        select * from care_appointment where (clinician_id = :p or member_id = :p)
                          and ends_at > :from and (cast(:to as timestamptz) is null or starts_at < :to)
                        order by starts_at
                        """)
                .param("p", personId)
                .param("from", Timestamp.from(from))
                .param("to", to == null ? null : Timestamp.from(to))
                .query((row, n) -> read(row))
                .list();
    }

    /** The next booked appointment between a clinician and a member, starting at or after {@code from}. */
    Optional<Appointment> next(UUID clinicianId, UUID memberId, Instant from) {
        return jdbc.sql("""
                        select * from care_appointment where clinician_id = :c and member_id = :m
                          and status = 'BOOKED' and starts_at >= :from order by starts_at limit 1
                        """)
                .param("c", clinicianId)
                .param("m", memberId)
                .param("from", Timestamp.from(from))
                .query((row, n) -> read(row))
                .optional();
    }

    /** The latest booked appointment between the two that has started before {@code before}. */
    Optional<Appointment> last(UUID clinicianId, UUID memberId, Instant before) {
        return jdbc.sql("""
                        select * from care_appointment where clinician_id = :c and member_id = :m
                          and status = 'BOOKED' and starts_at < :before order by starts_at desc limit 1
                        """)
                .param("c", clinicianId)
                .param("m", memberId)
                .param("before", Timestamp.from(before))
                .query((row, n) -> read(row))
                .optional();
    }

    private static Appointment read(ResultSet row) throws SQLException {
        Timestamp cancelledAt = row.getTimestamp("cancelled_at");
        return new Appointment(
                row.getObject("id", UUID.class),
                row.getObject("organization_id", UUID.class),
                row.getObject("clinician_id", UUID.class),
                row.getObject("member_id", UUID.class),
                row.getTimestamp("starts_at").toInstant(),
                row.getTimestamp("ends_at").toInstant(),
                Appointment.Status.valueOf(row.getString("status")),
                row.getString("video_url"),
                row.getString("ical_uid"),
                row.getInt("sequence"),
                row.getObject("booked_by", UUID.class),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(),
                cancelledAt == null ? null : cancelledAt.toInstant(),
                row.getObject("cancelled_by", UUID.class));
    }
}
