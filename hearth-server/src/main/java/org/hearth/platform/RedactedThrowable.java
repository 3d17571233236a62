package org.hearth.platform;

/**
 * A stand-in for an exception that keeps its class names and stack frames but drops every message,
 * so a log line can show where something broke without quoting what a member typed.
 */
final class RedactedThrowable extends RuntimeException {

    private static final int MAX_DEPTH = 16;

    private RedactedThrowable(Throwable original, int depth) {
        super(
                original.getClass().getName() + " (message withheld)",
                original.getCause() == null || original.getCause() == original || depth >= MAX_DEPTH
                        ? null
                        : new RedactedThrowable(original.getCause(), depth + 1),
                true,
                true);
        setStackTrace(original.getStackTrace());
        if (depth < MAX_DEPTH) {
            for (Throwable suppressed : original.getSuppressed()) {
                addSuppressed(new RedactedThrowable(suppressed, depth + 1));
            }
        }
    }

    static RedactedThrowable of(Throwable original) {
        return new RedactedThrowable(original, 0);
    }

    @Override
    public String toString() {
        // Logback prints the class name of this wrapper first; the message names the real class.
        return getMessage();
    }
}
