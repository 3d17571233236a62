package org.hearth.care;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hearth.identity.Caller;
import org.hearth.platform.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Session notes and treatment plans over HTTP. */
@RestController
@RequestMapping("/api/v1")
class NotesController {

    private final SessionNotes notes;
    private final TreatmentPlans plans;

    NotesController(SessionNotes notes, TreatmentPlans plans) {
        this.notes = notes;
        this.plans = plans;
    }

    record TemplateView(String template, List<NoteTemplate.Section> sections) {}

    record NoteBody(@Nullable String template, @Nullable Map<String, String> sections) {}

    record AddendumBody(@Nullable String text) {}

    record PlanBody(
            @Nullable UUID memberId,
            @Nullable String status,
            @Nullable List<String> problems,
            @Nullable List<TreatmentPlans.Goal> goals,
            @Nullable List<String> interventions) {}

    @GetMapping("/note-templates")
    @PreAuthorize("hasRole('CLINICIAN')")
    List<TemplateView> templates() {
        return Arrays.stream(NoteTemplate.values())
                .map(template -> new TemplateView(template.name(), template.sections()))
                .toList();
    }

    @PostMapping("/appointments/{id}/notes")
    @PreAuthorize("hasRole('CLINICIAN')")
    ResponseEntity<SessionNotes.Note> create(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestBody NoteBody body) {
        NoteTemplate template = template(body.template());
        SessionNotes.Note note =
                notes.create(caller, id, template, body.sections() == null ? Map.of() : body.sections());
        return ResponseEntity.status(HttpStatus.CREATED).body(note);
    }

    @GetMapping("/appointments/{id}/notes")
    @PreAuthorize("hasRole('CLINICIAN')")
    SessionNotes.Note ofAppointment(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, HttpServletRequest request) {
        UUID noteId = notes.noteOf(caller, id).orElseThrow(() -> Problems.notFound("This session has no note yet."));
        return notes.read(caller, noteId, request.getRemoteAddr());
    }

    @GetMapping("/notes/{id}")
    @PreAuthorize("hasRole('CLINICIAN')")
    SessionNotes.Note read(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, HttpServletRequest request) {
        return notes.read(caller, id, request.getRemoteAddr());
    }

    @PutMapping("/notes/{id}")
    @PreAuthorize("hasRole('CLINICIAN')")
    SessionNotes.Note update(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestBody NoteBody body) {
        return notes.update(caller, id, body.sections() == null ? Map.of() : body.sections());
    }

    @PostMapping("/notes/{id}/sign")
    @PreAuthorize("hasRole('CLINICIAN')")
    SessionNotes.Note sign(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return notes.sign(caller, id);
    }

    @PostMapping("/notes/{id}/addenda")
    @PreAuthorize("hasRole('CLINICIAN')")
    ResponseEntity<SessionNotes.Note> addendum(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestBody AddendumBody body) {
        SessionNotes.Note note = notes.addAddendum(caller, id, body.text() == null ? "" : body.text());
        return ResponseEntity.status(HttpStatus.CREATED).body(note);
    }

    @PostMapping("/treatment-plans")
    @PreAuthorize("hasRole('CLINICIAN')")
    ResponseEntity<TreatmentPlans.Plan> createPlan(@AuthenticationPrincipal Caller caller, @RequestBody PlanBody body) {
        if (body.memberId() == null) {
            throw Problems.invalid("Say whose plan this is.", Map.of("memberId", "is required"));
        }
        TreatmentPlans.Plan plan = plans.create(caller, body.memberId(), status(body.status()), content(body));
        return ResponseEntity.status(HttpStatus.CREATED).body(plan);
    }

    @PutMapping("/treatment-plans/{id}")
    @PreAuthorize("hasRole('CLINICIAN')")
    TreatmentPlans.Plan updatePlan(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestBody PlanBody body) {
        return plans.update(caller, id, status(body.status()), content(body));
    }

    @GetMapping("/treatment-plans/{id}")
    @PreAuthorize("hasAnyRole('CLINICIAN','MEMBER')")
    TreatmentPlans.Plan readPlan(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return plans.read(caller, id);
    }

    @GetMapping("/treatment-plans")
    @PreAuthorize("hasRole('CLINICIAN')")
    List<TreatmentPlans.Plan> plansFor(@AuthenticationPrincipal Caller caller, @RequestParam UUID memberId) {
        return plans.writtenFor(caller, memberId);
    }

    /** The member's own plans in plain language, with progress towards score targets. */
    @GetMapping("/me/treatment-plans")
    @PreAuthorize("hasRole('MEMBER')")
    List<TreatmentPlans.PlainPlan> myPlans(@AuthenticationPrincipal Caller caller) {
        return plans.mine(caller);
    }

    static NoteTemplate template(@Nullable String name) {
        try {
            return NoteTemplate.valueOf(String.valueOf(name).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("Unknown note template.", Map.of("template", "SOAP or DAP"));
        }
    }

    static TreatmentPlans.Status status(@Nullable String name) {
        if (name == null) {
            return TreatmentPlans.Status.ACTIVE;
        }
        try {
            return TreatmentPlans.Status.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(
                    "Unknown plan status.", Map.of("status", "DRAFT, ACTIVE, COMPLETED or DISCONTINUED"));
        }
    }

    static TreatmentPlans.Content content(PlanBody body) {
        return new TreatmentPlans.Content(
                body.problems() == null ? List.of() : body.problems(),
                body.goals() == null ? List.of() : body.goals(),
                body.interventions() == null ? List.of() : body.interventions());
    }
}
