package org.hearth.nlp.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Combination, context and the fail-closed paths, with stages injected through the constructor. */
class DefaultRiskScreenTests {

    private static final String SECRET = "I want to die and Marigold Lane is where I live";

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final Logger jul = Logger.getLogger(DefaultRiskScreen.class.getName());
    private final CountDownLatch never = new CountDownLatch(1);

    @BeforeEach
    void captureLogs() {
        jul.addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        jul.removeHandler(capture);
        never.countDown();
    }

    private static RiskModel modelSaying(RiskLevel level) {
        return text -> new RiskModel.Rating(level, 0.995);
    }

    private static DefaultRiskScreen screen(LexicalAnalyzer lexical, RiskModel model) {
        return new DefaultRiskScreen(lexical, model, Duration.ofMillis(200));
    }

    private void assertLogsCarryNoText() {
        assertThat(logged).isNotEmpty();
        for (LogRecord r : logged) {
            String all = r.getMessage() + " " + java.util.Arrays.toString(r.getParameters());
            assertThat(all).doesNotContain("Marigold").doesNotContain("want to die");
            assertThat(r.getThrown()).isNull();
        }
    }

    @Test
    void givesTheModelsCategoriesOnlyWhenNoOtherSignalNamesOne() {
        RiskModel medical = text -> new RiskModel.Rating(
                RiskLevel.IMMINENT, 0.97, java.util.EnumSet.of(RiskCategory.MEDICAL, RiskCategory.THIRD_PARTY));
        try (DefaultRiskScreen s = screen(new LexicalStage(), medical)) {
            // Nothing lexical: the model's categories are the screening's, one signal each.
            Screening alone = s.screen("something is really wrong with her and I do not know what to do", List.of());
            assertThat(alone.level()).isEqualTo(RiskLevel.IMMINENT);
            assertThat(alone.categories()).containsExactlyInAnyOrder(RiskCategory.MEDICAL, RiskCategory.THIRD_PARTY);
            assertThat(alone.signals()).extracting(RiskSignal::code).containsOnly("model.risk_head.imminent");
            assertThat(alone.signals()).extracting(RiskSignal::explanation).anyMatch(e -> e.endsWith("as medical."));
            // A lexical rule at MODERATE or above named the category: the model's are left out.
            Screening lexical = s.screen("I took the whole bottle", List.of());
            assertThat(lexical.categories()).doesNotContain(RiskCategory.THIRD_PARTY);
            assertThat(lexical.signals())
                    .filteredOn(r -> r.stage().equals("MODEL"))
                    .singleElement()
                    .extracting(RiskSignal::category)
                    .isNull();
        }
    }

    @Test
    void takesTheHigherOfTheTwoStagesWithAllSignalsMostSevereFirst() {
        try (DefaultRiskScreen s = screen(new LexicalStage(), modelSaying(RiskLevel.HIGH))) {
            Screening r = s.screen("what's the point of anything", List.of());
            assertThat(r.level()).isEqualTo(RiskLevel.HIGH);
            assertThat(r.degraded()).isFalse();
            assertThat(r.signals()).extracting(RiskSignal::stage).containsExactly("MODEL", "LEXICAL");
            assertThat(r.signals().getFirst().code()).isEqualTo("model.risk_head.high");
        }
        try (DefaultRiskScreen s = screen(new LexicalStage(), modelSaying(RiskLevel.MODERATE))) {
            Screening r = s.screen("I took the whole bottle", List.of());
            assertThat(r.level()).isEqualTo(RiskLevel.IMMINENT);
            assertThat(r.categories()).contains(RiskCategory.SUICIDE, RiskCategory.MEDICAL);
            assertThat(r.signals().getFirst().level()).isEqualTo(RiskLevel.IMMINENT);
            assertThat(r.signals().getLast().level()).isEqualTo(RiskLevel.MODERATE);
        }
    }

    @Test
    void leavesOutModelRatingsBelowModerate() {
        try (DefaultRiskScreen s = screen(new LexicalStage(), modelSaying(RiskLevel.NONE))) {
            Screening r = s.screen("work was long today", List.of());
            assertThat(r.level()).isEqualTo(RiskLevel.NONE);
            assertThat(r.signals()).isEmpty();
            assertThat(r.categories()).isEmpty();
        }
    }

    private static RiskModel modelSaying(RiskLevel level, double probability, double vetoCeiling) {
        return new RiskModel() {
            @Override
            public Rating rate(String text) {
                return new Rating(level, probability);
            }

            @Override
            public double vetoCeiling() {
                return vetoCeiling;
            }
        };
    }

    @Test
    void letsALexicalFrameVetoAnUnsureModelOnAClearHardNegative() {
        try (DefaultRiskScreen s = screen(new LexicalStage(), modelSaying(RiskLevel.HIGH, 0.8, 0.9))) {
            for (String text : List.of(
                    "this deadline is killing me",
                    "I would never hurt myself",
                    "if I ever felt suicidal, who could I talk to?",
                    "my GP asked me if I have thoughts of suicide")) {
                Screening r = s.screen(text, List.of());
                assertThat(r.level()).as(text).isEqualTo(RiskLevel.NONE);
                assertThat(r.signals()).extracting(RiskSignal::code).containsExactly("model.risk_head.vetoed");
                assertThat(r.signals().getFirst().explanation()).doesNotContain(text);
            }
        }
    }

    @Test
    void keepsTheModelWhenItIsSureOrNothingFramesTheTextOrTheThreadHasContext() {
        try (DefaultRiskScreen sure = screen(new LexicalStage(), modelSaying(RiskLevel.HIGH, 0.95, 0.9))) {
            assertThat(sure.screen("this deadline is killing me", List.of()).level())
                    .isEqualTo(RiskLevel.HIGH);
        }
        try (DefaultRiskScreen unsure = screen(new LexicalStage(), modelSaying(RiskLevel.HIGH, 0.8, 0.9))) {
            assertThat(unsure.screen("I gave the dog to my neighbour", List.of())
                            .level())
                    .isEqualTo(RiskLevel.HIGH);
            assertThat(unsure.screen("this deadline is killing me", List.of("I can't do this anymore"))
                            .level())
                    .isEqualTo(RiskLevel.HIGH);
            // A lexical signal at MODERATE or above means the lexical stage saw risk: no veto.
            assertThat(unsure.screen("I'm not okay, I want to kill myself, this deadline is killing me", List.of())
                            .level())
                    .isEqualTo(RiskLevel.HIGH);
        }
        try (DefaultRiskScreen never = screen(new LexicalStage(), modelSaying(RiskLevel.HIGH))) {
            assertThat(never.screen("this deadline is killing me", List.of()).level())
                    .isEqualTo(RiskLevel.HIGH);
        }
    }

    /** A model that rates the given texts HIGH and every other text NONE. */
    private static RiskModel modelFlagging(String... flagged) {
        java.util.Set<String> set = java.util.Set.of(flagged);
        return text -> new RiskModel.Rating(set.contains(text) ? RiskLevel.HIGH : RiskLevel.NONE, 0.95);
    }

    @Test
    void setsTheModelAsideOnAPlainSignOffAfterACalmThread() {
        String signOff = "ok, thanks. goodnight";
        try (DefaultRiskScreen s = screen(new LexicalStage(), modelFlagging(signOff, "k"))) {
            Screening r = s.screen(signOff, List.of("work was a lot today", "I always mess everything up"));
            assertThat(r.level()).isEqualTo(RiskLevel.NONE);
            assertThat(r.signals()).extracting(RiskSignal::code).containsExactly("model.risk_head.courtesy");
            assertThat(r.signals().getFirst().explanation()).doesNotContain("goodnight");
            assertThat(s.screen("k", List.of()).level()).isEqualTo(RiskLevel.NONE);
        }
    }

    @Test
    void keepsTheModelOnASignOffThatCouldBeAFarewellOrFollowsARiskyTurn() {
        String signOff = "ok, thanks. goodnight";
        String farewell = "thank you for everything, goodbye";
        String quietIdeation = "what would be the point of tomorrow";
        try (DefaultRiskScreen s = screen(new LexicalStage(), modelFlagging(signOff, farewell, quietIdeation))) {
            assertThat(s.screen(farewell, List.of()).level()).isEqualTo(RiskLevel.HIGH);
            // an earlier turn the lexical stage puts at MODERATE or above
            assertThat(s.screen(signOff, List.of("sometimes I think about ending it", "work was fine"))
                            .level())
                    .isEqualTo(RiskLevel.HIGH);
            // an earlier turn only the model puts at MODERATE or above, however far back
            assertThat(s.screen(signOff, List.of(quietIdeation, "ok", "the weather is nice"))
                            .level())
                    .isEqualTo(RiskLevel.HIGH);
        }
    }

    @Test
    void keepsTheModelOnASignOffWhenTheEarlierTurnsCannotBeRated() {
        String signOff = "ok, thanks. goodnight";
        RiskModel failsOnEarlierTurns = text -> {
            if (!text.equals(signOff)) {
                throw new IllegalStateException("onnx session closed");
            }
            return new RiskModel.Rating(RiskLevel.HIGH, 0.95);
        };
        try (DefaultRiskScreen s = screen(new LexicalStage(), failsOnEarlierTurns)) {
            assertThat(s.screen(signOff, List.of("work was a lot today")).level())
                    .isEqualTo(RiskLevel.HIGH);
        }
        RiskModel slowOnEarlierTurns = text -> {
            if (!text.equals(signOff)) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new RiskModel.Rating(RiskLevel.HIGH, 0.95);
        };
        try (DefaultRiskScreen s =
                new DefaultRiskScreen(new LexicalStage(), slowOnEarlierTurns, Duration.ofMillis(50))) {
            Screening r = s.screen(signOff, List.of("work was a lot today"));
            assertThat(r.level()).isEqualTo(RiskLevel.HIGH);
            assertThat(r.degraded()).isFalse();
        }
        assertThat(logged).anySatisfy(r -> assertThat(r.getMessage() + java.util.Arrays.toString(r.getParameters()))
                .contains("timed out")
                .contains("earlier turns"));
        for (LogRecord r : logged) {
            assertThat(r.getMessage() + java.util.Arrays.toString(r.getParameters()))
                    .doesNotContain("work was");
        }
    }

    @Test
    void raisesTheLevelWhenMeansFollowEarlierDistress() {
        try (DefaultRiskScreen s = screen(new LexicalStage(), modelSaying(RiskLevel.NONE))) {
            assertThat(s.screen("I have pills", List.of()).level()).isEqualTo(RiskLevel.NONE);
            Screening raised = s.screen("I have pills", List.of("I want it to stop"));
            assertThat(raised.level()).isEqualTo(RiskLevel.HIGH);
            assertThat(raised.signals()).extracting(RiskSignal::stage).contains("CONTEXT");
            assertThat(s.screen("tonight", List.of("I can't go on", "I bought a rope today"))
                            .level())
                    .isEqualTo(RiskLevel.IMMINENT);
            assertThat(s.screen("taking them now", List.of("nobody would miss me"))
                            .level())
                    .isEqualTo(RiskLevel.IMMINENT);
        }
    }

    @Test
    void leavesTheLevelAloneWhenEarlierTurnsShowNoDistress() {
        try (DefaultRiskScreen s = screen(new LexicalStage(), modelSaying(RiskLevel.NONE))) {
            assertThat(s.screen("I have my pills now", List.of("I went to the pharmacy"))
                            .level())
                    .isEqualTo(RiskLevel.NONE);
            assertThat(s.screen("I have pills", List.of("my sister said she wants to die"))
                            .level())
                    .isEqualTo(RiskLevel.NONE);
            assertThat(s.screen("thanks, that helps", List.of("I feel hopeless"))
                            .level())
                    .isEqualTo(RiskLevel.NONE);
        }
    }

    @Test
    void keepsTheLexicalResultAndSaysSoWhenTheModelThrows() {
        RiskModel broken = text -> {
            throw new IllegalStateException("onnx session closed");
        };
        try (DefaultRiskScreen s = screen(new LexicalStage(), broken)) {
            Screening r = s.screen(SECRET, List.of());
            assertThat(r.level()).isEqualTo(RiskLevel.MODERATE);
            assertThat(r.degraded()).isTrue();
            assertThat(r.signals()).extracting(RiskSignal::code).contains("failsafe.model_unavailable");
            assertThat(r.signals()).extracting(RiskSignal::stage).contains("LEXICAL", "FAILSAFE");
        }
        assertLogsCarryNoText();
    }

    @Test
    void keepsTheLexicalResultWhenTheModelRunsPastItsTimeout() {
        RiskModel slow = text -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new RiskModel.Rating(RiskLevel.NONE, 1);
        };
        try (DefaultRiskScreen s = new DefaultRiskScreen(new LexicalStage(), slow, Duration.ofMillis(50))) {
            Screening r = s.screen("I cut myself last night", List.of());
            assertThat(r.level()).isEqualTo(RiskLevel.HIGH);
            assertThat(r.degraded()).isTrue();
            assertThat(r.signals().getLast().code()).isEqualTo("failsafe.model_unavailable");
            Screening calm = s.screen("nice weather", List.of());
            assertThat(calm.level()).isEqualTo(RiskLevel.NONE);
            assertThat(calm.degraded()).isTrue();
        }
        assertThat(logged).anySatisfy(r -> assertThat(r.getMessage()).contains("timed out"));
    }

    @Test
    void treatsTheTextAsModerateAndRoutesItToAPersonWhenTheLexicalStageFails() {
        LexicalAnalyzer broken = text -> {
            throw new IllegalStateException("pattern failed");
        };
        try (DefaultRiskScreen s = screen(broken, modelSaying(RiskLevel.NONE))) {
            Screening r = s.screen(SECRET, List.of("earlier"));
            assertThat(r.level()).isEqualTo(RiskLevel.MODERATE);
            assertThat(r.degraded()).isTrue();
            assertThat(r.signals()).extracting(RiskSignal::code).containsExactly("failsafe.screen_unavailable");
        }
        try (DefaultRiskScreen s = screen(broken, modelSaying(RiskLevel.IMMINENT))) {
            Screening r = s.screen("anything", List.of());
            assertThat(r.level()).isEqualTo(RiskLevel.IMMINENT);
            assertThat(r.degraded()).isTrue();
        }
        assertLogsCarryNoText();
    }

    @Test
    void treatsTheTextAsModerateWhenBothStagesFail() {
        LexicalAnalyzer brokenLexical = text -> {
            throw new StackOverflowError();
        };
        RiskModel brokenModel = text -> {
            throw new IllegalStateException("model failed");
        };
        try (DefaultRiskScreen s = screen(brokenLexical, brokenModel)) {
            Screening r = s.screen(SECRET, List.of());
            assertThat(r.level()).isEqualTo(RiskLevel.MODERATE);
            assertThat(r.degraded()).isTrue();
            assertThat(r.signals()).extracting(RiskSignal::stage).containsOnly("FAILSAFE");
        }
        assertLogsCarryNoText();
    }

    @Test
    void neverThrowsEvenWhenItCannotRunAtAll() {
        DefaultRiskScreen s = screen(new LexicalStage(), modelSaying(RiskLevel.NONE));
        s.close();
        Screening r = s.screen(SECRET, List.of());
        assertThat(r.level()).isEqualTo(RiskLevel.MODERATE);
        assertThat(r.degraded()).isTrue();
        assertLogsCarryNoText();
    }

    @Test
    void screensOddInputWithoutFailing() {
        try (DefaultRiskScreen s = screen(new LexicalStage(), modelSaying(RiskLevel.NONE))) {
            assertThat(s.screen("", List.of()).level()).isEqualTo(RiskLevel.NONE);
            assertThat(s.screen("\u0000\uFFFF 🙂 ｐｉｌｌｓ", List.of("", " ")).degraded())
                    .isFalse();
            String longText = "I feel tired and the day was long. ".repeat(2000) + "I want to die";
            assertThat(s.screen(longText, List.of()).level()).isEqualTo(RiskLevel.MODERATE);
        }
    }

    @Test
    void loadsTheShippedScreenAndDegradesWhenTheHeadDoesNotMatchTheEmbedder() {
        org.hearth.nlp.SentenceEmbedder other = new org.hearth.nlp.SentenceEmbedder() {
            @Override
            public String modelId() {
                return "some-other-embedder";
            }

            @Override
            public int dimensions() {
                return 384;
            }

            @Override
            public float[] embed(String text) {
                return new float[384];
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                return texts.stream().map(this::embed).toList();
            }
        };
        try (DefaultRiskScreen s = DefaultRiskScreen.create(other, Duration.ofMillis(200))) {
            Screening r = s.screen("I cut myself last night", List.of());
            assertThat(r.level()).isEqualTo(RiskLevel.HIGH);
            assertThat(r.degraded()).isTrue();
        }
        assertThat(logged).anySatisfy(r -> assertThat(r.getMessage()).contains("failed to load"));
    }
}
