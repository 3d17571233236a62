package org.hearth.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.nlp.risk.RiskCategory;
import org.hearth.nlp.risk.RiskLevel;
import org.jspecify.annotations.Nullable;

/** Checks and scores one set of answers against an instrument's definition. No state, no I/O. */
final class Scorer {

    static final Set<String> SEXES = Set.of("male", "female");

    private Scorer() {}

    /**
     * What is wrong with the answers, as field → message ({@code answers} for the count,
     * {@code answers[i]} for one answer, 0-based like the JSON array); empty when they are valid.
     * Items an instrument does not ask (branching) must be null; every asked item needs an answer.
     */
    static Map<String, String> validate(
            Instrument instrument, @Nullable List<@Nullable Integer> answers, @Nullable String sex) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (sex != null && !SEXES.contains(sex)) {
            errors.put("sex", "must be male or female");
        }
        if (answers == null) {
            errors.put("answers", "required");
            return errors;
        }
        if (answers.size() != instrument.itemCount()) {
            errors.put("answers", "expected " + instrument.itemCount() + " answers, got " + answers.size());
            return errors;
        }
        for (int i = 0; i < answers.size(); i++) {
            Integer answer = answers.get(i);
            String field = "answers[" + i + "]";
            boolean asked = instrument.isEnabled(i, answers);
            if (!asked) {
                if (answer != null) {
                    Instrument.EnableWhen when = instrument.items().get(i).enableWhen();
                    errors.put(
                            field,
                            "must be null: item " + (i + 1) + " is asked only when item "
                                    + (when == null ? "?" : when.item()) + " is answered "
                                    + (when == null ? "" : optionText(instrument, when.item() - 1, when.answer())));
                }
                continue;
            }
            if (answer == null) {
                errors.put(field, "required");
                continue;
            }
            List<Instrument.Option> options = instrument.optionsOf(i);
            if (options.stream().noneMatch(option -> option.value() == answer)) {
                int min = options.stream()
                        .mapToInt(Instrument.Option::value)
                        .min()
                        .orElse(0);
                int max = options.stream()
                        .mapToInt(Instrument.Option::value)
                        .max()
                        .orElse(0);
                errors.put(field, "must be between " + min + " and " + max);
            }
        }
        return errors;
    }

    private static String optionText(Instrument instrument, int itemIndex, int value) {
        return instrument.optionsOf(itemIndex).stream()
                .filter(option -> option.value() == value)
                .map(option -> "'" + option.text() + "'")
                .findFirst()
                .orElse(String.valueOf(value));
    }

    /** Scores answers that {@link #validate} accepted. */
    static Scored score(Instrument instrument, List<@Nullable Integer> answers, @Nullable String sex) {
        int raw = 0;
        for (int i = 0; i < answers.size(); i++) {
            raw += itemScore(instrument, i, answers.get(i));
        }
        Map<String, Integer> subscales = new LinkedHashMap<>();
        for (Instrument.Subscale subscale : instrument.subscaleList()) {
            int sum = 0;
            for (int item : subscale.items()) {
                sum += itemScore(instrument, item - 1, answers.get(item - 1));
            }
            subscales.put(subscale.id(), sum);
        }
        List<Instrument.CriticalRule> fired = new ArrayList<>();
        for (Instrument.CriticalRule rule : instrument.criticalRules()) {
            Integer answer = answers.get(rule.item() - 1);
            if (answer != null && answer >= rule.minAnswer()) {
                fired.add(rule);
            }
        }
        RiskLevel level = fired.stream()
                .map(Instrument.CriticalRule::level)
                .max(Comparator.naturalOrder())
                .orElse(RiskLevel.NONE);
        Set<RiskCategory> categories = new LinkedHashSet<>();
        fired.forEach(rule -> categories.addAll(rule.categories()));

        if (instrument.scoring().isRiskTriage()) {
            // The screener has no total: the count of yes answers is reported for the record only.
            int yes = (int) answers.stream().filter(a -> a != null && a > 0).count();
            return new Scored(
                    yes,
                    raw,
                    null,
                    level.name().toLowerCase(java.util.Locale.ROOT),
                    subscales,
                    fired,
                    level,
                    categories);
        }
        int score = raw * instrument.scoring().multiplier();
        Instrument.Band band = instrument.bandsFor(sex).stream()
                .filter(b -> b.contains(score))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no band for a valid score"));
        return new Scored(score, raw, band, band.code(), subscales, fired, level, categories);
    }

    /** The points an answer contributes, reverse-scored where the instrument says so. */
    static int itemScore(Instrument instrument, int itemIndex, @Nullable Integer answer) {
        if (answer == null) {
            return 0;
        }
        if (!instrument.items().get(itemIndex).reversed()) {
            return answer;
        }
        List<Instrument.Option> options = instrument.optionsOf(itemIndex);
        int min = options.stream().mapToInt(Instrument.Option::value).min().orElse(0);
        int max = options.stream().mapToInt(Instrument.Option::value).max().orElse(0);
        return max + min - answer;
    }

    /**
     * A scored response.
     *
     * @param score the reported score (after any multiplier)
     * @param raw the plain sum of item scores
     * @param band the severity band, null for the risk-triage screener
     * @param severity the band's code, or the triage level in lower case
     * @param fired the critical rules the answers triggered
     * @param level the highest risk level among them
     */
    record Scored(
            int score,
            int raw,
            Instrument.@Nullable Band band,
            String severity,
            Map<String, Integer> subscales,
            List<Instrument.CriticalRule> fired,
            RiskLevel level,
            Set<RiskCategory> categories) {

        List<String> flags() {
            return fired.stream().map(Instrument.CriticalRule::code).toList();
        }
    }
}
