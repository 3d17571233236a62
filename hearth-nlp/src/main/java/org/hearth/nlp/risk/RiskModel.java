package org.hearth.nlp.risk;

import java.util.List;
import java.util.Set;

/** The model stage: a classifier over sentence embeddings that rates a text on the risk ladder. */
interface RiskModel {

    /** The level the model supports for the text, with how sure it is; may throw or be slow. */
    Rating rate(String text);

    /** As above, with the thread's earlier turns, oldest first; a model that reads one text ignores them. */
    default Rating rate(String text, List<String> context) {
        return rate(text);
    }

    /**
     * The probability under which a lexical frame (idiom, negation, hypothetical, clinical, media,
     * game) may veto this model's rating on a text the lexical stage found no risk in; 0 means never.
     */
    default double vetoCeiling() {
        return 0;
    }

    /**
     * @param level the highest level whose cumulative probability reached the threshold
     * @param probability the cumulative probability of that level or above
     * @param categories what the risk is about, when the model can tell (at MODERATE or above only)
     */
    record Rating(RiskLevel level, double probability, Set<RiskCategory> categories) {

        public Rating {
            categories = Set.copyOf(categories);
        }

        public Rating(RiskLevel level, double probability) {
            this(level, probability, Set.of());
        }
    }
}
