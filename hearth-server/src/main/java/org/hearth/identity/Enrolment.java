package org.hearth.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hearth.platform.AuditEntry;
import org.hearth.platform.AuditEntry.Outcome;
import org.hearth.platform.AuditLog;
import org.hearth.platform.RateLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts: members signing themselves up, and staff created by an organization admin. */
@Service
class Enrolment implements Registration {

    private final Users users;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final RateLimits rateLimits;
    private final IdentityProperties properties;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Enrolment(
            Users users,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            RateLimits rateLimits,
            IdentityProperties properties,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.policy = policy;
        this.encoder = encoder;
        this.rateLimits = rateLimits;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public RegistrationResult createStaff(Caller admin, StaffRequest request) {
        if (!admin.has(Role.ORG_ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Only an organization admin creates staff");
        }
        try {
            UUID userId = createUser(
                    admin,
                    request.email(),
                    request.password(),
                    request.displayName(),
                    request.roles(),
                    null,
                    null,
                    request.sourceAddress());
            return new RegistrationResult.Registered(userId);
        } catch (IdentityException refused) {
            RegistrationResult.Reason reason = refused.type.equals(ProblemTypes.EMAIL_TAKEN)
                    ? RegistrationResult.Reason.EMAIL_TAKEN
                    : RegistrationResult.Reason.INVALID;
            return new RegistrationResult.Rejected(reason, refused.errors);
        }
    }

    @Override
    @Transactional
    public RegistrationResult register(Request request) {
        if (request.sourceAddress() != null) {
            RateLimits.Decision decision = rateLimits.tryConsume(
                    "identity.register.ip:" + request.sourceAddress(),
                    properties.rateLimits().registerPerIp());
            if (!decision.allowed()) {
                return new RegistrationResult.Limited(decision.retryAfter());
            }
        }
        AccountInput input = new AccountInput();
        String email = input.email(request.email());
        String displayName = input.displayName(request.displayName());
        String locale = input.locale(request.locale());
        String timeZone = input.timeZone(request.timeZone());
        input.password(policy, request.password(), email);
        if (!input.valid()) {
            return new RegistrationResult.Rejected(RegistrationResult.Reason.INVALID, input.errors);
        }
        String slug = request.organization();
        UUID organizationId = slug == null || slug.isBlank()
                ? users.defaultOrganization()
                : users.organizationBySlug(slug.strip()).orElse(null);
        if (organizationId == null) {
            return new RegistrationResult.Rejected(
                    RegistrationResult.Reason.UNKNOWN_ORGANIZATION,
                    Map.of("organization", "No organization goes by this name."));
        }
        UUID userId = create(
                organizationId,
                email,
                request.password(),
                displayName,
                locale,
                timeZone,
                Set.of(Role.MEMBER),
                null,
                request.sourceAddress());
        if (userId == null) {
            return new RegistrationResult.Rejected(
                    RegistrationResult.Reason.EMAIL_TAKEN, Map.of("email", "An account with this email exists."));
        }
        return new RegistrationResult.Registered(userId);
    }

    /**
     * Creates a person in the admin's organization with the given roles.
     *
     * @throws IdentityException 400 on invalid input, 409 when the email is taken
     */
    @Transactional
    UUID createUser(
            Caller admin,
            @Nullable String email,
            @Nullable String password,
            @Nullable String displayName,
            @Nullable Set<Role> roles,
            @Nullable String locale,
            @Nullable String timeZone,
            @Nullable String sourceAddress) {
        AccountInput input = new AccountInput();
        String normalizedEmail = input.email(email);
        String name = input.displayName(displayName);
        String normalizedLocale = input.locale(locale);
        String zone = input.timeZone(timeZone);
        input.password(policy, password, normalizedEmail);
        if (roles == null || roles.isEmpty()) {
            input.errors.put("roles", "Give at least one role.");
        }
        if (!input.valid()) {
            throw IdentityException.invalid(input.errors);
        }
        UUID userId = create(
                admin.organizationId(),
                normalizedEmail,
                password,
                name,
                normalizedLocale,
                zone,
                roles,
                admin.userId(),
                sourceAddress);
        if (userId == null) {
            throw IdentityException.conflict(
                    ProblemTypes.EMAIL_TAKEN, "Email taken", "An account with this email exists.");
        }
        return userId;
    }

    /**
     * Creates the default organization's admin unless an account with the email exists.
     *
     * @return whether an account was created
     * @throws IllegalStateException when the configured email or password is not acceptable, so a
     *     misconfigured install fails at start instead of running without an admin
     */
    @Transactional
    boolean bootstrapAdmin(String email, String password) {
        AccountInput input = new AccountInput();
        String normalized = input.email(email);
        input.password(policy, password, normalized);
        if (!input.valid()) {
            throw new IllegalStateException("The bootstrap admin cannot be created: " + input.errors);
        }
        if (users.emailTaken(normalized)) {
            return false;
        }
        return create(
                        users.defaultOrganization(),
                        normalized,
                        password,
                        "Administrator",
                        AccountInput.DEFAULT_LOCALE,
                        AccountInput.DEFAULT_TIME_ZONE,
                        Set.of(Role.ORG_ADMIN),
                        null,
                        null)
                != null;
    }

    /** The new user's id, or null when the email is taken. */
    @Nullable
    UUID create(
            UUID organizationId,
            String email,
            @Nullable String password,
            String displayName,
            String locale,
            String timeZone,
            Set<Role> roles,
            @Nullable UUID createdBy,
            @Nullable String sourceAddress) {
        if (users.emailTaken(email)) {
            return null;
        }
        UUID userId = UUID.randomUUID();
        Instant now = clock.instant();
        boolean inserted = users.insert(
                userId, organizationId, email, encoder.encode(password), displayName, locale, timeZone, roles, now);
        if (!inserted) {
            return null;
        }
        events.publishEvent(new UserRegistered(userId, organizationId, now));
        audit.record(AuditEntry.of(
                        createdBy == null ? "identity.user.registered" : "identity.user.created",
                        createdBy == null ? userId : createdBy,
                        organizationId,
                        "user:" + userId,
                        Outcome.SUCCESS)
                .from(sourceAddress)
                .with("roles", roles.stream().map(Role::name).sorted().collect(Collectors.joining(","))));
        return userId;
    }
}
