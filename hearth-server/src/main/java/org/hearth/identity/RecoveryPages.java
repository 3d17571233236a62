package org.hearth.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /recover}: a member who made their journal private and forgot their password sets a new one
 * with the recovery code, the browser's twin of {@code POST /api/v1/auth/recover}.
 */
@Controller
@RequestMapping("/recover")
class RecoveryPages {

    private final PasswordChanges passwords;

    RecoveryPages(PasswordChanges passwords) {
        this.passwords = passwords;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("recoverError", null);
        model.addAttribute("email", "");
        return "recover";
    }

    @PostMapping
    String recover(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String recoveryCode,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String totp,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            String next = passwords.recover(email, recoveryCode, newPassword, totp, request.getRemoteAddr());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            model.addAttribute("recoveryCode", next);
            return "recover-done";
        } catch (IdentityException e) {
            model.addAttribute("email", email);
            model.addAttribute("recoverError", message(e));
            return "recover";
        }
    }

    private static String message(IdentityException e) {
        if (e.status.value() == 429) {
            return "Too many tries. Please wait a minute, then try again.";
        }
        if (e.status.value() == 400) {
            return "Choose a longer password that is not easy to guess (at least 12 characters).";
        }
        if (e.needsSecondFactor()) {
            return "Enter the code from your authenticator app too.";
        }
        return "The email or the recovery code is not right.";
    }
}
