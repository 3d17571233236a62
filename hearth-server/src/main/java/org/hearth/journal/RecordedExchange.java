package org.hearth.journal;

import java.time.Instant;
import java.util.UUID;

/** Both turns of one exchange, stored. */
public record RecordedExchange(UUID userTurnId, UUID replyTurnId, int replySeq, Instant at) {}
