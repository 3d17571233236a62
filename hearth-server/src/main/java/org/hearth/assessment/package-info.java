/**
 * Measurement-based care: a catalogue of standard instruments kept as data, scoring with severity
 * bands and critical items (which go to the safety module before the member sees a result), change
 * over time with reliable change and NHS Talking Therapies outcomes, reminders on a cadence, and the
 * FHIR R4 form of every instrument and response so that results can leave Hearth in a standard
 * shape.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "identity", "safety", "notify"})
package org.hearth.assessment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
