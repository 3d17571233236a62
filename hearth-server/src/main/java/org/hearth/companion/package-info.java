/**
 * The member's guided conversation. Each thread moves through validation, expression, reframing
 * and action, and a good companion moves on only when the person is ready: it listens first, helps
 * the feeling find words, questions a stuck thought gently when there is room for it, and only then
 * offers something small to do. This module keeps that judgement in one pure place: a phase policy
 * that reads derived signals (never stored text), a curated, human-written reply library with a
 * realizer that never repeats itself within a thread, and the catalogue of exercises. Safety mode,
 * set by the safety module, overrides all of it. A {@link org.hearth.companion.ReplyGenerator} sends
 * the curated reply, or, when an operator switches a language model on, the model's rewording of it,
 * but only after the safety module's risk screen and the output checks have passed it whole.
 */
@NullMarked
@ApplicationModule
package org.hearth.companion;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
