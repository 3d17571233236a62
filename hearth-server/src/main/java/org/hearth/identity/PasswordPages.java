package org.hearth.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /account/password}: the browser's twin of {@code POST /api/v1/me/password}. */
@Controller
@RequestMapping("/account/password")
@PreAuthorize("isAuthenticated()")
class PasswordPages {

    private final PasswordChanges passwords;

    PasswordPages(PasswordChanges passwords) {
        this.passwords = passwords;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("currentError", null);
        model.addAttribute("newError", null);
        return "password";
    }

    @PostMapping
    String change(
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @AuthenticationPrincipal Caller caller,
            HttpServletRequest request,
            Model model) {
        try {
            passwords.change(caller.requireUserId(), currentPassword, newPassword, request.getRemoteAddr());
            return "redirect:/account/password?changed";
        } catch (IdentityException e) {
            model.addAttribute(
                    "currentError",
                    e.errors.containsKey("currentPassword") ? "That is not your current password." : null);
            model.addAttribute("newError", e.errors.getOrDefault("newPassword", null));
            if (e.status.value() == 429) {
                model.addAttribute("currentError", "Too many tries. Please wait a minute, then try again.");
            }
            return "password";
        }
    }
}
