package org.hearth.companion;

import java.util.UUID;

/** A stored turn, by id. */
public record TurnRef(UUID turnId) {}
