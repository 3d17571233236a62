package org.hearth.nlp.risk;

import java.util.List;

/** Screens member text for risk. Implementations are thread-safe and never throw: they fail closed. */
public interface RiskScreen {

    /**
     * Screens one text in the context of its thread.
     *
     * @param text the member's text
     * @param context earlier member texts of the same thread, oldest first; may be empty
     * @return the level with the signals that fired; at least MODERATE and degraded when screening
     *     could not run
     */
    Screening screen(String text, List<String> context);
}
