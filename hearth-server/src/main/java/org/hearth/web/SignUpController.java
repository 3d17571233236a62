package org.hearth.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.hearth.identity.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Lets a person create their own member account, then sends them to sign in. */
@Controller
class SignUpController {

    private final SignUp signUp;

    SignUpController(SignUp signUp) {
        this.signUp = signUp;
    }

    @GetMapping("/signup")
    String form(@AuthenticationPrincipal @Nullable Caller caller, Locale requestLocale, Model model) {
        if (LayoutAttributes.isPerson(caller)) {
            return "redirect:/";
        }
        SignUpForm form = new SignUpForm();
        form.setLocale(Choices.preferredLocale(requestLocale));
        model.addAttribute("form", form);
        return page(model);
    }

    @PostMapping("/signup")
    String register(
            @Valid @ModelAttribute("form") SignUpForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Optional<Locale> locale = Choices.locale(form.getLocale());
        Optional<ZoneId> timeZone = Choices.timeZone(form.getTimeZone());
        if (!errors.hasFieldErrors("locale") && locale.isEmpty()) {
            errors.rejectValue("locale", "unsupported", "Choose one of the listed languages and regions.");
        }
        if (!errors.hasFieldErrors("timeZone") && timeZone.isEmpty()) {
            errors.rejectValue("timeZone", "unknown", "Choose a time zone from the list, for example Europe/London.");
        }
        if (!errors.hasErrors()) {
            try {
                signUp.register(
                        form.getEmail(), form.getPassword(), form.getDisplayName(), locale.get(), timeZone.get());
                redirect.addFlashAttribute("registeredEmail", form.getEmail());
                return "redirect:/signin?registered";
            } catch (AccountRejected rejected) {
                switch (rejected.reason()) {
                    case EMAIL_TAKEN ->
                        errors.rejectValue(
                                "email",
                                "taken",
                                "An account with this email already exists. Sign in instead, or use another email.");
                    case WEAK_PASSWORD ->
                        errors.rejectValue(
                                "password",
                                "weak",
                                "This password is too common or too easy to guess. Try a longer phrase only you would think of.");
                    case RATE_LIMITED ->
                        errors.rejectValue(
                                "email",
                                "limited",
                                "Too many accounts were created from this network just now. Please try again in a minute.");
                }
            }
        }
        // The password is never sent back to the browser.
        form.setPassword("");
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model);
    }

    private static String page(Model model) {
        model.addAttribute("locales", Choices.LOCALES);
        model.addAttribute("timeZones", Choices.TIME_ZONES);
        model.addAttribute("minPasswordLength", SignUpForm.MIN_PASSWORD_LENGTH);
        return "signup";
    }
}
