package org.hearth.companion;

import java.util.List;
import java.util.Locale;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;
import org.hearth.journal.Journal;
import org.hearth.journal.MemberLocale;
import org.hearth.journal.NewEntry;
import org.hearth.journal.WrittenEntry;
import org.hearth.platform.Problems;
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
 * Member pages for the exercise catalogue: the list, and each exercise one step per screen. Steps
 * are plain links (no JavaScript needed); a timed breathing step shows a pacer that grows and
 * shrinks with the breath, and only a text count when the member asked for reduced motion.
 */
@Controller
@RequestMapping("/exercises")
@PreAuthorize("hasRole('MEMBER')")
class ExercisePages {

    static final String THOUGHT_RECORD = "thought-record";

    private final ExerciseCatalogue catalogue;
    private final Journal journal;
    private final Accounts accounts;

    ExercisePages(ExerciseCatalogue catalogue, Journal journal, Accounts accounts) {
        this.catalogue = catalogue;
        this.journal = journal;
        this.accounts = accounts;
    }

    @ModelAttribute("pageStyles")
    List<String> pageStyles() {
        return List.of("/css/companion.css");
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("exercises", catalogue.all());
        return "companion/exercises";
    }

    @GetMapping("/{id}")
    String step(@PathVariable String id, @RequestParam(defaultValue = "0") int step, Model model) {
        Exercise exercise =
                catalogue.find(id).orElseThrow(() -> Problems.notFound("There is no exercise with this id."));
        if (exercise.id().equals(THOUGHT_RECORD)) {
            model.addAttribute("exercise", exercise);
            model.addAttribute("form", null);
            model.addAttribute("error", null);
            return "companion/thought-record";
        }
        int total = exercise.steps().size();
        int index = Math.max(0, Math.min(step, total));
        model.addAttribute("exercise", exercise);
        model.addAttribute("total", total);
        model.addAttribute("index", index);
        model.addAttribute("done", index == total);
        if (index < total) {
            Exercise.Step current = exercise.steps().get(index);
            model.addAttribute("current", current);
            model.addAttribute("pacer", current.timing() == null ? null : Pacer.of(current));
        }
        return "companion/exercise";
    }

    /**
     * Saves a thought record into the member's journal as one entry (screened and sealed like any
     * entry). A record whose words raise risk is saved and answered with the safety module's card.
     */
    @PostMapping("/" + THOUGHT_RECORD)
    String saveThoughtRecord(
            ThoughtRecord form, @AuthenticationPrincipal Caller caller, Locale requestLocale, Model model) {
        String problem = form.problem();
        if (problem != null) {
            model.addAttribute("exercise", catalogue.find(THOUGHT_RECORD).orElseThrow());
            model.addAttribute("form", form);
            model.addAttribute("error", problem);
            return "companion/thought-record";
        }
        WrittenEntry written = journal.write(
                caller, new NewEntry(form.asText(), null, List.of("thought record")), locale(caller, requestLocale));
        if (written.reply() != null) {
            model.addAttribute("pageStyles", List.of("/css/companion.css", "/css/safety.css"));
            model.addAttribute("reply", written.reply());
            model.addAttribute("entryId", written.entryId());
            return "journal/saved-with-care";
        }
        return "redirect:/journal?saved";
    }

    /** The thought record's fields, as the form posts them. */
    record ThoughtRecord(
            @Nullable String situation,
            @Nullable String automaticThought,
            @Nullable String emotion,
            @Nullable Integer intensityBefore,
            @Nullable String evidenceFor,
            @Nullable String evidenceAgainst,
            @Nullable String balancedThought,
            @Nullable Integer intensityAfter) {

        /** What is wrong with the form, in words for the member; null when it can be saved. */
        @Nullable
        String problem() {
            if (blank(situation) || blank(automaticThought) || blank(emotion)) {
                return "Please fill in the situation, the thought and the emotion.";
            }
            if (intensityBefore == null
                    || outOfRange(intensityBefore)
                    || (intensityAfter != null && outOfRange(intensityAfter))) {
                return "Please rate the emotion with a number from 0 to 100.";
            }
            return null;
        }

        /** The record as one journal entry, with a heading per part so it reads back clearly. */
        String asText() {
            StringBuilder text = new StringBuilder("Thought record\n");
            part(text, "Situation", situation);
            part(text, "Automatic thought", automaticThought);
            part(text, "Emotion", emotion + " (" + intensityBefore + " of 100)");
            part(text, "Evidence for", evidenceFor);
            part(text, "Evidence against", evidenceAgainst);
            part(text, "Balanced thought", balancedThought);
            if (intensityAfter != null) {
                part(text, "Emotion afterwards", intensityAfter + " of 100");
            }
            return text.toString().strip();
        }

        private static void part(StringBuilder text, String heading, @Nullable String value) {
            if (!blank(value)) {
                text.append('\n')
                        .append(heading)
                        .append(":\n")
                        .append(value.strip())
                        .append('\n');
            }
        }

        private static boolean blank(@Nullable String value) {
            return value == null || value.isBlank();
        }

        private static boolean outOfRange(int value) {
            return value < 0 || value > 100;
        }

        @Override
        public String toString() {
            return "ThoughtRecord[]";
        }
    }

    private Locale locale(Caller caller, Locale requestLocale) {
        return MemberLocale.of(accounts, caller, requestLocale);
    }

    /**
     * What the breathing pacer shows for a timed step: whether the circle grows (breathing in),
     * shrinks (breathing out) or rests, and for how many seconds. CSS classes carry both, because
     * the content security policy allows no inline style.
     */
    record Pacer(String motion, int seconds) {

        static Pacer of(Exercise.Step step) {
            String text = step.instruction().toLowerCase(Locale.ROOT);
            String motion;
            if (text.contains("breathe in") || text.contains("breathing in") || text.contains("inhale")) {
                motion = "in";
            } else if (text.contains("out") || text.contains("exhale")) {
                motion = "out";
            } else {
                motion = "hold";
            }
            int seconds = (int) Math.max(1, Math.min(12, step.timing().toSeconds()));
            return new Pacer(motion, seconds);
        }

        public String cssClass() {
            return "pacer pacer--" + motion + " pacer--s" + seconds;
        }
    }
}
