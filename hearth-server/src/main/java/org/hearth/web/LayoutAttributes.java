package org.hearth.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.hearth.identity.Caller;
import org.hearth.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the layout what it shows on every page: whether someone is signed in and the navigation
 * their roles open. Only pages that exist in this version are linked.
 */
@ControllerAdvice
class LayoutAttributes {

    @ModelAttribute("signedIn")
    boolean signedIn(@AuthenticationPrincipal @Nullable Caller caller) {
        return isPerson(caller);
    }

    @ModelAttribute("navigation")
    List<NavLink> navigation(@AuthenticationPrincipal @Nullable Caller caller, HttpServletRequest request) {
        if (caller == null || !isPerson(caller)) {
            return List.of();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        List<NavLink> links = new ArrayList<>();
        links.add(link("Home", "/", path));
        if (caller.has(Role.MEMBER)) {
            // Short labels, so a member's links stay within three rows on a 360 px phone.
            links.add(link("Talk", "/conversations", path));
            links.add(link("Journal", "/journal", path));
            links.add(link("Check-in", "/checkins", path));
            links.add(link("Exercises", "/exercises", path));
            links.add(link("Assessments", "/assessments", path));
            links.add(link("Appointments", "/appointments", path));
            links.add(link("Settings", "/settings", path));
        }
        if (caller.has(Role.CLINICIAN)) {
            links.add(link("Caseload", "/care/caseload", path));
            links.add(link("Calendar", "/care/calendar", path));
        }
        // Admins may read the queue too (they are told when no responder is configured).
        if (caller.has(Role.RESPONDER) || caller.has(Role.ORG_ADMIN)) {
            links.add(link("Incidents", "/responder/incidents", path));
        }
        if (caller.has(Role.ORG_ADMIN)) {
            links.add(link("Admin", "/admin/staff", path));
        }
        return List.copyOf(links);
    }

    static boolean isPerson(@Nullable Caller caller) {
        return caller != null && caller.userId() != null;
    }

    private static NavLink link(String label, String href, String path) {
        boolean current = href.equals("/") ? path.equals("/") : path.startsWith(href);
        return new NavLink(label, href, current);
    }
}
