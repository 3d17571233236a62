package org.hearth.journal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hearth.identity.Caller;
import org.hearth.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The mood check-in: a short form and the last 30 days as a server-rendered chart. */
@Controller
@RequestMapping("/checkins")
@PreAuthorize("hasRole('MEMBER')")
class CheckInPages {

    private final Journal journal;
    private final MemberZone locales;
    private final Clock clock;

    CheckInPages(Journal journal, MemberZone locales, Clock clock) {
        this.journal = journal;
        this.locales = locales;
        this.clock = clock;
    }

    @ModelAttribute("pageStyles")
    List<String> pageStyles() {
        return List.of("/css/companion.css", "/css/safety.css");
    }

    @GetMapping
    String page(@AuthenticationPrincipal Caller caller, Model model) {
        return render(caller, null, null, model);
    }

    @PostMapping
    String record(
            @RequestParam(required = false) @Nullable Integer mood,
            @RequestParam(required = false) @Nullable Integer energy,
            @RequestParam(required = false) @Nullable Double sleepHours,
            @RequestParam(required = false) @Nullable String note,
            @AuthenticationPrincipal Caller caller,
            Locale requestLocale,
            Model model) {
        if (mood == null) {
            return render(caller, "Please choose how you feel, from 1 to 10.", null, model);
        }
        RecordedCheckIn recorded;
        try {
            recorded = journal.checkIn(
                    caller, new NewCheckIn(mood, energy, sleepHours, note), locales.localeOf(caller, requestLocale));
        } catch (ProblemException e) {
            if (e.getStatusCode().value() == 423) {
                // A locked private journal kept nothing; the screen ran all the same.
                Map<String, Object> properties = e.getBody().getProperties();
                boolean crisis = properties != null && properties.get("protocolReply") != null;
                return crisis
                        ? "redirect:/help?locale="
                                + locales.localeOf(caller, requestLocale).toLanguageTag()
                        : "redirect:/unlock?next=/checkins";
            }
            return render(caller, e.getBody().getDetail(), null, model);
        }
        if (recorded.reply() != null) {
            model.addAttribute("reply", recorded.reply());
            return render(caller, null, "saved", model);
        }
        return "redirect:/checkins?saved";
    }

    private String render(Caller caller, @Nullable String error, @Nullable String saved, Model model) {
        ZoneId zone = locales.zoneOf(caller);
        List<CheckIn> checkIns = journal.checkIns(caller, MoodChart.DAYS);
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        model.addAttribute(
                "chart",
                MoodChart.of(
                        checkIns.stream()
                                .map(c -> new MoodChart.Point(c.at(), c.mood()))
                                .toList(),
                        today,
                        zone));
        model.addAttribute("checkIns", checkIns.reversed());
        model.addAttribute("zone", zone);
        model.addAttribute("error", error);
        model.addAttribute("justSaved", saved != null);
        if (!model.containsAttribute("reply")) {
            model.addAttribute("reply", null);
        }
        return "journal/checkins";
    }
}
