package org.hearth.assessment;

import java.time.Instant;
import java.util.UUID;

/** A member completed an instrument. Carries ids, the score and its band only, never answers. */
public record AssessmentCompleted(
        UUID responseId, UUID memberId, String instrumentId, int score, String severity, Instant at) {}
