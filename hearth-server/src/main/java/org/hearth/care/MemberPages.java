package org.hearth.care;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Member pages: their sessions with video link and calendar file, booking a slot in their own time
 * zone, cancelling, and their treatment plan in plain words.
 */
@Controller
@RequestMapping("/appointments")
@PreAuthorize("hasRole('MEMBER')")
class MemberPages {

    static final Duration BOOKING_HORIZON = Duration.ofDays(14);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final Appointments appointments;
    private final TreatmentPlans plans;
    private final Accounts accounts;
    private final Clock clock;

    MemberPages(Appointments appointments, TreatmentPlans plans, Accounts accounts, Clock clock) {
        this.appointments = appointments;
        this.plans = plans;
        this.accounts = accounts;
        this.clock = clock;
    }

    @ModelAttribute("pageStyles")
    List<String> pageStyles() {
        return List.of("/css/care.css");
    }

    record Session(
            UUID id,
            UUID clinicianId,
            String day,
            String time,
            String clinician,
            boolean cancelled,
            String videoUrl,
            boolean past) {}

    @GetMapping
    String index(@AuthenticationPrincipal Caller caller, Model model) {
        ZoneId zone = zoneOf(caller);
        Instant now = clock.instant();
        List<Session> sessions = appointments.ofCaller(caller, now.minus(Duration.ofDays(1)), null).stream()
                .map(appointment -> session(appointment, zone, now))
                .toList();
        model.addAttribute("sessions", sessions);
        model.addAttribute("zone", zone.getId());
        return "care/appointments";
    }

    record SlotChoice(String start, String time, int minutes) {}

    record SlotDay(String label, List<SlotChoice> slots) {}

    @GetMapping("/book")
    String book(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable UUID clinician,
            @RequestParam(required = false) @Nullable String taken,
            @RequestParam(required = false) @Nullable UUID move,
            Model model) {
        model.addAttribute("taken", taken != null);
        model.addAttribute(
                "move",
                move == null ? null : appointments.forParty(caller, move).id());
        if (clinician == null) {
            model.addAttribute("clinicians", appointments.clinicians(caller));
            return "care/choose-clinician";
        }
        ZoneId zone = zoneOf(caller);
        Instant now = clock.instant();
        Map<LocalDate, List<SlotChoice>> byDay = new LinkedHashMap<>();
        for (Availability.Slot slot : appointments.slots(caller, clinician, now, now.plus(BOOKING_HORIZON))) {
            byDay.computeIfAbsent(slot.start().atZone(zone).toLocalDate(), d -> new ArrayList<>())
                    .add(new SlotChoice(
                            slot.start().toString(), TIME.format(slot.start().atZone(zone)), (int)
                                    Duration.between(slot.start(), slot.end()).toMinutes()));
        }
        List<SlotDay> days = new ArrayList<>();
        byDay.forEach((date, slots) -> days.add(new SlotDay(DAY.format(date), slots)));
        model.addAttribute("days", days);
        model.addAttribute("clinicianId", clinician);
        model.addAttribute("clinicianName", nameOf(clinician));
        model.addAttribute("zone", zone.getId());
        return "care/book";
    }

    @PostMapping("/book")
    String confirm(
            @AuthenticationPrincipal Caller caller,
            @RequestParam UUID clinicianId,
            @RequestParam Instant start,
            @RequestParam int minutes) {
        try {
            Appointment appointment = appointments.book(caller, clinicianId, null, start, minutes);
            return "redirect:/appointments/" + appointment.id() + "?booked";
        } catch (ProblemException e) {
            if (e.getStatusCode().value() == 409) {
                return "redirect:/appointments/book?clinician=" + clinicianId + "&taken";
            }
            throw e;
        }
    }

    /** Moves a session to another free slot; members may do so until the cancellation window. */
    @PostMapping("/{id}/move")
    String move(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam Instant start,
            @RequestParam int minutes) {
        Appointment appointment = appointments.forParty(caller, id);
        try {
            appointments.reschedule(caller, id, start, minutes);
            return "redirect:/appointments/" + id + "?moved";
        } catch (ProblemException e) {
            if (e.getStatusCode().value() != 409) {
                throw e;
            }
            if (String.valueOf(e.getBody().getType()).endsWith("/cancellation-window-passed")) {
                return "redirect:/appointments?too-late";
            }
            return "redirect:/appointments/book?clinician=" + appointment.clinicianId() + "&move=" + id + "&taken";
        }
    }

    @GetMapping("/{id}")
    String detail(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String booked,
            @RequestParam(required = false) @Nullable String moved,
            Model model) {
        Appointment appointment = appointments.forParty(caller, id);
        model.addAttribute("moved", moved != null);
        model.addAttribute("appt", session(appointment, zoneOf(caller), clock.instant()));
        model.addAttribute("booked", booked != null);
        model.addAttribute("zone", zoneOf(caller).getId());
        return "care/appointment";
    }

    @PostMapping("/{id}/cancel")
    String cancel(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        try {
            appointments.cancel(caller, id);
        } catch (ProblemException e) {
            if (e.getStatusCode().value() == 409) {
                return "redirect:/appointments?too-late";
            }
            throw e;
        }
        return "redirect:/appointments?cancelled";
    }

    @GetMapping("/{id}/calendar.ics")
    ResponseEntity<String> calendar(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"hearth-session.ics\"")
                .body(appointments.calendar(caller, id));
    }

    @GetMapping("/plan")
    String plan(@AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("plans", plans.mine(caller));
        return "care/my-plan";
    }

    private Session session(Appointment appointment, ZoneId zone, Instant now) {
        return new Session(
                appointment.id(),
                appointment.clinicianId(),
                DAY.format(appointment.start().atZone(zone)),
                TIME.format(appointment.start().atZone(zone)) + "–"
                        + TIME.format(appointment.end().atZone(zone)),
                nameOf(appointment.clinicianId()),
                appointment.status() == Appointment.Status.CANCELLED,
                appointment.videoUrl(),
                !appointment.end().isAfter(now));
    }

    private String nameOf(UUID personId) {
        return accounts.find(personId).map(Account::displayName).orElse("your clinician");
    }

    private ZoneId zoneOf(Caller caller) {
        return accounts.find(caller.requireUserId())
                .map(Account::timeZone)
                .filter(id -> !id.isBlank())
                .map(ZoneId::of)
                .orElse(ZoneId.of("UTC"));
    }
}
