package org.hearth.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hearth.identity.Account;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;
import org.hearth.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organization admin's page for adding clinicians, responders and other staff. */
@Controller
@RequestMapping("/admin/staff")
@PreAuthorize("hasRole('ORG_ADMIN')")
class StaffAdminController {

    record RoleChoice(Role role, String label) {}

    record StaffMember(String displayName, String email, String roles) {}

    static final List<RoleChoice> STAFF_ROLES = List.of(
            new RoleChoice(Role.CLINICIAN, "Clinician or coach"),
            new RoleChoice(Role.RESPONDER, "Safety responder (on call)"),
            new RoleChoice(Role.SUPERVISOR, "Supervisor"),
            new RoleChoice(Role.TRAINEE, "Trainee"),
            new RoleChoice(Role.ORG_ADMIN, "Organization admin"));

    private final StaffAccounts staffAccounts;
    private final Accounts accounts;

    StaffAdminController(StaffAccounts staffAccounts, Accounts accounts) {
        this.staffAccounts = staffAccounts;
        this.accounts = accounts;
    }

    @GetMapping
    String page(@AuthenticationPrincipal @Nullable Caller caller, Model model) {
        Caller admin = requireAdmin(caller);
        model.addAttribute("form", new StaffForm());
        return render(admin, model);
    }

    @PostMapping
    String create(
            @AuthenticationPrincipal @Nullable Caller caller,
            @Valid @ModelAttribute("form") StaffForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Caller admin = requireAdmin(caller);
        if (!errors.hasFieldErrors("roles") && !form.getRoles().stream().allMatch(StaffAdminController::isStaffRole)) {
            errors.rejectValue("roles", "notStaff", "Choose staff roles only.");
        }
        if (!errors.hasErrors()) {
            try {
                staffAccounts.create(
                        admin, form.getEmail(), form.getPassword(), form.getDisplayName(), Set.copyOf(form.getRoles()));
                redirect.addFlashAttribute("created", form.getDisplayName());
                return "redirect:/admin/staff";
            } catch (AccountRejected rejected) {
                switch (rejected.reason()) {
                    case EMAIL_TAKEN ->
                        errors.rejectValue("email", "taken", "An account with this email already exists.");
                    case WEAK_PASSWORD ->
                        errors.rejectValue("password", "weak", "This password is too common or too easy to guess.");
                    case RATE_LIMITED ->
                        errors.rejectValue(
                                "email", "limited", "Too many attempts just now. Please try again in a minute.");
                }
            }
        }
        form.setPassword("");
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return render(admin, model);
    }

    private String render(Caller admin, Model model) {
        model.addAttribute("staffRoles", STAFF_ROLES);
        model.addAttribute("staff", staffOf(admin.organizationId()));
        return "admin/staff";
    }

    /** Everyone holding a staff role, once each, oldest first within each role. */
    private List<StaffMember> staffOf(UUID organizationId) {
        Map<UUID, Account> staff = new LinkedHashMap<>();
        for (RoleChoice choice : STAFF_ROLES) {
            for (Account account : accounts.withRole(organizationId, choice.role())) {
                staff.putIfAbsent(account.id(), account);
            }
        }
        return staff.values().stream()
                .map(account -> new StaffMember(account.displayName(), account.email(), rolesOf(account)))
                .toList();
    }

    private static String rolesOf(Account account) {
        return STAFF_ROLES.stream()
                .filter(choice -> account.roles().contains(choice.role()))
                .map(RoleChoice::label)
                .collect(Collectors.joining(", "));
    }

    private static boolean isStaffRole(Role role) {
        return STAFF_ROLES.stream().anyMatch(choice -> choice.role() == role);
    }

    // A second wall in case method security is not switched on where this controller is deployed.
    private static Caller requireAdmin(@Nullable Caller caller) {
        if (caller == null || !caller.has(Role.ORG_ADMIN)) {
            throw new AccessDeniedException("Organization admins only");
        }
        return caller;
    }
}
