/**
 * The member's own words, kept private: conversation threads and their turns, free journal entries
 * and mood check-ins. Every text is screened by safety before it is kept and sealed under the
 * member's data key before it touches the database; only derived signals (phase, risk level,
 * emotions, mood) are stored in the clear. Staff read content only under the member's live consent,
 * and every such read is audited. A member may make the journal private ({@link
 * org.hearth.journal.PrivateJournal}): then it is sealed with a key only their password or recovery
 * code opens, and staff cannot read it whatever the consent says. The member can take everything
 * out (export) or have it destroyed (erasure by crypto-shredding).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "identity", "safety", "assessment"})
package org.hearth.journal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
