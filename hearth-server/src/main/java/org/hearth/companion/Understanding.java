package org.hearth.companion;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hearth.nlp.Analysis;
import org.hearth.nlp.Analyzer;
import org.hearth.nlp.LabelScore;
import org.springframework.stereotype.Component;

/** Turns a member's text into the derived signals the phase policy reads; keeps no text. */
@Component
class Understanding {

    private final Analyzer analyzer;
    private final CueDetector cues;

    Understanding(Analyzer analyzer, CueDetector cues) {
        this.analyzer = analyzer;
        this.cues = cues;
    }

    TurnUnderstanding understand(String text) {
        return of(analyzer.analyze(text), words(text), cues.detect(text));
    }

    static TurnUnderstanding of(Analysis analysis, int wordCount, Set<Cue> cues) {
        String sentiment =
                TurnUnderstanding.SENTIMENTS.contains(analysis.sentiment()) ? analysis.sentiment() : "neutral";
        // A message the sentiment head reads as negative is never reflected as joy, neither by its
        // dominant group nor by a joy label (the policy reflects the strongest label): GoEmotions
        // counts agreeing ("she's probably right about me") as approval, which groups under joy, and
        // "that gladness counts" or "there's some warmth in this" is the wrong answer to self-blame.
        boolean negative = sentiment.equals("negative");
        Map<String, Double> emotions = new HashMap<>();
        for (LabelScore score : analysis.emotions()) {
            if (Emotions.isLabel(score.label())
                    && !(negative && Emotions.group(score.label()).equals("joy"))) {
                emotions.put(score.label(), Math.max(0, Math.min(1, score.score())));
            }
        }
        // The dominant group is the strongest one the head decided is present, else the strongest.
        String ekman = analysis.ekman().stream()
                .filter(s -> Emotions.EKMAN_GROUPS.contains(s.label()))
                .filter(s -> !(negative && s.label().equals("joy")))
                .max((a, b) -> a.present() != b.present()
                        ? Boolean.compare(a.present(), b.present())
                        : Double.compare(a.score(), b.score()))
                .map(LabelScore::label)
                .orElse("neutral");
        Set<String> distortions = new TreeSet<>();
        for (LabelScore score : analysis.distortions()) {
            if (score.present() && TurnUnderstanding.DISTORTIONS.contains(score.label())) {
                distortions.add(score.label());
            }
        }
        String intent = TurnUnderstanding.INTENTS.contains(analysis.intent()) ? analysis.intent() : "other";
        return new TurnUnderstanding(emotions, ekman, sentiment, intent, distortions, wordCount, cues);
    }

    static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }
}
