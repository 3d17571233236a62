package org.hearth.companion;

import java.util.List;
import java.util.Locale;
import org.hearth.platform.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
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

    // The conversation side may declare the catalogue as a bean; the pages work either way.
    ExercisePages(ObjectProvider<ExerciseCatalogue> catalogue) {
        this.catalogue = catalogue.getIfAvailable(ExerciseCatalogue::loadDefault);
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
