package org.hearth.web;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.hearth.identity.Caller;
import org.hearth.identity.Registration;
import org.hearth.identity.RegistrationResult;
import org.hearth.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Connects the sign-up and staff pages to identity's registration API, so the forms get the same
 * validation, password policy, rate limit and audit entries as the REST API.
 */
@Component
class IdentityAccounts implements SignUp, StaffAccounts {

    private final Registration registration;

    IdentityAccounts(Registration registration) {
        this.registration = registration;
    }

    @Override
    public UUID register(String email, String password, String displayName, Locale locale, ZoneId timeZone)
            throws AccountRejected {
        return outcome(registration.register(new Registration.Request(
                email, password, displayName, locale.toLanguageTag(), timeZone.getId(), null, clientAddress())));
    }

    @Override
    public UUID create(Caller admin, String email, String password, String displayName, Set<Role> roles)
            throws AccountRejected {
        return outcome(registration.createStaff(
                admin, new Registration.StaffRequest(email, password, displayName, roles, clientAddress())));
    }

    private static UUID outcome(RegistrationResult result) throws AccountRejected {
        return switch (result) {
            case RegistrationResult.Registered registered -> registered.userId();
            case RegistrationResult.Rejected rejected
            when rejected.reason() == RegistrationResult.Reason.EMAIL_TAKEN ->
                throw new AccountRejected(AccountRejected.Reason.EMAIL_TAKEN);
            case RegistrationResult.Rejected rejected
            when rejected.errors().containsKey("password") ->
                throw new AccountRejected(AccountRejected.Reason.WEAK_PASSWORD);
            case RegistrationResult.Rejected rejected ->
                throw new IllegalArgumentException(
                        "Identity refused the form: " + rejected.errors().keySet());
            case RegistrationResult.Limited limited -> throw new AccountRejected(AccountRejected.Reason.RATE_LIMITED);
        };
    }

    private static @Nullable String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr()
                : null;
    }
}
