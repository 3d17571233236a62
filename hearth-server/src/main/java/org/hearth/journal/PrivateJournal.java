package org.hearth.journal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hearth.identity.Caller;
import org.hearth.identity.Passwords;
import org.hearth.platform.AuditEntry;
import org.hearth.platform.AuditLog;
import org.hearth.platform.DataProtection;
import org.hearth.platform.DataProtectionException;
import org.hearth.platform.ProblemException;
import org.hearth.platform.Problems;
import org.hearth.platform.RateLimits;
import org.hearth.safety.ProtocolReply;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The private-journal mode: the member's journal (threads, turns, entries, check-in notes) sealed
 * with a key wrapped by their password and a recovery code instead of the organization's key. The
 * server can then open it only while the member is signed in, and staff never, consent or not.
 * Turning it on or off re-seals every stored text of the journal in one transaction, so a failure
 * leaves the journal as it was.
 */
@Service
public class PrivateJournal {

    /** Every sealed column of the journal, as {@code table} and {@code column}. */
    private static final List<String[]> SEALED_COLUMNS = List.of(
            new String[] {"journal_threads", "title"},
            new String[] {"journal_turns", "body"},
            new String[] {"journal_entries", "body"},
            new String[] {"journal_entries", "tags"},
            new String[] {"journal_checkins", "note"});

    private static final RateLimits.Limit PASSWORD_TRIES = RateLimits.Limit.perMinute(10);

    private final DataProtection protection;
    private final Sealing sealing;
    private final Passwords passwords;
    private final JdbcClient jdbc;
    private final RateLimits rateLimits;
    private final AuditLog audit;

    PrivateJournal(
            DataProtection protection,
            Sealing sealing,
            Passwords passwords,
            JdbcClient jdbc,
            RateLimits rateLimits,
            AuditLog audit) {
        this.protection = protection;
        this.sealing = sealing;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.rateLimits = rateLimits;
        this.audit = audit;
    }

    /** Whether the journal is private, and whether it is open on this node right now. */
    public record Status(boolean enabled, boolean unlocked) {}

    public Status status(UUID memberId) {
        boolean enabled = protection.isPrivate(memberId);
        return new Status(enabled, !enabled || protection.isUnlocked(memberId));
    }

    /** True when the journal is private and not unlocked here: nothing of it can be read or written. */
    public boolean isLocked(UUID memberId) {
        return protection.isPrivate(memberId) && !protection.isUnlocked(memberId);
    }

    /**
     * Makes the journal private and re-seals everything in it with the new private key.
     *
     * @return the recovery code, to be shown to the member once
     * @throws ProblemException 400 for a wrong password, 409 when the journal is already private
     */
    @Transactional
    public String enable(Caller member, @Nullable String password, @Nullable String sourceAddress) {
        UUID memberId = member.requireUserId();
        String given = checkedPassword(member, password, sourceAddress);
        sealing.lockExclusively(memberId);
        if (protection.isPrivate(memberId)) {
            throw Problems.conflict("private-journal-enabled", "Your journal is already private.");
        }
        String code = protection.makePrivate(memberId, member.organizationId(), given.toCharArray());
        int texts = resealAll(memberId, member.organizationId(), true);
        audit.record(entry("journal.private.enabled", member, sourceAddress, AuditEntry.Outcome.SUCCESS)
                .with("texts", Integer.toString(texts)));
        return code;
    }

    /**
     * Returns the journal to the organization's key (staff with consent can read it again) and
     * deletes the private key's wraps. Does nothing when the journal is not private.
     *
     * @throws ProblemException 400 for a wrong password
     */
    @Transactional
    public void disable(Caller member, @Nullable String password, @Nullable String sourceAddress) {
        UUID memberId = member.requireUserId();
        String given = checkedPassword(member, password, sourceAddress);
        sealing.lockExclusively(memberId);
        if (!protection.isPrivate(memberId)) {
            return;
        }
        unlockWith(memberId, given);
        int texts = resealAll(memberId, member.organizationId(), false);
        protection.releasePrivate(memberId);
        audit.record(entry("journal.private.disabled", member, sourceAddress, AuditEntry.Outcome.SUCCESS)
                .with("texts", Integer.toString(texts)));
    }

    /**
     * Unlocks the journal on this node with the member's password, e.g. after the idle time or a
     * sign-out on another device locked it.
     *
     * @throws ProblemException 400 for a wrong password, 429 after too many tries
     */
    public void unlock(Caller member, @Nullable String password, @Nullable String sourceAddress) {
        UUID memberId = member.requireUserId();
        limit(memberId, sourceAddress);
        String given = password == null ? "" : password;
        try {
            protection.unlock(memberId, given.toCharArray());
        } catch (DataProtectionException e) {
            audit.record(entry("journal.private.unlocked", member, sourceAddress, AuditEntry.Outcome.FAILURE)
                    .with("reason", "bad-password"));
            throw wrongPassword();
        }
    }

    /** The 423 problem for a locked journal; carries the protocol reply when the screen gave one. */
    public static ProblemException lockedProblem(@Nullable ProtocolReply reply) {
        ProblemException problem = Problems.of(
                HttpStatus.LOCKED,
                Problems.PRIVATE_JOURNAL_LOCKED,
                "Private journal locked",
                "Your private journal is locked. Unlock it with your password to read or write in it.");
        if (reply != null) {
            problem.getBody().setProperty("protocolReply", reply);
        }
        return problem;
    }

    private String checkedPassword(Caller member, @Nullable String password, @Nullable String sourceAddress) {
        UUID memberId = member.requireUserId();
        limit(memberId, sourceAddress);
        String given = password == null ? "" : password;
        if (!passwords.matches(memberId, given)) {
            throw wrongPassword();
        }
        return given;
    }

    private void unlockWith(UUID memberId, String password) {
        try {
            protection.unlock(memberId, password.toCharArray());
        } catch (DataProtectionException e) {
            throw wrongPassword();
        }
    }

    private int resealAll(UUID memberId, UUID organizationId, boolean privately) {
        int texts = 0;
        for (String[] sealed : SEALED_COLUMNS) {
            String table = sealed[0];
            String column = sealed[1];
            record Row(UUID id, byte[] stored) {}
            List<Row> rows = jdbc.sql("select id, " + column + " from " + table + " where member_id = :m and " + column
                            + " is not null")
                    .param("m", memberId)
                    .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getBytes(column)))
                    .list();
            for (Row row : rows) {
                byte[] again = sealing.reseal(
                        memberId, organizationId, table + "." + column, row.id(), row.stored(), privately);
                jdbc.sql("update " + table + " set " + column + " = :sealed where id = :id")
                        .param("sealed", again)
                        .param("id", row.id())
                        .update();
                texts++;
            }
        }
        return texts;
    }

    private void limit(UUID memberId, @Nullable String sourceAddress) {
        RateLimits.Decision decision = rateLimits.tryConsume("journal.private.password:" + memberId, PASSWORD_TRIES);
        if (!decision.allowed()) {
            throw Problems.of(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "rate-limited",
                    "Too many requests",
                    "Too many password attempts. Try again in "
                            + decision.retryAfter().toSeconds() + " seconds.");
        }
    }

    private static ProblemException wrongPassword() {
        return Problems.invalid("The password is not right.", Map.of("password", "This is not your password."));
    }

    private static AuditEntry entry(
            String action, Caller member, @Nullable String sourceAddress, AuditEntry.Outcome outcome) {
        return AuditEntry.of(
                        action,
                        member.requireUserId(),
                        member.organizationId(),
                        "member:" + member.requireUserId(),
                        outcome)
                .from(sourceAddress);
    }
}
