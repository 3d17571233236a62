package org.hearth.companion;

import java.util.UUID;

/** A new thread: its id and the phase it starts in ({@code POST /api/v1/threads} → 201). */
public record StartedThread(UUID threadId, Phase phase) {}
