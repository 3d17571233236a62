/**
 * The care team at work: clinicians publish weekly availability in their own time zone, members book
 * sessions (the database refuses overlaps), both get a video link and an iCalendar file, reminders go
 * out 24 hours and 1 hour before through notify, clinicians keep encrypted session notes that become
 * immutable once signed, and write treatment plans members can read in plain words. The caseload
 * shows a clinician their members' assessment trends and open incidents, only as far as each
 * member's consent (kept in identity) allows at the moment of reading, and every such read is
 * audited.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "identity", "assessment", "safety", "notify"})
package org.hearth.care;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
