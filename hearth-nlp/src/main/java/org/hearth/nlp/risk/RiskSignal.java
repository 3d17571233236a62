package org.hearth.nlp.risk;

import org.jspecify.annotations.Nullable;

/**
 * One reason the screen gave for its level, safe to show to a responder: it names a rule or model
 * and describes what it recognised, and never quotes the member's text.
 *
 * @param stage which stage fired: {@code LEXICAL}, {@code MODEL}, {@code CONTEXT} or {@code FAILSAFE}
 * @param code a stable identifier of the rule or model output, e.g. {@code lexical.method.medication}
 * @param level the level this signal alone supports
 * @param category the category, when the signal has one
 * @param explanation a short human-readable description, written by the team, with no member text
 */
public record RiskSignal(
        String stage,
        String code,
        RiskLevel level,
        @Nullable RiskCategory category,
        String explanation) {}
