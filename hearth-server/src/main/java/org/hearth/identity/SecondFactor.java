package org.hearth.identity;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hearth.platform.AuditEntry;
import org.hearth.platform.AuditEntry.Outcome;
import org.hearth.platform.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time-based one-time passwords (RFC 6238, 30-second steps, six digits) and single-use recovery
 * codes. A code is accepted one step either side of now, for clocks that drift, and each step only
 * once per person, so a code seen over someone's shoulder cannot be replayed.
 *
 * <p>The shared secret is stored as is in this version; it moves under the platform's envelope
 * encryption once that exists.
 */
@Service
class SecondFactor {

    static final int PERIOD_SECONDS = 30;
    static final int RECOVERY_CODES = 10;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final IdentityProperties properties;
    private final CodeGenerator codes = new DefaultCodeGenerator();
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);
    private final RecoveryCodeGenerator recovery = new RecoveryCodeGenerator();

    SecondFactor(JdbcClient jdbc, Clock clock, AuditLog audit, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.properties = properties;
    }

    record Enrolment(String secret, String otpauthUri) {}

    /** Whether the person has a confirmed authenticator, so sign-in must ask for a code. */
    boolean enrolled(UUID userId) {
        return jdbc.sql("select exists(select 1 from identity_totp where user_id = :u and confirmed_at is not null)")
                .param("u", userId)
                .query(Boolean.class)
                .single();
    }

    /** Starts (or restarts) enrolment with a new secret; pending until confirmed with a code. */
    @Transactional
    Enrolment begin(UUID userId, String email) {
        if (enrolled(userId)) {
            throw IdentityException.conflict(
                    ProblemTypes.MFA_STATE, "Already enabled", "Two-step sign-in is already on; turn it off first.");
        }
        String secret = secrets.generate();
        jdbc.sql("insert into identity_totp (user_id, secret, created_at) values (:u, :s, :at)"
                        + " on conflict (user_id) do update set secret = excluded.secret, created_at = excluded.created_at,"
                        + " last_step = 0")
                .param("u", userId)
                .param("s", secret)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        QrData data = new QrData.Builder()
                .label(email)
                .secret(secret)
                .issuer(properties.issuer())
                .digits(6)
                .period(PERIOD_SECONDS)
                .build();
        return new Enrolment(secret, data.getUri());
    }

    /** Confirms a pending enrolment with a current code; returns the recovery codes, shown once. */
    @Transactional
    List<String> confirm(UUID userId, @Nullable String code, @Nullable String sourceAddress) {
        Optional<Totp> totp = totp(userId);
        if (totp.isEmpty() || totp.get().confirmed()) {
            throw IdentityException.conflict(ProblemTypes.MFA_STATE, "Nothing to confirm", "Start enrolment first.");
        }
        if (!acceptTotp(userId, totp.get(), code)) {
            throw IdentityException.invalid(java.util.Map.of("code", "The code was not accepted."));
        }
        jdbc.sql("update identity_totp set confirmed_at = :at where user_id = :u")
                .param("at", Timestamp.from(clock.instant()))
                .param("u", userId)
                .update();
        jdbc.sql("delete from identity_recovery_codes where user_id = :u")
                .param("u", userId)
                .update();
        List<String> plain = List.of(recovery.generateCodes(RECOVERY_CODES));
        for (String recoveryCode : plain) {
            jdbc.sql("insert into identity_recovery_codes (code_hash, user_id) values (:h, :u)")
                    .param("h", Secrets.hash(normalizeRecovery(recoveryCode)))
                    .param("u", userId)
                    .update();
        }
        audit.record(AuditEntry.of("identity.mfa.enabled", userId, null, "user:" + userId, Outcome.SUCCESS)
                .from(sourceAddress));
        return plain;
    }

    /** Turns the second factor off; needs a current code or an unused recovery code. */
    @Transactional
    void disable(UUID userId, @Nullable String code, @Nullable String sourceAddress) {
        if (!enrolled(userId)) {
            throw IdentityException.conflict(ProblemTypes.MFA_STATE, "Not enabled", "Two-step sign-in is off.");
        }
        if (!verify(userId, code)) {
            throw IdentityException.invalid(java.util.Map.of("code", "The code was not accepted."));
        }
        jdbc.sql("delete from identity_totp where user_id = :u")
                .param("u", userId)
                .update();
        jdbc.sql("delete from identity_recovery_codes where user_id = :u")
                .param("u", userId)
                .update();
        audit.record(AuditEntry.of("identity.mfa.disabled", userId, null, "user:" + userId, Outcome.SUCCESS)
                .from(sourceAddress));
    }

    /** Checks a code at sign-in: a current authenticator code or an unused recovery code (then used up). */
    @Transactional
    boolean verify(UUID userId, @Nullable String code) {
        if (code == null || code.isBlank()) {
            return false;
        }
        Optional<Totp> totp = totp(userId).filter(Totp::confirmed);
        if (totp.isEmpty()) {
            return false;
        }
        String trimmed = code.strip();
        if (trimmed.matches("\\d{6}")) {
            return acceptTotp(userId, totp.get(), trimmed);
        }
        return jdbc.sql("update identity_recovery_codes set used_at = :at"
                                + " where code_hash = :h and user_id = :u and used_at is null")
                        .param("at", Timestamp.from(clock.instant()))
                        .param("h", Secrets.hash(normalizeRecovery(trimmed)))
                        .param("u", userId)
                        .update()
                == 1;
    }

    private boolean acceptTotp(UUID userId, Totp totp, @Nullable String code) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return false;
        }
        byte[] given = code.strip().getBytes(StandardCharsets.US_ASCII);
        long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
        for (long step = now - 1; step <= now + 1; step++) {
            if (step <= totp.lastStep()) {
                continue;
            }
            byte[] expected = generate(totp.secret(), step).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given)) {
                // Conditional, so two requests racing with the same code cannot both win.
                return jdbc.sql("update identity_totp set last_step = :s where user_id = :u and last_step < :s")
                                .param("s", step)
                                .param("u", userId)
                                .update()
                        == 1;
            }
        }
        return false;
    }

    private String generate(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("Could not compute a TOTP code", e);
        }
    }

    private Optional<Totp> totp(UUID userId) {
        return jdbc.sql(
                        "select secret, confirmed_at is not null as confirmed, last_step from identity_totp where user_id = :u")
                .param("u", userId)
                .query((rs, n) -> new Totp(rs.getString("secret"), rs.getBoolean("confirmed"), rs.getLong("last_step")))
                .optional();
    }

    private static String normalizeRecovery(String code) {
        return code.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    }

    private record Totp(String secret, boolean confirmed, long lastStep) {}
}
