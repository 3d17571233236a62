package org.hearth.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hearth.identity.Caller;
import org.jspecify.annotations.Nullable;
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
 * Member pages: take an instrument one item per screen as plain form posts (no JavaScript needed;
 * the answers so far travel in a hidden field), see the result in plain language, and follow
 * change over time on a chart.
 */
@Controller
@RequestMapping("/assessments")
@PreAuthorize("hasRole('MEMBER')")
class AssessmentPages {

    private final InstrumentCatalogue catalogue;
    private final Assessments assessments;
    private final DueAssessments due;

    AssessmentPages(InstrumentCatalogue catalogue, Assessments assessments, DueAssessments due) {
        this.catalogue = catalogue;
        this.assessments = assessments;
        this.due = due;
    }

    /** The layout links these after hearth.css; the pages carry no inline styles (CSP {@code style-src 'self'}). */
    @ModelAttribute("pageStyles")
    List<String> pageStyles() {
        return List.of("/css/assessment.css");
    }

    @GetMapping
    String index(@AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("instruments", catalogue.all());
        model.addAttribute("due", due.open(caller.requireUserId()));
        return "assessment/index";
    }

    @GetMapping("/{instrumentId}")
    String start(@PathVariable String instrumentId, Model model) {
        Instrument instrument = catalogue.require(instrumentId);
        List<@Nullable Integer> answers = new ArrayList<>();
        for (int i = 0; i < instrument.itemCount(); i++) {
            answers.add(null);
        }
        return item(instrument, 0, answers, null, model);
    }

    @PostMapping("/{instrumentId}")
    String step(
            @PathVariable String instrumentId,
            @RequestParam int step,
            @RequestParam(defaultValue = "") String answers,
            @RequestParam(required = false) @Nullable Integer answer,
            @RequestParam(defaultValue = "next") String action,
            @AuthenticationPrincipal Caller caller,
            Locale locale,
            Model model) {
        Instrument instrument = catalogue.require(instrumentId);
        List<@Nullable Integer> so = decode(answers, instrument.itemCount());
        int current = Math.max(0, Math.min(step, instrument.itemCount() - 1));
        if ("back".equals(action)) {
            if (answer != null) {
                so.set(current, answer);
            }
            return item(instrument, previousEnabled(instrument, current, so), so, null, model);
        }
        boolean valid = answer != null && instrument.optionsOf(current).stream().anyMatch(o -> o.value() == answer);
        if (!valid) {
            return item(instrument, current, so, "Please choose one answer to continue.", model);
        }
        so.set(current, answer);
        // Items that branching no longer asks are cleared, so a changed answer cannot leave stale ones.
        for (int i = current + 1; i < instrument.itemCount(); i++) {
            if (!instrument.isEnabled(i, so)) {
                so.set(i, null);
            }
        }
        int next = nextEnabled(instrument, current, so);
        if (next < instrument.itemCount()) {
            return item(instrument, next, so, null, model);
        }
        Assessments.Result result;
        try {
            result = assessments.submit(
                    caller.requireUserId(), caller.organizationId(), instrument.id(), so, null, locale);
        } catch (Assessments.InvalidAnswersException e) {
            return item(instrument, 0, so, "Some answers were missing. Please check them and continue.", model);
        }
        // The result is rendered in answer to the post (not after a redirect) so that a crisis reply
        // can never be lost between two requests.
        model.addAttribute("instrument", instrument);
        model.addAttribute("result", result);
        model.addAttribute("band", Scorer.score(instrument, so, null).band());
        return "assessment/result";
    }

    @GetMapping("/history")
    String history(
            @RequestParam(defaultValue = "phq-9") String instrument,
            @AuthenticationPrincipal Caller caller,
            Model model) {
        Instrument chosen = catalogue.require(instrument);
        Assessments.History history = assessments.history(caller.requireUserId(), chosen.id());
        model.addAttribute("instruments", catalogue.all());
        model.addAttribute("instrument", chosen);
        model.addAttribute("history", history);
        model.addAttribute("chart", HistoryChart.of(chosen, history));
        return "assessment/history";
    }

    private String item(
            Instrument instrument, int index, List<@Nullable Integer> answers, @Nullable String error, Model model) {
        int position = 1;
        int total = 0;
        for (int i = 0; i < instrument.itemCount(); i++) {
            if (instrument.isEnabled(i, answers)) {
                total++;
                if (i < index) {
                    position++;
                }
            }
        }
        model.addAttribute("instrument", instrument);
        model.addAttribute("step", index);
        model.addAttribute("item", instrument.items().get(index));
        model.addAttribute("options", instrument.optionsOf(index));
        model.addAttribute("selected", answers.get(index));
        model.addAttribute("answers", encode(answers));
        model.addAttribute("position", position);
        model.addAttribute("total", total);
        model.addAttribute("first", index == 0);
        model.addAttribute("last", nextEnabled(instrument, index, answers) >= instrument.itemCount());
        model.addAttribute("error", error);
        return "assessment/item";
    }

    private static int nextEnabled(Instrument instrument, int from, List<@Nullable Integer> answers) {
        int next = from + 1;
        while (next < instrument.itemCount() && !instrument.isEnabled(next, answers)) {
            next++;
        }
        return next;
    }

    private static int previousEnabled(Instrument instrument, int from, List<@Nullable Integer> answers) {
        int previous = from - 1;
        while (previous > 0 && !instrument.isEnabled(previous, answers)) {
            previous--;
        }
        return Math.max(0, previous);
    }

    static String encode(List<@Nullable Integer> answers) {
        return String.join(
                ",", answers.stream().map(a -> a == null ? "" : a.toString()).toList());
    }

    static List<@Nullable Integer> decode(String encoded, int count) {
        List<@Nullable Integer> answers = new ArrayList<>();
        List<String> parts = encoded.isEmpty() ? List.of() : Arrays.asList(encoded.split(",", -1));
        for (int i = 0; i < count; i++) {
            String part = i < parts.size() ? parts.get(i).trim() : "";
            Integer value = null;
            if (part.matches("-?\\d{1,3}")) {
                value = Integer.valueOf(part);
            }
            answers.add(value);
        }
        return answers;
    }
}
