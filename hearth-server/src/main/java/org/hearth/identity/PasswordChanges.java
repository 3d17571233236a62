package org.hearth.identity;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hearth.platform.AuditEntry;
import org.hearth.platform.AuditEntry.Outcome;
import org.hearth.platform.AuditLog;
import org.hearth.platform.DataProtection;
import org.hearth.platform.DataProtectionException;
import org.hearth.platform.RateLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing a password, and setting a new one with the private journal's recovery code. A member's
 * private data key is wrapped by their password, so the hash and the wrap change in one transaction:
 * a password that signs in always unlocks the journal too.
 */
@Service
class PasswordChanges implements Passwords {

    private final Users users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final SecondFactor secondFactor;
    private final DataProtection protection;
    private final Tokens tokens;
    private final RateLimits rateLimits;
    private final IdentityProperties properties;
    private final AuditLog audit;
    private final WebSessions sessions;

    PasswordChanges(
            Users users,
            PasswordEncoder encoder,
            PasswordPolicy policy,
            SecondFactor secondFactor,
            DataProtection protection,
            Tokens tokens,
            RateLimits rateLimits,
            IdentityProperties properties,
            AuditLog audit,
            WebSessions sessions) {
        this.users = users;
        this.encoder = encoder;
        this.policy = policy;
        this.secondFactor = secondFactor;
        this.protection = protection;
        this.tokens = tokens;
        this.rateLimits = rateLimits;
        this.properties = properties;
        this.audit = audit;
        this.sessions = sessions;
    }

    @Override
    public boolean matches(UUID userId, String password) {
        return users.passwordHash(userId)
                .map(hash -> encoder.matches(password, hash))
                .orElse(false);
    }

    /**
     * @throws IdentityException 400 when the current password is wrong or the new one is weak, 429
     *     after too many attempts
     */
    @Transactional
    void change(UUID userId, @Nullable String current, @Nullable String next, @Nullable String sourceAddress) {
        limit("identity.password.account:" + userId, sourceAddress);
        Account account =
                users.find(userId).orElseThrow(() -> IdentityException.notFound("The account no longer exists."));
        String given = current == null ? "" : current;
        if (!matches(userId, given)) {
            record("identity.password.changed", account, Outcome.FAILURE, sourceAddress, "bad-credentials");
            throw IdentityException.invalid(Map.of("currentPassword", "This is not your current password."));
        }
        String chosen = next == null ? "" : next;
        policy.weakness(chosen, account.email()).ifPresent(reason -> {
            throw IdentityException.invalid(Map.of("newPassword", reason));
        });
        users.updatePasswordHash(userId, encoder.encode(chosen));
        protection.changePassword(userId, given.toCharArray(), chosen.toCharArray());
        record("identity.password.changed", account, Outcome.SUCCESS, sourceAddress, null);
    }

    /**
     * Sets a new password with the recovery code of a private journal. Every sign-in of the account
     * ends, since whoever holds the old password should not stay signed in.
     *
     * @return the new recovery code; the used one no longer works
     * @throws IdentityException 401 alike for an unknown email, an account without a private journal
     *     and a wrong code; 400 for a weak password; 429 after too many attempts
     */
    @Transactional
    String recover(
            @Nullable String email,
            @Nullable String recoveryCode,
            @Nullable String newPassword,
            @Nullable String totp,
            @Nullable String sourceAddress) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        limit("identity.recover.ip:" + sourceAddress, sourceAddress);
        limit("identity.recover.account:" + address, sourceAddress);
        var credentials = address.isEmpty() ? null : users.credentials(address).orElse(null);
        if (credentials == null || !protection.isPrivate(credentials.userId())) {
            audit.record(AuditEntry.of("identity.password.recovered", null, null, null, Outcome.FAILURE)
                    .from(sourceAddress)
                    .with("reason", "bad-credentials"));
            throw recoveryRejected();
        }
        Account account = users.find(credentials.userId()).orElseThrow(IdentityException::badCredentials);
        String chosen = newPassword == null ? "" : newPassword;
        policy.weakness(chosen, account.email()).ifPresent(reason -> {
            throw IdentityException.invalid(Map.of("newPassword", reason));
        });
        if (secondFactor.enrolled(account.id())) {
            boolean codeGiven = totp != null && !totp.isBlank();
            if (!codeGiven || !secondFactor.verify(account.id(), totp)) {
                record("identity.password.recovered", account, Outcome.DENIED, sourceAddress, "second-factor");
                throw IdentityException.secondFactorRequired(codeGiven);
            }
        }
        String nextCode;
        try {
            nextCode = protection.recover(
                    account.id(), (recoveryCode == null ? "" : recoveryCode).toCharArray(), chosen.toCharArray());
        } catch (DataProtectionException e) {
            record("identity.password.recovered", account, Outcome.FAILURE, sourceAddress, "bad-recovery-code");
            throw recoveryRejected();
        }
        users.updatePasswordHash(account.id(), encoder.encode(chosen));
        tokens.revokeAll(account.id(), "account-recovered");
        sessions.endAll(account.id());
        record("identity.password.recovered", account, Outcome.SUCCESS, sourceAddress, null);
        return nextCode;
    }

    private static IdentityException recoveryRejected() {
        return IdentityException.unauthorized("Recovery failed", "The email or the recovery code is not right.");
    }

    private void limit(String key, @Nullable String sourceAddress) {
        RateLimits.Decision decision =
                rateLimits.tryConsume(key, properties.rateLimits().loginPerAccount());
        if (!decision.allowed()) {
            audit.record(AuditEntry.of("identity.password", null, null, null, Outcome.DENIED)
                    .from(sourceAddress)
                    .with("reason", "rate-limited"));
            throw IdentityException.rateLimited(decision.retryAfter());
        }
    }

    private void record(
            String action, Account who, Outcome outcome, @Nullable String sourceAddress, @Nullable String reason) {
        AuditEntry entry = AuditEntry.of(action, who.id(), who.organizationId(), "user:" + who.id(), outcome)
                .from(sourceAddress);
        audit.record(reason == null ? entry : entry.with("reason", reason));
    }
}
