package org.hearth.web;

import org.hearth.identity.Account;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;
import org.hearth.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door: what Hearth is for visitors, the personal home page for people signed in. */
@Controller
class HomeController {

    private final Accounts accounts;

    HomeController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal @Nullable Caller caller, Model model) {
        if (caller == null || !LayoutAttributes.isPerson(caller)) {
            return "landing";
        }
        model.addAttribute(
                "displayName",
                accounts.find(caller.requireUserId()).map(Account::displayName).orElse(null));
        model.addAttribute("member", caller.has(Role.MEMBER));
        model.addAttribute("responder", caller.has(Role.RESPONDER) || caller.has(Role.ORG_ADMIN));
        model.addAttribute("admin", caller.has(Role.ORG_ADMIN));
        return "home";
    }
}
