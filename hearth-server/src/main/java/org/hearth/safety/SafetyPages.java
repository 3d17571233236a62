package org.hearth.safety;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hearth.identity.Caller;
import org.hearth.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public "Need help now?" page and the responder's incident queue. */
@Controller
class SafetyPages {

    // Read at a glance on a phone: minutes, not microseconds; the zone is spelled out.
    private static final DateTimeFormatter TIMES = DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final CrisisProtocol protocol;
    private final Incidents incidents;
    private final IncidentDesk desk;
    private final Clock clock;

    SafetyPages(CrisisProtocol protocol, Incidents incidents, IncidentDesk desk, Clock clock) {
        this.protocol = protocol;
        this.incidents = incidents;
        this.desk = desk;
        this.clock = clock;
    }

    @GetMapping("/help")
    String help(@RequestParam(required = false) @Nullable String locale, HttpServletRequest request, Model model) {
        Locale chosen;
        if (locale != null && !locale.isBlank()) {
            chosen = Locale.forLanguageTag(locale);
        } else if (request.getHeader("Accept-Language") != null) {
            chosen = request.getLocale();
        } else {
            chosen = Locale.US;
        }
        CrisisProtocol.Directory directory = protocol.directory(chosen);
        model.addAttribute(
                "reply",
                new ProtocolReply(
                        "CRISIS", directory.text("help-intro"), directory.emergencyFirst(), directory.version()));
        model.addAttribute("helper", directory.text("helper-moderate"));
        model.addAttribute("helperUrgent", directory.text("helper-urgent"));
        model.addAttribute("directory", directory);
        return "safety/help";
    }

    @GetMapping("/responder/incidents")
    @PreAuthorize("hasAnyRole('RESPONDER','ORG_ADMIN')")
    String queue(@AuthenticationPrincipal Caller caller, Model model) {
        fill(caller, model);
        return "safety/incidents";
    }

    /** The list alone, for htmx to refresh in place. */
    @GetMapping("/responder/incidents/list")
    @PreAuthorize("hasAnyRole('RESPONDER','ORG_ADMIN')")
    String list(@AuthenticationPrincipal Caller caller, Model model) {
        fill(caller, model);
        return "safety/incidents :: queue";
    }

    @PostMapping("/responder/incidents/{id}/acknowledge")
    @PreAuthorize("hasRole('RESPONDER')")
    String acknowledge(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        desk.acknowledge(id, caller.organizationId(), caller.requireUserId());
        return "redirect:/responder/incidents";
    }

    @PostMapping("/responder/incidents/{id}/resolve")
    @PreAuthorize("hasRole('RESPONDER')")
    String resolve(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam IncidentOutcome outcome,
            @RequestParam(defaultValue = "") String note) {
        desk.resolve(id, caller.organizationId(), caller.requireUserId(), outcome, note.strip());
        return "redirect:/responder/incidents?resolved";
    }

    private void fill(Caller caller, Model model) {
        List<Incident> active = incidents.queue(
                caller.organizationId(), EnumSet.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED), 200);
        model.addAttribute("incidents", active);
        model.addAttribute("now", clock.instant());
        model.addAttribute("times", TIMES);
        model.addAttribute("outcomes", IncidentOutcome.values());
        model.addAttribute("canAct", caller.has(Role.RESPONDER));
        model.addAttribute("noResponder", active.stream().anyMatch(Incident::noResponder));
    }
}
