/**
 * Keeps people safe: screens every member text for risk before any reply, answers risk with the
 * fixed crisis protocol of clinical-safety.md, opens incidents for responders and escalates the
 * ones nobody acknowledges in time. Other modules call {@link org.hearth.safety.Safety}
 * synchronously; everything else here is internal.
 */
@NullMarked
@ApplicationModule
package org.hearth.safety;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
