package org.hearth.journal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.hearth.identity.Caller;
import org.hearth.platform.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/me/private-journal}: whether the journal is private, turning it on and off (both
 * need the password), and unlocking it on this node.
 */
@RestController
@RequestMapping("/api/v1/me/private-journal")
@PreAuthorize("hasRole('MEMBER')")
class PrivateJournalController {

    private final PrivateJournal privateJournal;

    PrivateJournalController(PrivateJournal privateJournal) {
        this.privateJournal = privateJournal;
    }

    record Choice(@Nullable Boolean enabled, @Nullable String password) {}

    record PasswordOnly(@Nullable String password) {}

    /** The status after a change; {@code recoveryCode} only when the journal was just made private. */
    record Changed(
            boolean enabled, boolean unlocked, @Nullable String recoveryCode) {}

    @GetMapping
    ResponseEntity<PrivateJournal.Status> status(@AuthenticationPrincipal Caller caller) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(privateJournal.status(caller.requireUserId()));
    }

    @PutMapping
    ResponseEntity<Changed> choose(
            @AuthenticationPrincipal Caller caller, @RequestBody Choice body, HttpServletRequest request) {
        if (body.enabled() == null) {
            throw Problems.invalid(
                    "Say whether the journal should be private.", Map.of("enabled", "must be true or false"));
        }
        String code = null;
        if (body.enabled()) {
            code = privateJournal.enable(caller, body.password(), request.getRemoteAddr());
        } else {
            privateJournal.disable(caller, body.password(), request.getRemoteAddr());
        }
        PrivateJournal.Status status = privateJournal.status(caller.requireUserId());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Changed(status.enabled(), status.unlocked(), code));
    }

    @PostMapping("/unlock")
    ResponseEntity<PrivateJournal.Status> unlock(
            @AuthenticationPrincipal Caller caller, @RequestBody PasswordOnly body, HttpServletRequest request) {
        privateJournal.unlock(caller, body.password(), request.getRemoteAddr());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(privateJournal.status(caller.requireUserId()));
    }
}
