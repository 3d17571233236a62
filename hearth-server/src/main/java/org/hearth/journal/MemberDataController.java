package org.hearth.journal;

import jakarta.servlet.http.HttpServletRequest;
import org.hearth.identity.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me/export} and {@code DELETE /api/v1/me} (api.md). */
@RestController
class MemberDataController {

    private final MemberData data;

    MemberDataController(MemberData data) {
        this.data = data;
    }

    @GetMapping("/api/v1/me/export")
    @PreAuthorize("isAuthenticated() and !hasRole('API_CLIENT')")
    ResponseEntity<MemberArchive> export(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hearth-export.json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(data.export(caller, request.getRemoteAddr()));
    }

    @DeleteMapping("/api/v1/me")
    @PreAuthorize("hasRole('MEMBER')")
    ResponseEntity<Void> erase(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        data.erase(caller, request.getRemoteAddr());
        return ResponseEntity.accepted().build();
    }
}
