package org.hearth.safety;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hearth.nlp.risk.RiskCategory;
import org.hearth.nlp.risk.RiskLevel;
import org.hearth.nlp.risk.RiskScreen;
import org.hearth.nlp.risk.RiskSignal;
import org.hearth.nlp.risk.Screening;

/**
 * A deterministic stand-in for the real screen, keyed on the phrases the tests use. The phrases are
 * the unambiguous examples of clinical-safety.md, so the tests pass against the real screen too.
 */
public class FakeRiskScreen implements RiskScreen {

    record Rule(String phrase, RiskLevel level, RiskCategory category) {}

    static final List<Rule> RULES = List.of(
            new Rule("took all of my pills", RiskLevel.IMMINENT, RiskCategory.SUICIDE),
            new Rule("cut myself last night", RiskLevel.HIGH, RiskCategory.SELF_HARM),
            new Rule("think about ending it", RiskLevel.MODERATE, RiskCategory.SUICIDE),
            new Rule("my sister said she wants to die", RiskLevel.MODERATE, RiskCategory.THIRD_PARTY),
            new Rule("what's the point of anything", RiskLevel.LOW, RiskCategory.SUICIDE));

    @Override
    public Screening screen(String text, List<String> context) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (lower.contains(rule.phrase())) {
                return new Screening(
                        rule.level(),
                        Set.of(rule.category()),
                        List.of(new RiskSignal(
                                "LEXICAL",
                                "test." + rule.level().name().toLowerCase(Locale.ROOT),
                                rule.level(),
                                rule.category(),
                                "A test phrase for " + rule.level() + " risk.")),
                        false);
            }
        }
        return new Screening(RiskLevel.NONE, Set.of(), List.of(), false);
    }
}
