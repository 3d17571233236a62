package org.hearth.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's own account and second factor. */
@RestController
@RequestMapping("/api/v1/me")
@PreAuthorize("isAuthenticated() and !hasRole('API_CLIENT')")
class MeController {

    private final Accounts accounts;
    private final SecondFactor secondFactor;
    private final PasswordChanges passwords;

    MeController(Accounts accounts, SecondFactor secondFactor, PasswordChanges passwords) {
        this.accounts = accounts;
        this.secondFactor = secondFactor;
        this.passwords = passwords;
    }

    record PasswordChange(
            @Nullable String currentPassword, @Nullable String newPassword) {}

    record Me(
            UUID userId,
            String email,
            String displayName,
            List<Role> roles,
            UUID organizationId,
            String locale,
            String timeZone) {}

    record TotpEnrolment(String secret, String otpauthUri) {}

    record CodeRequest(@Nullable String code) {}

    record RecoveryCodes(List<String> recoveryCodes) {}

    @GetMapping
    Me me(@AuthenticationPrincipal Caller caller) {
        Account account = accounts.find(caller.requireUserId())
                .orElseThrow(() -> IdentityException.notFound("The account no longer exists."));
        return new Me(
                account.id(),
                account.email(),
                account.displayName(),
                account.roles().stream().sorted().toList(),
                account.organizationId(),
                account.locale(),
                account.timeZone());
    }

    /** Changes the password; a private journal's key is re-wrapped by the new one in the same step. */
    @PostMapping("/password")
    ResponseEntity<Void> changePassword(
            @AuthenticationPrincipal Caller caller, @RequestBody PasswordChange body, HttpServletRequest request) {
        passwords.change(caller.requireUserId(), body.currentPassword(), body.newPassword(), request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    /** Starts enrolment: the secret for the authenticator app, as text and as an otpauth URI for a QR code. */
    @PostMapping("/mfa/totp")
    ResponseEntity<TotpEnrolment> enrol(@AuthenticationPrincipal Caller caller) {
        Account account = accounts.find(caller.requireUserId())
                .orElseThrow(() -> IdentityException.notFound("The account no longer exists."));
        SecondFactor.Enrolment enrolment = secondFactor.begin(account.id(), account.email());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new TotpEnrolment(enrolment.secret(), enrolment.otpauthUri()));
    }

    @PostMapping("/mfa/totp/confirm")
    ResponseEntity<RecoveryCodes> confirm(
            @AuthenticationPrincipal Caller caller, @RequestBody CodeRequest body, HttpServletRequest request) {
        List<String> codes = secondFactor.confirm(caller.requireUserId(), body.code(), request.getRemoteAddr());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new RecoveryCodes(codes));
    }

    @DeleteMapping("/mfa/totp")
    ResponseEntity<Void> disable(
            @AuthenticationPrincipal Caller caller, @RequestBody CodeRequest body, HttpServletRequest request) {
        secondFactor.disable(caller.requireUserId(), body.code(), request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }
}
