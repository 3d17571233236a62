package org.hearth.identity;

import java.util.Locale;
import java.util.Optional;
import org.hearth.platform.AuditEntry;
import org.hearth.platform.AuditEntry.Outcome;
import org.hearth.platform.AuditLog;
import org.hearth.platform.DataProtection;
import org.hearth.platform.DataProtectionException;
import org.hearth.platform.RateLimits;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks who someone is, for the REST login and the web form alike: rate limits first (per address
 * and per account), then the password, then the second factor when enrolled. Every attempt lands in
 * the audit log; an unknown email costs the same hash as a known one, so timing does not tell which
 * emails have accounts. A member with a private journal gets it unlocked with the same password.
 */
@Service
class SignIn {

    private static final Logger log = LoggerFactory.getLogger(SignIn.class);

    private final Users users;
    private final PasswordEncoder encoder;
    private final SecondFactor secondFactor;
    private final RateLimits rateLimits;
    private final IdentityProperties properties;
    private final AuditLog audit;
    private final DataProtection protection;
    private final String dummyHash;

    SignIn(
            Users users,
            PasswordEncoder encoder,
            SecondFactor secondFactor,
            RateLimits rateLimits,
            IdentityProperties properties,
            AuditLog audit,
            DataProtection protection) {
        this.users = users;
        this.encoder = encoder;
        this.secondFactor = secondFactor;
        this.rateLimits = rateLimits;
        this.properties = properties;
        this.audit = audit;
        this.protection = protection;
        this.dummyHash = encoder.encode("not a real password, only spends the same time");
    }

    /**
     * The principal of a person whose credentials check out.
     *
     * @throws IdentityException 429 when rate limited, 401 for bad credentials or a missing or wrong
     *     second factor
     */
    Caller authenticate(
            @Nullable String email, @Nullable String password, @Nullable String totp, @Nullable String sourceAddress) {
        String account = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        limit("identity.login.ip:" + sourceAddress, properties.rateLimits().loginPerIp(), sourceAddress, "ip");
        limit("identity.login.account:" + account, properties.rateLimits().loginPerAccount(), sourceAddress, "account");

        Optional<Users.Credentials> found = account.isEmpty() ? Optional.empty() : users.credentials(account);
        String given = password == null ? "" : password;
        if (found.isEmpty()) {
            encoder.matches(given, dummyHash);
            audit.record(AuditEntry.of("identity.sign-in", null, null, null, Outcome.FAILURE)
                    .from(sourceAddress)
                    .with("reason", "bad-credentials"));
            throw IdentityException.badCredentials();
        }
        Users.Credentials credentials = found.get();
        if (!encoder.matches(given, credentials.passwordHash())) {
            record(credentials, Outcome.FAILURE, sourceAddress, "bad-credentials");
            throw IdentityException.badCredentials();
        }
        if (secondFactor.enrolled(credentials.userId())) {
            boolean codeGiven = totp != null && !totp.isBlank();
            if (!codeGiven || !secondFactor.verify(credentials.userId(), totp)) {
                record(
                        credentials,
                        Outcome.DENIED,
                        sourceAddress,
                        codeGiven ? "bad-second-factor" : "second-factor-required");
                throw IdentityException.secondFactorRequired(codeGiven);
            }
        }
        record(credentials, Outcome.SUCCESS, sourceAddress, null);
        unlockPrivateJournal(credentials.userId(), given);
        return Caller.person(credentials.userId(), credentials.organizationId(), credentials.roles());
    }

    private void unlockPrivateJournal(java.util.UUID userId, String password) {
        try {
            protection.unlock(userId, password.toCharArray());
        } catch (DataProtectionException e) {
            // The hash and the wrap change together, so this means a bug or tampering: sign-in still
            // works and the journal stays locked until the member unlocks it.
            log.warn("The private journal of {} did not unlock with the sign-in password: {}", userId, e.reason());
        }
    }

    private void limit(String key, RateLimits.Limit limit, @Nullable String sourceAddress, String scope) {
        RateLimits.Decision decision = rateLimits.tryConsume(key, limit);
        if (!decision.allowed()) {
            audit.record(AuditEntry.of("identity.sign-in", null, null, null, Outcome.DENIED)
                    .from(sourceAddress)
                    .with("reason", "rate-limited")
                    .with("limit", scope));
            throw IdentityException.rateLimited(decision.retryAfter());
        }
    }

    private void record(
            Users.Credentials who, Outcome outcome, @Nullable String sourceAddress, @Nullable String reason) {
        AuditEntry entry = AuditEntry.of(
                        "identity.sign-in", who.userId(), who.organizationId(), "user:" + who.userId(), outcome)
                .from(sourceAddress);
        audit.record(reason == null ? entry : entry.with("reason", reason));
    }
}
