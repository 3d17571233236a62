package org.hearth.safety;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The safety module's API, called synchronously by every module that receives member text or a
 * structured risk signal, before it answers the member.
 */
public interface Safety {

    /**
     * Screens a member's text (with its thread's context) and applies the protocol: at MODERATE and
     * above it opens an incident and returns the human-written protocol reply the member must see
     * instead of anything generated. Never throws for a screening failure: it fails closed.
     */
    SafetyDecision screen(MemberText text);

    /**
     * Opens an incident from a signal that has no text (an assessment item, a wearable alert) and
     * returns the protocol reply for its level.
     */
    SafetyDecision report(RiskReport report);

    /**
     * Whether the thread has reached MODERATE or above at some point. A thread in safety mode stays
     * in it: the companion gives no reframing, challenge or exercise beyond grounding and breathing,
     * and every reply repeats how to reach help ({@link #hotlines}).
     */
    boolean inSafetyMode(UUID threadId);

    /**
     * The crisis lines for a locale, emergency number first: exact locale, then the same country,
     * then the international default.
     */
    List<Hotline> hotlines(Locale locale);

    /**
     * The reviewed sentence on how to reach help for a locale, naming its primary line and emergency
     * number; safety-mode replies end with it.
     */
    default String helpText(Locale locale) {
        // Implementations backed by the protocol texts override this; the fallback still names a line.
        List<Hotline> lines = hotlines(locale);
        return "If you are in danger right now, please reach out: "
                + lines.stream()
                        .map(Hotline::name)
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("your local emergency number")
                + ".";
    }
}
