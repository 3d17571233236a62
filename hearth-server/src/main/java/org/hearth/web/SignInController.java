package org.hearth.web;

import org.hearth.identity.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Shows the sign-in form. Identity's security configuration processes the form (POST /signin) and
 * signs people out (POST /signout); this page only renders what they need.
 */
@Controller
class SignInController {

    @GetMapping("/signin")
    String form(@AuthenticationPrincipal @Nullable Caller caller) {
        return LayoutAttributes.isPerson(caller) ? "redirect:/" : "signin";
    }
}
