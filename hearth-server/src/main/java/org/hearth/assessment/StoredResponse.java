package org.hearth.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A completed response as stored. */
record StoredResponse(
        UUID id,
        UUID memberId,
        UUID organizationId,
        String instrumentId,
        String instrumentVersion,
        List<@Nullable Integer> answers,
        @Nullable String sex,
        int score,
        String severity,
        Map<String, Integer> subscales,
        List<String> flags,
        String riskLevel,
        Instant completedAt) {}
