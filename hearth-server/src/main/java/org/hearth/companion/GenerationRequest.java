package org.hearth.companion;

import java.util.List;
import java.util.Locale;

/**
 * What a {@link ReplyGenerator} needs for one reply. Lives in memory only: it holds member text.
 *
 * @param plan the policy's plan for this reply
 * @param curated the curated realization of {@code plan}, always computed first: it is the
 *     fallback, and the model is asked to keep its meaning
 * @param recentTurns the last few turns of the thread, oldest first, member and companion
 *     alternating, ending with the member's message being answered
 * @param context small retrieved snippets (exercise or resource text), may be empty
 * @param locale the member's locale
 */
public record GenerationRequest(
        TurnPlan plan, Reply curated, List<String> recentTurns, List<String> context, Locale locale) {

    public GenerationRequest {
        recentTurns = List.copyOf(recentTurns);
        context = List.copyOf(context);
    }

    /** A request with no history or context, as the first turn of a thread has. */
    public static GenerationRequest of(TurnPlan plan, Reply curated, Locale locale) {
        return new GenerationRequest(plan, curated, List.of(), List.of(), locale);
    }

    @Override
    public String toString() {
        // Never print member text: logs and exception messages may show a request.
        return "GenerationRequest[phase=" + plan.phase() + ", acts=" + plan.acts() + ", turns=" + recentTurns.size()
                + ", context=" + context.size() + ", locale=" + locale + "]";
    }
}
