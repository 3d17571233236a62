package org.hearth.safety;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member's text to screen. The text is used in memory only and never stored by the safety module.
 *
 * @param memberId whose text it is
 * @param organizationId the member's organization (its responders get the incident)
 * @param source where the text came from
 * @param sourceId the id of the turn, entry or answer, for the incident's reference
 * @param threadId the conversation thread, when there is one (safety mode is kept per thread)
 * @param text the text itself
 * @param context earlier member texts of the same thread, oldest first
 * @param locale the member's locale, which picks the hotlines
 */
public record MemberText(
        UUID memberId,
        UUID organizationId,
        RiskSource source,
        @Nullable UUID sourceId,
        @Nullable UUID threadId,
        String text,
        List<String> context,
        Locale locale) {

    public MemberText {
        context = List.copyOf(context);
    }

    @Override
    public String toString() {
        // Records print their fields; this one must never print the member's words.
        return "MemberText[memberId=" + memberId + ", source=" + source + ", sourceId=" + sourceId + "]";
    }
}
