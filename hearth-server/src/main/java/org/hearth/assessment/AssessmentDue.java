package org.hearth.assessment;

import java.time.Instant;
import java.util.UUID;

/**
 * A scheduled assessment came due for a member. This module turns it into an in-app
 * reminder through notify; the due item also stays visible in {@code GET /api/v1/assessments/due} until done.
 */
public record AssessmentDue(UUID memberId, String instrumentId, Instant dueAt) {}
