package org.hearth.companion;

import org.hearth.journal.RiskView;

/**
 * One member message and its reply, both stored:
 * {@code {userTurn: {turnId}, reply: {turnId, text, kind, phase, resources[]}, risk: {level, categories[], signals[]}}}.
 */
public record Exchange(TurnRef userTurn, ReplyView reply, RiskView risk) {}
