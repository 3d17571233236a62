package org.hearth.companion;

import java.util.List;

/**
 * A realized reply.
 *
 * @param text the reply to send, with the help text appended when the plan asked for it
 * @param variantIds the library variants used, in order; the caller adds them to the thread's
 *     used ids so they are not repeated
 * @param repeated whether a variant already used in the thread had to be reused because every
 *     fitting bucket was exhausted
 */
public record Reply(String text, List<String> variantIds, boolean repeated) {

    public Reply {
        variantIds = List.copyOf(variantIds);
    }
}
