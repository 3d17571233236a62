package org.hearth.journal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.hearth.identity.Caller;
import org.hearth.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The private-journal mode in the browser: the switch in settings (with the recovery code shown
 * once, on its own page) and the unlock page a locked journal sends the member to.
 */
@Controller
@PreAuthorize("hasRole('MEMBER')")
class PrivateJournalPages {

    private final PrivateJournal privateJournal;

    PrivateJournalPages(PrivateJournal privateJournal) {
        this.privateJournal = privateJournal;
    }

    @ModelAttribute("pageStyles")
    List<String> pageStyles() {
        return List.of("/css/companion.css");
    }

    @PostMapping("/settings/private-journal")
    String choose(
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "") String password,
            @AuthenticationPrincipal Caller caller,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            if (enabled) {
                String code = privateJournal.enable(caller, password, request.getRemoteAddr());
                // The code is on this page and nowhere else: no cache may keep it.
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                model.addAttribute("recoveryCode", code);
                return "journal/recovery-code";
            }
            privateJournal.disable(caller, password, request.getRemoteAddr());
            return "redirect:/settings?shared";
        } catch (ProblemException e) {
            model.addAttribute("error", null);
            model.addAttribute("privateError", message(e));
            model.addAttribute("privateJournal", privateJournal.status(caller.requireUserId()));
            return "journal/settings";
        }
    }

    @GetMapping("/unlock")
    String unlockPage(
            @RequestParam(defaultValue = "") String next, @AuthenticationPrincipal Caller caller, Model model) {
        if (!privateJournal.isLocked(caller.requireUserId())) {
            return "redirect:" + safeNext(next);
        }
        model.addAttribute("next", safeNext(next));
        model.addAttribute("unlockError", null);
        return "journal/unlock";
    }

    @PostMapping("/unlock")
    String unlock(
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String next,
            @AuthenticationPrincipal Caller caller,
            HttpServletRequest request,
            Model model) {
        try {
            privateJournal.unlock(caller, password, request.getRemoteAddr());
            return "redirect:" + safeNext(next);
        } catch (ProblemException e) {
            model.addAttribute("next", safeNext(next));
            model.addAttribute("unlockError", message(e));
            return "journal/unlock";
        }
    }

    /** Only a path of this site, so the page cannot be used to send someone elsewhere. */
    static String safeNext(@Nullable String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.startsWith("/unlock")) {
            return "/";
        }
        return next;
    }

    private static String message(ProblemException e) {
        return switch (e.getStatusCode().value()) {
            case 400 -> "That is not your password. Please try again.";
            case 409 -> "Your journal is already private.";
            case 429 -> "Too many tries. Please wait a minute, then try again.";
            default -> "That did not work. Please try again.";
        };
    }
}
