package org.hearth.journal;

import java.util.List;
import org.hearth.nlp.risk.RiskCategory;
import org.hearth.nlp.risk.RiskLevel;
import org.hearth.nlp.risk.RiskSignal;
import org.hearth.nlp.risk.Screening;

/**
 * What the safety screen made of one member text, as the API shows it: the level, its categories
 * (sorted) and the signals that fired. Signals describe rules, never the member's words.
 */
public record RiskView(RiskLevel level, List<RiskCategory> categories, List<RiskSignal> signals) {

    public RiskView {
        categories = List.copyOf(categories);
        signals = List.copyOf(signals);
    }

    public static RiskView of(Screening screening) {
        return new RiskView(
                screening.level(), screening.categories().stream().sorted().toList(), screening.signals());
    }
}
