package org.hearth.assessment;

import java.util.List;
import java.util.Map;
import org.hearth.nlp.risk.RiskCategory;
import org.hearth.nlp.risk.RiskLevel;
import org.jspecify.annotations.Nullable;

/**
 * One instrument as its definition file under {@code assessment/instruments/} describes it. Items
 * are numbered from 1 in the file's rules (enableWhen, subscales, critical items), as the
 * instruments themselves number them.
 */
record Instrument(
        String id,
        String name,
        String shortName,
        String measures,
        String version,
        Source source,
        String preamble,
        Loinc loinc,
        List<Option> options,
        List<Item> items,
        Scoring scoring,
        List<Band> bands,
        @Nullable Map<String, List<Band>> bandsBySex,
        @Nullable List<Subscale> subscales,
        @Nullable ReliableChangeFigures reliableChange,
        @Nullable Caseness caseness,
        @Nullable List<CriticalRule> critical) {

    record Source(String citation, String licence, String copyright, List<String> toVerify) {}

    record Loinc(@Nullable String panel, @Nullable String total, boolean toVerify) {}

    record Option(int value, String text, @Nullable String loinc) {}

    record EnableWhen(int item, int answer) {}

    record Item(
            String text,
            @Nullable String loinc,
            @Nullable Boolean reverse,
            @Nullable List<Option> options,
            @Nullable EnableWhen enableWhen) {

        public boolean reversed() {
            return Boolean.TRUE.equals(reverse);
        }
    }

    record Scoring(
            String method,
            int multiplier,
            boolean higherIsBetter,
            @Nullable String unit) {

        public boolean isRiskTriage() {
            return "risk".equals(method);
        }
    }

    record Band(int min, int max, String code, String label, String explanation, String nextSteps) {

        public boolean contains(int score) {
            return score >= min && score <= max;
        }
    }

    record Subscale(String id, String name, List<Integer> items) {}

    /**
     * Figures for the Jacobson–Truax reliable change index. When {@code threshold} is set, it is the
     * published criterion (e.g. NHS Talking Therapies' 6 points for PHQ-9); otherwise the criterion is
     * 1.96 × SEdiff computed from {@code sd} and {@code reliability}.
     */
    record ReliableChangeFigures(
            @Nullable Integer threshold,
            @Nullable String thresholdSource,
            @Nullable Double reliability,
            @Nullable String reliabilitySource,
            @Nullable Double sd,
            @Nullable String sdSource,
            List<String> toVerify) {

        /** Standard error of the difference between two scores, or null without the figures. */
        @Nullable
        Double seDiff() {
            if (sd == null || reliability == null) {
                return null;
            }
            return sd * Math.sqrt(2 * (1 - reliability));
        }

        /** The smallest change counted as reliable, in score points. */
        double criterion() {
            if (threshold != null) {
                return threshold;
            }
            Double se = seDiff();
            if (se == null) {
                throw new IllegalStateException("no reliable change criterion");
            }
            return 1.96 * se;
        }
    }

    record Caseness(int cutoff, String source) {}

    record CriticalRule(
            int item, int minAnswer, RiskLevel level, List<RiskCategory> categories, String code, String explanation) {}

    /** The options of an item (its own, or the instrument's shared ones). */
    public List<Option> optionsOf(int itemIndex) {
        List<Option> own = items.get(itemIndex).options();
        return own != null && !own.isEmpty() ? own : options;
    }

    public int itemCount() {
        return items.size();
    }

    public List<CriticalRule> criticalRules() {
        return critical == null ? List.of() : critical;
    }

    public List<Subscale> subscaleList() {
        return subscales == null ? List.of() : subscales;
    }

    /** Whether an item is asked, given the answers before it (1-based rule numbers, 0-based index). */
    public boolean isEnabled(int itemIndex, List<@Nullable Integer> answers) {
        EnableWhen when = items.get(itemIndex).enableWhen();
        if (when == null) {
            return true;
        }
        int gate = when.item() - 1;
        Integer gateAnswer = gate < answers.size() ? answers.get(gate) : null;
        return gateAnswer != null && gateAnswer == when.answer() && isEnabled(gate, answers);
    }

    public int minScore() {
        return range(true);
    }

    public int maxScore() {
        return range(false);
    }

    private int range(boolean min) {
        int total = 0;
        for (int i = 0; i < items.size(); i++) {
            var values = optionsOf(i).stream().mapToInt(Option::value);
            total += min ? values.min().orElse(0) : values.max().orElse(0);
        }
        return total * scoring.multiplier();
    }

    /** The bands that apply, picking sex-specific cut-offs when the instrument has them. */
    public List<Band> bandsFor(@Nullable String sex) {
        if (sex != null && bandsBySex != null && bandsBySex.containsKey(sex)) {
            return bandsBySex.get(sex);
        }
        return bands;
    }
}
