package org.hearth.care;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.hearth.identity.Caller;
import org.hearth.platform.AuditEntry;
import org.hearth.platform.AuditLog;
import org.hearth.platform.DataProtection;
import org.hearth.platform.Problems;
import org.hearth.platform.Sealed;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Session notes: one per appointment, written by its clinician from a template, sealed under the
 * member's data key like journal content (a database dump holds no note text), editable as a draft,
 * then signed and immutable. Corrections after signing are addenda, each sealed too. A database
 * trigger refuses any change to a signed row as a second wall. Reads are audited.
 */
@Service
public class SessionNotes {

    static final int MAX_SECTION = 20_000;
    private static final TypeReference<LinkedHashMap<String, String>> SECTIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final AppointmentStore appointments;
    private final DataProtection protection;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    SessionNotes(
            JdbcClient jdbc, AppointmentStore appointments, DataProtection protection, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.appointments = appointments;
        this.protection = protection;
        this.audit = audit;
        this.clock = clock;
    }

    public record Addendum(UUID addendumId, UUID authorId, String text, Instant createdAt) {}

    public record Note(
            UUID noteId,
            UUID appointmentId,
            UUID memberId,
            NoteTemplate template,
            Map<String, String> sections,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Instant signedAt,
            List<Addendum> addenda) {}

    private record Row(
            UUID id,
            UUID appointmentId,
            UUID organizationId,
            UUID clinicianId,
            UUID memberId,
            NoteTemplate template,
            byte[] sealed,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Instant signedAt) {}

    @Transactional
    public Note create(Caller caller, UUID appointmentId, NoteTemplate template, Map<String, String> sections) {
        Appointment appointment = appointments
                .find(appointmentId)
                .filter(found -> found.clinicianId().equals(caller.requireUserId()))
                .orElseThrow(Appointments::notFound);
        if (findForAppointment(appointmentId).isPresent()) {
            throw Problems.conflict("note-exists", "This session already has a note; edit or add to it.");
        }
        Map<String, String> clean = validate(template, sections);
        UUID id = UUID.randomUUID();
        Instant now = now();
        jdbc.sql("""
                        insert into care_session_note (id, appointment_id, organization_id, clinician_id, member_id,
                                                       template, sealed_body, created_at, updated_at)
                        values (:id, :appointment, :org, :clinician, :member, :template, :body, :now, :now)
                        """)
                .param("id", id)
                .param("appointment", appointmentId)
                .param("org", appointment.organizationId())
                .param("clinician", appointment.clinicianId())
                .param("member", appointment.memberId())
                .param("template", template.name())
                .param("body", seal(appointment.memberId(), appointment.organizationId(), id, clean))
                .param("now", Timestamp.from(now))
                .update();
        return read(caller, id, null);
    }

    @Transactional
    public Note update(Caller caller, UUID noteId, Map<String, String> sections) {
        Row row = requireOwn(caller, noteId, true);
        if (row.signedAt() != null) {
            throw signed();
        }
        Map<String, String> clean = validate(row.template(), sections);
        jdbc.sql("update care_session_note set sealed_body = :body, updated_at = :now where id = :id")
                .param("id", noteId)
                .param("body", seal(row.memberId(), row.organizationId(), noteId, clean))
                .param("now", Timestamp.from(now()))
                .update();
        return read(caller, noteId, null);
    }

    @Transactional
    public Note sign(Caller caller, UUID noteId) {
        Row row = requireOwn(caller, noteId, true);
        if (row.signedAt() != null) {
            throw signed();
        }
        Instant now = now();
        jdbc.sql("update care_session_note set signed_at = :now, signed_by = :by, updated_at = :now where id = :id")
                .param("id", noteId)
                .param("by", caller.requireUserId())
                .param("now", Timestamp.from(now))
                .update();
        return read(caller, noteId, null);
    }

    @Transactional
    public Note addAddendum(Caller caller, UUID noteId, String text) {
        Row row = requireOwn(caller, noteId, true);
        if (row.signedAt() == null) {
            throw Problems.conflict("note-not-signed", "A draft is edited directly; addenda follow a signed note.");
        }
        if (text.isBlank() || text.length() > MAX_SECTION) {
            throw Problems.invalid(
                    "The addendum is empty or too long.", Map.of("text", "1 to " + MAX_SECTION + " characters"));
        }
        UUID id = UUID.randomUUID();
        Sealed sealed =
                protection.sealString(row.memberId(), row.organizationId(), text, associated("care_note_addendum", id));
        jdbc.sql("""
                        insert into care_note_addendum (id, note_id, author_id, sealed_body, created_at)
                        values (:id, :note, :author, :body, :now)
                        """)
                .param("id", id)
                .param("note", noteId)
                .param("author", caller.requireUserId())
                .param("body", sealed.toBytes())
                .param("now", Timestamp.from(now()))
                .update();
        return read(caller, noteId, null);
    }

    /** The note with its addenda, for the appointment's clinician; audited. */
    @Transactional(readOnly = true)
    public Note read(Caller caller, UUID noteId, @Nullable String sourceAddress) {
        Row row = requireOwn(caller, noteId, false);
        audit.record(AuditEntry.of(
                        "care.note.read",
                        caller.requireUserId(),
                        caller.organizationId(),
                        "note:" + noteId,
                        AuditEntry.Outcome.SUCCESS)
                .from(sourceAddress)
                .with("memberId", row.memberId().toString()));
        Map<String, String> sections = json.readValue(
                protection.openString(
                        row.memberId(), Sealed.fromBytes(row.sealed()), associated("care_session_note", row.id())),
                SECTIONS);
        List<Addendum> addenda = jdbc.sql(
                        "select id, author_id, sealed_body, created_at from care_note_addendum where note_id = :id"
                                + " order by created_at, id")
                .param("id", noteId)
                .query((result, n) -> {
                    UUID id = result.getObject("id", UUID.class);
                    return new Addendum(
                            id,
                            result.getObject("author_id", UUID.class),
                            protection.openString(
                                    row.memberId(),
                                    Sealed.fromBytes(result.getBytes("sealed_body")),
                                    associated("care_note_addendum", id)),
                            result.getTimestamp("created_at").toInstant());
                })
                .list();
        return new Note(
                row.id(),
                row.appointmentId(),
                row.memberId(),
                row.template(),
                sections,
                row.createdAt(),
                row.updatedAt(),
                row.signedAt(),
                addenda);
    }

    /** The note id of an appointment, for its clinician. */
    @Transactional(readOnly = true)
    public Optional<UUID> noteOf(Caller caller, UUID appointmentId) {
        return findForAppointment(appointmentId)
                .filter(row -> row.clinicianId().equals(caller.requireUserId()))
                .map(Row::id);
    }

    private Optional<Row> findForAppointment(UUID appointmentId) {
        return jdbc.sql("select * from care_session_note where appointment_id = :a")
                .param("a", appointmentId)
                .query((row, n) -> read(row))
                .optional();
    }

    private Row requireOwn(Caller caller, UUID noteId, boolean lock) {
        return jdbc.sql("select * from care_session_note where id = :id" + (lock ? " for update" : ""))
                .param("id", noteId)
                .query((row, n) -> read(row))
                .optional()
                .filter(row -> row.clinicianId().equals(caller.requireUserId()))
                .orElseThrow(() -> Problems.notFound("There is no such note."));
    }

    private static Row read(java.sql.ResultSet row) throws java.sql.SQLException {
        Timestamp signed = row.getTimestamp("signed_at");
        return new Row(
                row.getObject("id", UUID.class),
                row.getObject("appointment_id", UUID.class),
                row.getObject("organization_id", UUID.class),
                row.getObject("clinician_id", UUID.class),
                row.getObject("member_id", UUID.class),
                NoteTemplate.valueOf(row.getString("template")),
                row.getBytes("sealed_body"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(),
                signed == null ? null : signed.toInstant());
    }

    private byte[] seal(UUID memberId, UUID organizationId, UUID noteId, Map<String, String> sections) {
        return protection
                .sealString(
                        memberId,
                        organizationId,
                        json.writeValueAsString(sections),
                        associated("care_session_note", noteId))
                .toBytes();
    }

    /** Keeps the template's sections in its order; names unknown sections by key, never by content. */
    private static Map<String, String> validate(NoteTemplate template, Map<String, String> sections) {
        Map<String, String> errors = new TreeMap<>();
        for (Map.Entry<String, String> section : sections.entrySet()) {
            if (!template.has(section.getKey())) {
                errors.put(
                        "sections",
                        "unknown section for " + template.name() + "; use "
                                + template.sections().stream()
                                        .map(NoteTemplate.Section::key)
                                        .toList());
            } else if (section.getValue() != null && section.getValue().length() > MAX_SECTION) {
                errors.put("sections." + section.getKey(), "at most " + MAX_SECTION + " characters");
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid("The note does not fit its template.", errors);
        }
        Map<String, String> clean = new LinkedHashMap<>();
        for (NoteTemplate.Section section : template.sections()) {
            String value = sections.get(section.key());
            clean.put(section.key(), value == null ? "" : value);
        }
        return clean;
    }

    private static byte[] associated(String table, UUID id) {
        return (table + ":" + id).getBytes(StandardCharsets.UTF_8);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static RuntimeException signed() {
        return Problems.conflict("note-signed", "A signed note cannot be changed; add an addendum instead.");
    }
}
