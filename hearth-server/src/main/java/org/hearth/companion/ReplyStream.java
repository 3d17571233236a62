package org.hearth.companion;

import org.hearth.journal.RiskView;

/**
 * Receives a reply as it is produced, for {@code Accept: text/event-stream}. Calls come in this
 * order on the sending thread: {@link #risk} once, then {@link #token} one or more times; the
 * finished {@link Exchange} (both turns stored) is what {@code send} returns.
 */
public interface ReplyStream {

    /** What the screen found, before any reply text. */
    void risk(RiskView risk);

    /** The next piece of the reply's text, whitespace included; the pieces joined are the reply. */
    void token(String text);

    /** A stream that drops everything, for callers that want the whole answer at once. */
    ReplyStream NONE = new ReplyStream() {
        @Override
        public void risk(RiskView risk) {}

        @Override
        public void token(String text) {}
    };
}
