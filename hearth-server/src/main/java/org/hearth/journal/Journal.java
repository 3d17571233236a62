package org.hearth.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;
import org.hearth.identity.ConsentScope;
import org.hearth.identity.Role;
import org.hearth.nlp.risk.RiskLevel;
import org.hearth.platform.DataProtection;
import org.hearth.platform.DataProtectionException;
import org.hearth.platform.Problems;
import org.hearth.safety.MemberText;
import org.hearth.safety.RiskSource;
import org.hearth.safety.Safety;
import org.hearth.safety.SafetyDecision;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Free journal entries and mood check-ins. Every text is screened by safety first (in memory; only
 * the level is kept), then sealed under the member's data key.
 */
@Service
public class Journal {

    static final String NO_SUCH_ENTRY = "No such entry";
    static final int MAX_TEXT_CHARS = 20_000;
    static final int MAX_NOTE_CHARS = 2_000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG_CHARS = 40;
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_DAYS = 366;

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Sealing sealing;
    private final ContentReads reads;
    private final Safety safety;
    private final Clock clock;
    private final Accounts accounts;
    private final DataProtection protection;
    private final TransactionTemplate transaction;
    private final JsonMapper json = JsonMapper.builder().build();

    Journal(
            JdbcClient jdbc,
            Sealing sealing,
            ContentReads reads,
            Safety safety,
            Clock clock,
            Accounts accounts,
            DataProtection protection,
            PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.reads = reads;
        this.safety = safety;
        this.clock = clock;
        this.protection = protection;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Screens and stores a new entry. The answer carries the protocol reply when the text raised risk. */
    // Not one transaction: the screen records its incident in its own, which must survive a failed insert.
    public WrittenEntry write(Caller member, NewEntry entry, Locale locale) {
        UUID memberId = requireMember(member);
        validate(entry);
        UUID id = UUID.randomUUID();
        SafetyDecision decision = screen(member, id, entry.text(), locale);
        Instant now = clock.instant();
        UUID org = member.organizationId();
        store(decision, () -> jdbc.sql(
                        "insert into journal_entries (id, member_id, organization_id, body, tags, mood, risk_level,"
                                + " risk_categories, incident_id, created_at, updated_at) values (:id, :m, :o, :body, :tags,"
                                + " :mood, :risk, :cats, :incident, :at, :at)")
                .param("id", id)
                .param("m", memberId)
                .param("o", org)
                .param("body", sealing.seal(memberId, org, "journal_entries.body", id, entry.text()))
                .param("tags", sealTags(memberId, org, id, entry.tags()))
                .param("mood", entry.mood())
                .param("risk", decision.screening().level().name())
                .param("cats", categories(decision))
                .param("incident", decision.incidentId())
                .param("at", Timestamp.from(now))
                .update());
        return new WrittenEntry(id, RiskView.of(decision.screening()), decision.reply());
    }

    /** Rewrites an entry of the member's; the new text is screened like a new one. */
    // Not one transaction: the screen records its incident in its own, which must survive a failed insert.
    public WrittenEntry update(Caller member, UUID entryId, NewEntry entry, Locale locale) {
        UUID memberId = requireMember(member);
        validate(entry);
        ownedEntry(memberId, entryId);
        SafetyDecision decision = screen(member, entryId, entry.text(), locale);
        UUID org = member.organizationId();
        store(decision, () -> jdbc.sql(
                        "update journal_entries set body = :body, tags = :tags, mood = :mood, risk_level = :risk,"
                                + " risk_categories = :cats, incident_id = coalesce(:incident, incident_id),"
                                + " updated_at = :at where id = :id and member_id = :m")
                .param("body", sealing.seal(memberId, org, "journal_entries.body", entryId, entry.text()))
                .param("tags", sealTags(memberId, org, entryId, entry.tags()))
                .param("mood", entry.mood())
                .param("risk", decision.screening().level().name())
                .param("cats", categories(decision))
                .param("incident", decision.incidentId())
                .param("at", Timestamp.from(clock.instant()))
                .param("id", entryId)
                .param("m", memberId)
                .update());
        return new WrittenEntry(entryId, RiskView.of(decision.screening()), decision.reply());
    }

    /** Deletes one of the member's entries. */
    @Transactional
    public void delete(Caller member, UUID entryId) {
        UUID memberId = requireMember(member);
        int deleted = jdbc.sql("delete from journal_entries where id = :id and member_id = :m")
                .param("id", entryId)
                .param("m", memberId)
                .update();
        if (deleted == 0) {
            throw Problems.notFound(NO_SUCH_ENTRY);
        }
    }

    /**
     * A page of entries, newest first: the caller's own ({@code memberId} null or their own id), or a
     * member's read by staff under the member's live JOURNAL consent (audited).
     *
     * @param page zero-based
     */
    @Transactional(readOnly = true)
    public EntryPage entries(
            Caller reader, @Nullable UUID memberId, int page, int size, @Nullable String sourceAddress) {
        UUID whose = memberId == null ? reader.requireUserId() : memberId;
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw Problems.invalid(
                    "Invalid page.", Map.of("size", "must be between 1 and " + MAX_PAGE_SIZE, "page", "must be >= 0"));
        }
        reads.require(
                reader, whose, ConsentScope.JOURNAL, "entries", "member:" + whose, sourceAddress, "No such member");
        long total = jdbc.sql("select count(*) from journal_entries where member_id = :m")
                .param("m", whose)
                .query(Long.class)
                .single();
        List<Entry> items = jdbc.sql("select * from journal_entries where member_id = :m"
                        + " order by created_at desc, id limit :size offset :offset")
                .param("m", whose)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::entry)
                .list();
        return new EntryPage(items, page, size, total);
    }

    /** One entry, for its member or for staff under the member's JOURNAL consent (audited). */
    @Transactional(readOnly = true)
    public Entry entry(Caller reader, UUID entryId, @Nullable String sourceAddress) {
        UUID owner = jdbc.sql("select member_id from journal_entries where id = :id")
                .param("id", entryId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> Problems.notFound(NO_SUCH_ENTRY));
        reads.require(reader, owner, ConsentScope.JOURNAL, "entry", "entry:" + entryId, sourceAddress, NO_SUCH_ENTRY);
        return ownedEntry(owner, entryId);
    }

    /** Every entry of the member, newest first, for the export. */
    @Transactional(readOnly = true)
    List<Entry> allEntries(UUID memberId) {
        return jdbc.sql("select * from journal_entries where member_id = :m order by created_at desc, id")
                .param("m", memberId)
                .query(this::entry)
                .list();
    }

    /** Records a mood check-in; a note is screened and sealed like any member text. */
    // Not one transaction: the screen records its incident in its own, which must survive a failed insert.
    public RecordedCheckIn checkIn(Caller member, NewCheckIn checkIn, Locale locale) {
        UUID memberId = requireMember(member);
        Map<String, String> errors = new LinkedHashMap<>();
        if (checkIn.mood() < 1 || checkIn.mood() > 10) {
            errors.put("mood", "must be between 1 and 10");
        }
        if (checkIn.energy() != null && (checkIn.energy() < 1 || checkIn.energy() > 10)) {
            errors.put("energy", "must be between 1 and 10");
        }
        if (checkIn.sleepHours() != null && (checkIn.sleepHours() < 0 || checkIn.sleepHours() > 24)) {
            errors.put("sleepHours", "must be between 0 and 24");
        }
        String note = checkIn.note() == null || checkIn.note().isBlank()
                ? null
                : checkIn.note().strip();
        if (note != null && note.length() > MAX_NOTE_CHARS) {
            errors.put("note", "must be at most " + MAX_NOTE_CHARS + " characters");
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid("The check-in is not valid.", errors);
        }
        UUID id = UUID.randomUUID();
        SafetyDecision decision = note == null ? null : screen(member, id, note, locale);
        Instant now = clock.instant();
        UUID org = member.organizationId();
        store(decision, () -> jdbc.sql(
                        "insert into journal_checkins (id, member_id, organization_id, mood, energy, sleep_hours, note,"
                                + " risk_level, incident_id, created_at) values (:id, :m, :o, :mood, :energy, :sleep, :note,"
                                + " :risk, :incident, :at)")
                .param("id", id)
                .param("m", memberId)
                .param("o", org)
                .param("mood", checkIn.mood())
                .param("energy", checkIn.energy())
                .param("sleep", checkIn.sleepHours())
                .param("note", note == null ? null : sealing.seal(memberId, org, "journal_checkins.note", id, note))
                .param(
                        "risk",
                        decision == null ? null : decision.screening().level().name())
                .param("incident", decision == null ? null : decision.incidentId())
                .param("at", Timestamp.from(now))
                .update());
        return new RecordedCheckIn(
                id,
                now,
                decision == null ? null : RiskView.of(decision.screening()),
                decision == null ? null : decision.reply());
    }

    /** The member's check-ins of the last {@code days} days (by the injected clock), oldest first. */
    @Transactional(readOnly = true)
    public List<CheckIn> checkIns(Caller member, int days) {
        UUID memberId = requireMember(member);
        if (days < 1 || days > MAX_DAYS) {
            throw Problems.invalid("Invalid range.", Map.of("days", "must be between 1 and " + MAX_DAYS));
        }
        Instant since = clock.instant().minus(Duration.ofDays(days));
        // A private journal's notes stay closed to staff; the numbers are derived signals they may see.
        boolean withNotes = !protection.isPrivate(memberId);
        return jdbc.sql("select * from journal_checkins where member_id = :m and created_at >= :since"
                        + " order by created_at, id")
                .param("m", memberId)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> checkIn(rs, withNotes))
                .list();
    }

    /**
     * Check-ins of the last {@code days} days, oldest first: the caller's own ({@code memberId} null or
     * their own id), or a member's read by staff under the member's live MOOD consent (audited).
     */
    @Transactional(readOnly = true)
    public List<CheckIn> checkIns(Caller reader, @Nullable UUID memberId, int days, @Nullable String sourceAddress) {
        if (memberId == null || memberId.equals(reader.userId())) {
            return checkIns(reader, days);
        }
        if (days < 1 || days > MAX_DAYS) {
            throw Problems.invalid("Invalid range.", Map.of("days", "must be between 1 and " + MAX_DAYS));
        }
        reads.require(
                reader, memberId, ConsentScope.MOOD, "checkins", "member:" + memberId, sourceAddress, "No such member");
        Instant since = clock.instant().minus(Duration.ofDays(days));
        // A private journal's notes stay closed to staff; the numbers are derived signals they may see.
        boolean withNotes = !protection.isPrivate(memberId);
        return jdbc.sql("select * from journal_checkins where member_id = :m and created_at >= :since"
                        + " order by created_at, id")
                .param("m", memberId)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> checkIn(rs, withNotes))
                .list();
    }

    /** Every check-in of the member, oldest first, for the export. */
    @Transactional(readOnly = true)
    List<CheckIn> allCheckIns(UUID memberId) {
        return jdbc.sql("select * from journal_checkins where member_id = :m order by created_at, id")
                .param("m", memberId)
                .query(this::checkIn)
                .list();
    }

    @Transactional
    void deleteAllOf(UUID memberId) {
        jdbc.sql("delete from journal_entries where member_id = :m")
                .param("m", memberId)
                .update();
        jdbc.sql("delete from journal_checkins where member_id = :m")
                .param("m", memberId)
                .update();
    }

    /**
     * Stores what was screened, in one transaction with the seal's lock (see {@link Sealing}). A
     * locked private journal refuses with 423, carrying the protocol reply if the screen gave one,
     * since the screen (and any incident it opened) has happened all the same.
     */
    private void store(@Nullable SafetyDecision decision, Runnable write) {
        try {
            transaction.executeWithoutResult(status -> write.run());
        } catch (DataProtectionException e) {
            if (e.reason() == DataProtectionException.Reason.LOCKED) {
                throw PrivateJournal.lockedProblem(decision == null ? null : decision.reply());
            }
            throw e;
        }
    }

    private SafetyDecision screen(Caller member, UUID sourceId, String text, Locale requested) {
        Locale locale = MemberLocale.of(accounts, member.requireUserId(), requested);
        return safety.screen(new MemberText(
                member.requireUserId(),
                member.organizationId(),
                RiskSource.JOURNAL,
                sourceId,
                null,
                text,
                List.of(),
                locale));
    }

    private Entry ownedEntry(UUID memberId, UUID entryId) {
        return jdbc.sql("select * from journal_entries where id = :id and member_id = :m")
                .param("id", entryId)
                .param("m", memberId)
                .query(this::entry)
                .optional()
                .orElseThrow(() -> Problems.notFound(NO_SUCH_ENTRY));
    }

    static UUID requireMember(Caller caller) {
        if (caller.userId() == null || !caller.has(Role.MEMBER)) {
            throw Problems.forbidden("members-only", "Only members keep a journal.");
        }
        return caller.userId();
    }

    private static void validate(NewEntry entry) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (entry.text().isBlank()) {
            errors.put("text", "must not be blank");
        } else if (entry.text().length() > MAX_TEXT_CHARS) {
            errors.put("text", "must be at most " + MAX_TEXT_CHARS + " characters");
        }
        if (entry.mood() != null && (entry.mood() < 1 || entry.mood() > 10)) {
            errors.put("mood", "must be between 1 and 10");
        }
        if (entry.tags().size() > MAX_TAGS) {
            errors.put("tags", "at most " + MAX_TAGS + " tags");
        } else if (entry.tags().stream().anyMatch(t -> t.isBlank() || t.length() > MAX_TAG_CHARS)) {
            errors.put("tags", "each tag must have 1 to " + MAX_TAG_CHARS + " characters");
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid("The entry is not valid.", errors);
        }
    }

    private byte @Nullable [] sealTags(UUID memberId, UUID org, UUID entryId, List<String> tags) {
        if (tags.isEmpty()) {
            return null;
        }
        List<String> clean = tags.stream().map(String::strip).distinct().toList();
        return sealing.seal(memberId, org, "journal_entries.tags", entryId, json.writeValueAsString(clean));
    }

    private static String[] categories(SafetyDecision decision) {
        return decision.screening().categories().stream()
                .map(Enum::name)
                .sorted()
                .toArray(String[]::new);
    }

    private Entry entry(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID memberId = rs.getObject("member_id", UUID.class);
        byte[] tags = rs.getBytes("tags");
        int mood = rs.getInt("mood");
        Integer moodOrNull = rs.wasNull() ? null : mood;
        return new Entry(
                id,
                sealing.open(memberId, "journal_entries.body", id, rs.getBytes("body")),
                moodOrNull,
                tags == null
                        ? List.of()
                        : json.readValue(sealing.open(memberId, "journal_entries.tags", id, tags), STRINGS),
                RiskLevel.valueOf(rs.getString("risk_level")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private CheckIn checkIn(ResultSet rs, int row) throws SQLException {
        return checkIn(rs, true);
    }

    private CheckIn checkIn(ResultSet rs, boolean withNote) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID memberId = rs.getObject("member_id", UUID.class);
        int energy = rs.getInt("energy");
        Integer energyOrNull = rs.wasNull() ? null : energy;
        double sleep = rs.getDouble("sleep_hours");
        Double sleepOrNull = rs.wasNull() ? null : sleep;
        byte[] note = rs.getBytes("note");
        String risk = rs.getString("risk_level");
        return new CheckIn(
                id,
                rs.getInt("mood"),
                energyOrNull,
                sleepOrNull,
                note == null || !withNote ? null : sealing.open(memberId, "journal_checkins.note", id, note),
                risk == null ? null : RiskLevel.valueOf(risk),
                rs.getTimestamp("created_at").toInstant());
    }
}
