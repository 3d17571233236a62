package org.hearth.companion;

/** The phase as the member sees it: plain words for what the companion is doing, not the jargon. */
final class PhaseWords {

    private PhaseWords() {}

    static String of(Phase phase) {
        return switch (phase) {
            case VALIDATION -> "Listening";
            case EXPRESSION -> "Putting it into words";
            case REFRAMING -> "Looking at it from another side";
            case ACTION -> "Finding a small next step";
        };
    }
}
