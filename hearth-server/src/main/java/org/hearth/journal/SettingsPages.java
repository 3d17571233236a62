package org.hearth.journal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.hearth.identity.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The member's data rights in the browser (the session's twins of {@code GET /api/v1/me/export}
 * and {@code DELETE /api/v1/me}): download everything as JSON, and erase everything after a clear
 * confirmation.
 */
@Controller
@RequestMapping("/settings")
@PreAuthorize("hasRole('MEMBER')")
class SettingsPages {

    /** What the member types to confirm erasure, so that it never happens by one slip of a finger. */
    static final String CONFIRMATION = "DELETE";

    private final MemberData data;
    private final PrivateJournal privateJournal;

    SettingsPages(MemberData data, PrivateJournal privateJournal) {
        this.data = data;
        this.privateJournal = privateJournal;
    }

    @ModelAttribute("privateJournal")
    PrivateJournal.Status privateJournal(@AuthenticationPrincipal Caller caller) {
        return privateJournal.status(caller.requireUserId());
    }

    @ModelAttribute("pageStyles")
    List<String> pageStyles() {
        return List.of("/css/companion.css");
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("error", null);
        model.addAttribute("privateError", null);
        return "journal/settings";
    }

    @GetMapping(value = "/export", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<MemberArchive> export(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hearth-export.json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(data.export(caller, request.getRemoteAddr()));
    }

    @PostMapping("/delete")
    String erase(
            @RequestParam(defaultValue = "") String confirm,
            @AuthenticationPrincipal Caller caller,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!CONFIRMATION.equals(confirm.strip())) {
            model.addAttribute("error", "To delete everything, type DELETE in capital letters.");
            model.addAttribute("privateError", null);
            return "journal/settings";
        }
        data.erase(caller, request.getRemoteAddr());
        @Nullable
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        return "redirect:/signin?erased";
    }
}
