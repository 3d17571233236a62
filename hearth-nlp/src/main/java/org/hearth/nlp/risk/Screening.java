package org.hearth.nlp.risk;

import java.util.List;
import java.util.Set;

/**
 * The outcome of screening one text.
 *
 * @param level the higher of the lexical and model stages, raised by context
 * @param categories the categories of the signals that support the level
 * @param signals every signal that fired, most severe first
 * @param degraded true when a stage failed and the screen fell back as clinical-safety.md says
 */
public record Screening(RiskLevel level, Set<RiskCategory> categories, List<RiskSignal> signals, boolean degraded) {

    public Screening {
        categories = Set.copyOf(categories);
        signals = List.copyOf(signals);
    }
}
