package org.hearth.care;

import jakarta.servlet.http.HttpServletRequest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hearth.identity.Account;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;
import org.hearth.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Clinician pages: the caseload dashboard with sparklines, the calendar week, the availability
 * editor, the note editor and the plans written for a member. Plain forms, no script needed.
 */
@Controller
@RequestMapping("/care")
@PreAuthorize("hasRole('CLINICIAN')")
class ClinicianPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final Caseload caseload;
    private final Appointments appointments;
    private final SessionNotes notes;
    private final TreatmentPlans plans;
    private final Accounts accounts;

    ClinicianPages(
            Caseload caseload, Appointments appointments, SessionNotes notes, TreatmentPlans plans, Accounts accounts) {
        this.caseload = caseload;
        this.appointments = appointments;
        this.notes = notes;
        this.plans = plans;
        this.accounts = accounts;
    }

    @ModelAttribute("pageStyles")
    List<String> pageStyles() {
        return List.of("/css/care.css");
    }

    record ScoreCard(
            String name, int latest, String severity, String change, boolean worse, boolean better, Sparkline line) {}

    record Row(
            UUID memberId,
            String name,
            boolean shared,
            int openIncidents,
            boolean deteriorating,
            List<ScoreCard> scores,
            @Nullable String lastActivity,
            @Nullable String next) {}

    @GetMapping("/caseload")
    String caseload(@AuthenticationPrincipal Caller caller, HttpServletRequest request, Model model) {
        ZoneId zone = zoneOf(caller);
        List<Row> rows = new ArrayList<>();
        for (Caseload.Member member : caseload.read(caller, request.getRemoteAddr())) {
            List<ScoreCard> scores = member.scores().stream()
                    .map(score -> new ScoreCard(
                            TreatmentPlans.INSTRUMENTS.getOrDefault(score.instrumentId(), score.instrumentId()),
                            score.latest(),
                            score.severity(),
                            score.change() == null ? "" : (score.change() > 0 ? "+" : "") + score.change(),
                            Boolean.TRUE.equals(score.reliableDeterioration()),
                            Boolean.TRUE.equals(score.reliableImprovement()),
                            Sparkline.of(score.trend(), Sparkline.maxOf(score.instrumentId()))))
                    .toList();
            rows.add(new Row(
                    member.memberId(),
                    member.displayName(),
                    member.assessmentsShared(),
                    member.openIncidents(),
                    member.deteriorating(),
                    scores,
                    member.lastActivity() == null
                            ? null
                            : DAY.format(member.lastActivity().atZone(zone)),
                    member.nextAppointment() == null
                            ? null
                            : WHEN.format(member.nextAppointment().start().atZone(zone))));
        }
        model.addAttribute("rows", rows);
        return "care/caseload";
    }

    record Slot(UUID appointmentId, String time, String member, boolean cancelled) {}

    record Day(String label, boolean today, List<Slot> appointments) {}

    @GetMapping("/calendar")
    String calendar(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable LocalDate week,
            Model model) {
        ZoneId zone = zoneOf(caller);
        LocalDate today = LocalDate.now(zone);
        LocalDate monday = (week == null ? today : week).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant from = monday.atStartOfDay(zone).toInstant();
        Instant to = monday.plusDays(7).atStartOfDay(zone).toInstant();
        List<Appointment> found = appointments.ofCaller(caller, from, to);
        Map<UUID, String> names = new LinkedHashMap<>();
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate date = monday.plusDays(i);
            List<Slot> slots = new ArrayList<>();
            for (Appointment appointment : found) {
                if (appointment.start().atZone(zone).toLocalDate().equals(date)) {
                    String name = names.computeIfAbsent(appointment.memberId(), this::nameOf);
                    slots.add(new Slot(
                            appointment.id(),
                            TIME.format(appointment.start().atZone(zone)) + "–"
                                    + TIME.format(appointment.end().atZone(zone)),
                            name,
                            appointment.status() == Appointment.Status.CANCELLED));
                }
            }
            days.add(new Day(DAY.format(date), date.equals(today), slots));
        }
        model.addAttribute("days", days);
        model.addAttribute("zone", zone.getId());
        model.addAttribute("weekLabel", "Week of " + DAY.format(monday));
        model.addAttribute("previous", monday.minusWeeks(1));
        model.addAttribute("next", monday.plusWeeks(1));
        return "care/calendar";
    }

    record DayHours(String day, String label, String start, String end) {}

    @GetMapping("/availability")
    String availability(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable String saved,
            Model model) {
        Availability current = appointments
                .availability(caller.requireUserId())
                .orElse(new Availability(zoneOf(caller), 50, List.of(), List.of()));
        List<DayHours> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            Availability.WeeklyRule rule = current.weeklyRules().stream()
                    .filter(r -> r.dayOfWeek() == day)
                    .findFirst()
                    .orElse(null);
            days.add(new DayHours(
                    day.name(),
                    day.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH),
                    rule == null ? "" : rule.start().toString(),
                    rule == null ? "" : rule.end().toString()));
        }
        model.addAttribute("timeZone", current.timeZone().getId());
        model.addAttribute("slotMinutes", current.slotMinutes());
        model.addAttribute("days", days);
        model.addAttribute(
                "daysOff",
                String.join(
                        "\n",
                        current.exceptions().stream()
                                .filter(e -> !e.available() && e.start() == null)
                                .map(e -> e.date().toString())
                                .toList()));
        model.addAttribute("saved", saved != null);
        return "care/availability";
    }

    @PostMapping("/availability")
    String saveAvailability(
            @AuthenticationPrincipal Caller caller, @RequestParam MultiValueMap<String, String> form, Model model) {
        List<CareController.RuleBody> rules = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String start = form.getFirst("start_" + day.name());
            String end = form.getFirst("end_" + day.name());
            if (start != null && !start.isBlank() && end != null && !end.isBlank()) {
                rules.add(new CareController.RuleBody(day.name(), start, end));
            }
        }
        List<CareController.ExceptionBody> exceptions = new ArrayList<>();
        String daysOff = form.getFirst("daysOff");
        for (String line : (daysOff == null ? "" : daysOff).split("[\\s,]+")) {
            if (!line.isBlank()) {
                exceptions.add(new CareController.ExceptionBody(line.trim(), false, null, null));
            }
        }
        String slot = form.getFirst("slotMinutes");
        try {
            Availability availability = CareController.parse(new CareController.AvailabilityBody(
                    form.getFirst("timeZone"),
                    slot == null || slot.isBlank() ? null : Integer.valueOf(slot),
                    rules,
                    exceptions));
            appointments.setAvailability(caller, availability);
        } catch (ProblemException | NumberFormatException e) {
            model.addAttribute("error", "Please check the hours: times as HH:mm, end after start, a valid time zone.");
            return availability(caller, null, model);
        }
        return "redirect:/care/availability?saved";
    }

    @GetMapping("/appointments/{id}/note")
    String note(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "SOAP") String template,
            HttpServletRequest request,
            Model model) {
        Appointment appointment = appointments.forParty(caller, id);
        model.addAttribute("appointment", appointment);
        model.addAttribute("member", nameOf(appointment.memberId()));
        model.addAttribute("when", WHEN.format(appointment.start().atZone(zoneOf(caller))));
        var noteId = notes.noteOf(caller, id);
        if (noteId.isPresent()) {
            SessionNotes.Note note = notes.read(caller, noteId.get(), request.getRemoteAddr());
            model.addAttribute("note", note);
            model.addAttribute("template", note.template());
        } else {
            model.addAttribute("note", null);
            model.addAttribute("template", NotesController.template(template));
        }
        return "care/note";
    }

    @PostMapping("/appointments/{id}/note")
    String saveNote(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form) {
        NoteTemplate template = NotesController.template(form.getFirst("template"));
        Map<String, String> sections = new LinkedHashMap<>();
        for (NoteTemplate.Section section : template.sections()) {
            String value = form.getFirst("section_" + section.key());
            sections.put(section.key(), value == null ? "" : value);
        }
        var existing = notes.noteOf(caller, id);
        UUID noteId = existing.isPresent()
                ? notes.update(caller, existing.get(), sections).noteId()
                : notes.create(caller, id, template, sections).noteId();
        if ("sign".equals(form.getFirst("action"))) {
            notes.sign(caller, noteId);
        }
        return "redirect:/care/appointments/" + id + "/note";
    }

    @PostMapping("/appointments/{id}/note/addenda")
    String addAddendum(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestParam String text) {
        UUID noteId = notes.noteOf(caller, id).orElseThrow(Appointments::notFound);
        notes.addAddendum(caller, noteId, text);
        return "redirect:/care/appointments/" + id + "/note";
    }

    @GetMapping("/members/{memberId}/plan")
    String plan(@AuthenticationPrincipal Caller caller, @PathVariable UUID memberId, Model model) {
        model.addAttribute("member", nameOf(memberId));
        model.addAttribute(
                "plans",
                plans.writtenFor(caller, memberId).stream().map(plans::plain).toList());
        return "care/plan";
    }

    private String nameOf(UUID personId) {
        return accounts.find(personId).map(Account::displayName).orElse("A member");
    }

    private ZoneId zoneOf(Caller caller) {
        return appointments
                .availability(caller.requireUserId())
                .map(Availability::timeZone)
                .orElseGet(() -> accounts.find(caller.requireUserId())
                        .map(Account::timeZone)
                        .filter(id -> !id.isBlank())
                        .map(ZoneId::of)
                        .orElse(ZoneId.of("UTC")));
    }
}
