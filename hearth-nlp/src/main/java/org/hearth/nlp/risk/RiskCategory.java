package org.hearth.nlp.risk;

import java.util.Set;

/** What kind of risk a signal is about; each category has its own protocol text. */
public enum RiskCategory {
    SUICIDE,
    SELF_HARM,
    HARM_TO_OTHERS,
    ABUSE,
    MEDICAL,
    /** Someone other than the writer is at risk: the helper protocol applies. */
    THIRD_PARTY;

    /**
     * Whether a screening with these categories gets the helper protocol (how to support someone
     * else) instead of the writer's own: someone else is at risk and none of the writer's own
     * categories (SUICIDE, SELF_HARM, MEDICAL, HARM_TO_OTHERS) is there. When one is, the writer's
     * own protocol wins, because it is the safer mistake.
     */
    public static boolean helperCase(Set<RiskCategory> categories) {
        return categories.contains(THIRD_PARTY)
                && !categories.contains(SUICIDE)
                && !categories.contains(SELF_HARM)
                && !categories.contains(MEDICAL)
                && !categories.contains(HARM_TO_OTHERS);
    }
}
