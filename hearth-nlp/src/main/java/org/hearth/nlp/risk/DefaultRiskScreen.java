package org.hearth.nlp.risk;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hearth.nlp.OnnxSentenceEmbedder;
import org.hearth.nlp.SentenceEmbedder;
import org.jspecify.annotations.Nullable;

/**
 * The risk screen of clinical-safety.md: the lexical stage and the model stage, the higher of the
 * two, raised by the thread's context, failing closed.
 *
 * <p>Fail closed: when the model stage throws or runs past its timeout, the lexical result stands,
 * the screening is marked degraded and a FAILSAFE signal says so; when the lexical stage fails,
 * the level is at least MODERATE so that a person looks at it. Failures are logged by kind only,
 * never with the text or an exception message that could carry it.
 *
 * <p>Veto: the model stage's rating is set aside (and a {@code model.risk_head.vetoed} signal at
 * NONE says so) only when all of these hold: the thread has no earlier turns; the lexical stage
 * cut a risk phrase out of this text as an idiom, or dropped one as negated, hypothetical, clinical,
 * or about media or a game ({@link Frame}); the lexical stage kept no signal at MODERATE or above;
 * and the head's probability for its level is below the head's veto ceiling ({@link
 * RiskModel#vetoCeiling()}, chosen by cross-validation in {@link RiskTrain} so that no at-risk
 * training text the head caught would have been vetoed). A wrong veto is a missed crisis, so a head
 * that is sure enough always stands.
 *
 * <p>Courtesy: the model stage's rating is also set aside (a {@code model.risk_head.courtesy} signal
 * at NONE says so) when the message is nothing but thanks, an acknowledgement or a sign-off in the
 * closed grammar of {@link Courtesy} ("ok, thanks. goodnight"; not "goodbye", not "thank you for
 * everything"), no lexical or context signal reached MODERATE, and no earlier turn of the thread
 * reaches MODERATE, lexically or by the model. The head reads one text and took sign-offs for
 * farewell notes; a sign-off after a thread with ideation in it keeps the model's rating.
 */
public final class DefaultRiskScreen implements RiskScreen, AutoCloseable {

    /** The default time the model stage may take before the lexical result stands alone. */
    public static final Duration DEFAULT_MODEL_TIMEOUT = Duration.ofMillis(500);

    private static final System.Logger LOG = System.getLogger(DefaultRiskScreen.class.getName());
    private static final Comparator<RiskSignal> MOST_SEVERE_FIRST =
            Comparator.comparing(RiskSignal::level).reversed();

    private final LexicalAnalyzer lexical;
    private final RiskModel model;
    private final Duration modelTimeout;
    private final ExecutorService executor;

    DefaultRiskScreen(LexicalAnalyzer lexical, RiskModel model, Duration modelTimeout) {
        this.lexical = lexical;
        this.model = model;
        this.modelTimeout = modelTimeout;
        this.executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("risk-model-", 0).factory());
    }

    /**
     * The shipped screen: team lexicon, the trained risk head (the MLP over the standard embedder
     * averaged with a head on its own fine-tuned encoder, RISK.md), 500 ms timeout.
     */
    public static DefaultRiskScreen create() {
        return create(DEFAULT_MODEL_TIMEOUT);
    }

    /** The shipped screen with another model-stage timeout. */
    public static DefaultRiskScreen create(Duration modelTimeout) {
        return create(OnnxSentenceEmbedder.standard(), modelTimeout);
    }

    /**
     * The shipped screen over an embedder the caller already holds (they are costly to load). The
     * head only loads over the embedder it was trained on ({@link OnnxSentenceEmbedder#standard()});
     * over any other every screening is degraded.
     */
    public static DefaultRiskScreen create(SentenceEmbedder embedder, Duration modelTimeout) {
        RiskModel model;
        try {
            model = TrainedRiskModel.load(embedder);
        } catch (RuntimeException e) {
            // A screen without its model still screens: every call is degraded and says so.
            LOG.log(
                    Level.ERROR,
                    "risk head failed to load ({0}); screening degrades to the lexical stage",
                    e.getClass().getSimpleName());
            model = text -> {
                throw new IllegalStateException("risk head unavailable");
            };
        }
        return new DefaultRiskScreen(new LexicalStage(), model, modelTimeout);
    }

    @Override
    public Screening screen(String text, List<String> context) {
        try {
            return screenOrThrow(text, context);
        } catch (Throwable t) {
            LOG.log(
                    Level.ERROR,
                    "risk screen failed ({0}); routed to a person",
                    t.getClass().getSimpleName());
            return failedScreening(new ArrayList<>());
        }
    }

    private Screening screenOrThrow(String text, List<String> context) {
        Future<RiskModel.Rating> modelRun = executor.submit(() -> model.rate(text, context));
        List<RiskSignal> signals = new ArrayList<>();
        boolean lexicalFailed = false;
        LexicalStage.Result lexicalResult = null;
        try {
            lexicalResult = lexical.analyze(text);
            signals.addAll(lexicalResult.signals());
            signals.addAll(contextSignals(lexicalResult, context));
        } catch (RuntimeException | StackOverflowError e) {
            lexicalFailed = true;
            LOG.log(Level.ERROR, "risk lexical stage failed ({0})", e.getClass().getSimpleName());
        }

        RiskModel.@Nullable Rating rating = awaitModel(modelRun);
        if (rating != null && rating.level().atLeast(RiskLevel.MODERATE)) {
            if (vetoes(lexicalResult, signals, context, rating)) {
                signals.add(new RiskSignal(
                        "MODEL",
                        "model.risk_head.vetoed",
                        RiskLevel.NONE,
                        null,
                        "The risk classifier's rating was set aside: the risk words are used as an idiom, negated,"
                                + " hypothetically, clinically or about media or a game, and the classifier was not"
                                + " sure enough to overrule that."));
            } else if (setsAsideForCourtesy(text, lexicalResult, signals, context)) {
                signals.add(new RiskSignal(
                        "MODEL",
                        "model.risk_head.courtesy",
                        RiskLevel.NONE,
                        null,
                        "The risk classifier's rating was set aside: the message is only thanks or a sign-off,"
                                + " with no word that makes it final, and no earlier turn of the thread reached"
                                + " MODERATE."));
            } else {
                signals.addAll(modelSignals(rating, signals));
            }
        }
        if (lexicalFailed) {
            return failedScreening(signals);
        }
        boolean degraded = rating == null;
        if (degraded) {
            RiskLevel lexicalLevel = levelOf(signals);
            signals.add(new RiskSignal(
                    "FAILSAFE",
                    "failsafe.model_unavailable",
                    lexicalLevel,
                    null,
                    "The model stage failed or timed out; the lexical stage decided alone."));
        }
        return screening(signals, degraded);
    }

    /** The veto of the class comment, exactly. */
    private boolean vetoes(
            LexicalStage.@Nullable Result lexicalResult,
            List<RiskSignal> lexicalSignals,
            List<String> context,
            RiskModel.Rating rating) {
        return lexicalResult != null
                && context.isEmpty()
                && !lexicalResult.frames().isEmpty()
                && !levelOf(lexicalSignals).atLeast(RiskLevel.MODERATE)
                && rating.probability() < model.vetoCeiling();
    }

    /**
     * The courtesy rule of the class comment: the message is nothing but thanks, an acknowledgement or
     * a sign-off ({@link Courtesy}), no lexical or context signal reached MODERATE, and no earlier
     * turn reaches MODERATE, lexically or by the model, rated here from the latest turn back within
     * the model stage's timeout. When the earlier turns cannot all be rated in time, the model's
     * rating stands.
     */
    private boolean setsAsideForCourtesy(
            String text,
            LexicalStage.@Nullable Result lexicalResult,
            List<RiskSignal> lexicalSignals,
            List<String> context) {
        if (lexicalResult == null
                || !Courtesy.isOnlyCourtesy(text)
                || levelOf(lexicalSignals).atLeast(RiskLevel.MODERATE)) {
            return false;
        }
        for (String turn : context) {
            if (levelOf(lexical.analyze(turn).signals()).atLeast(RiskLevel.MODERATE)) {
                return false;
            }
        }
        Future<Boolean> earlierCalm = executor.submit(() -> {
            for (String turn : context.reversed()) {
                if (model.rate(turn, List.of()).level().atLeast(RiskLevel.MODERATE)) {
                    return false;
                }
            }
            return true;
        });
        return Boolean.TRUE.equals(await(earlierCalm, " on earlier turns; its rating stands"));
    }

    private RiskModel.@Nullable Rating awaitModel(Future<RiskModel.Rating> run) {
        return await(run, "");
    }

    /** The model stage's result within its timeout, or null (logged by kind, with {@code what} after it). */
    private <T> @Nullable T await(Future<T> run, String what) {
        try {
            return run.get(modelTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            LOG.log(Level.WARNING, "risk model stage timed out after {0} ms{1}", modelTimeout.toMillis(), what);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.log(
                    Level.WARNING,
                    "risk model stage failed ({0}){1}",
                    cause.getClass().getSimpleName(),
                    what);
        } catch (InterruptedException e) {
            run.cancel(true);
            Thread.currentThread().interrupt();
            LOG.log(Level.WARNING, "risk model stage interrupted{0}", what);
        }
        return null;
    }

    /** Earlier turns raise the level when this turn adds means, an act or a time to earlier distress. */
    private List<RiskSignal> contextSignals(LexicalStage.Result current, List<String> context) {
        if (context.isEmpty() || current.cues().isEmpty()) {
            return List.of();
        }
        boolean distress = false;
        Set<Cue> earlier = EnumSet.noneOf(Cue.class);
        for (String turn : context) {
            LexicalStage.Result r = lexical.analyze(turn);
            earlier.addAll(r.cues());
            for (RiskSignal s : r.signals()) {
                if (s.category() != RiskCategory.THIRD_PARTY && s.category() != RiskCategory.HARM_TO_OTHERS) {
                    distress = true;
                }
            }
        }
        if (!distress) {
            return List.of();
        }
        Set<Cue> now = current.cues();
        boolean preparedEarlier = earlier.contains(Cue.MEANS) || earlier.contains(Cue.PREPARATION);
        if (now.contains(Cue.ACT) || (now.contains(Cue.NOW) && (preparedEarlier || now.contains(Cue.MEANS)))) {
            return List.of(new RiskSignal(
                    "CONTEXT",
                    "context.act_after_distress",
                    RiskLevel.IMMINENT,
                    RiskCategory.SUICIDE,
                    "An act or a time now, after earlier turns of distress and preparation in this thread."));
        }
        if (now.contains(Cue.MEANS) || now.contains(Cue.PREPARATION)) {
            return List.of(new RiskSignal(
                    "CONTEXT",
                    "context.means_after_distress",
                    RiskLevel.HIGH,
                    RiskCategory.SUICIDE,
                    "Access to a means or preparation, after earlier turns of distress in this thread."));
        }
        return List.of();
    }

    /**
     * The model's signal, one per category it named. Its categories count only when no other signal
     * at MODERATE or above names one: the lexical rules name the category of what they matched,
     * which is more reliable than the category head, whose part is to keep a crisis only the model
     * caught from reaching the protocol without any category.
     */
    private static List<RiskSignal> modelSignals(RiskModel.Rating rating, List<RiskSignal> others) {
        String code = "model.risk_head." + rating.level().name().toLowerCase(java.util.Locale.ROOT);
        String explanation = String.format(
                java.util.Locale.ROOT,
                "The risk classifier rated the text at this level or above with probability %.2f.",
                rating.probability());
        boolean othersNameOne =
                others.stream().anyMatch(s -> s.category() != null && s.level().atLeast(RiskLevel.MODERATE));
        if (othersNameOne || rating.categories().isEmpty()) {
            return List.of(new RiskSignal("MODEL", code, rating.level(), null, explanation));
        }
        List<RiskSignal> out = new ArrayList<>();
        for (RiskCategory c : EnumSet.copyOf(rating.categories())) {
            out.add(new RiskSignal(
                    "MODEL",
                    code,
                    rating.level(),
                    c,
                    explanation + " Its category classifier read the text as "
                            + c.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "."));
        }
        return out;
    }

    private static Screening failedScreening(List<RiskSignal> signals) {
        List<RiskSignal> all = new ArrayList<>(signals);
        all.add(new RiskSignal(
                "FAILSAFE",
                "failsafe.screen_unavailable",
                RiskLevel.MODERATE,
                null,
                "The lexical stage failed; the text is treated as MODERATE and routed to a person."));
        return screening(all, true);
    }

    private static Screening screening(List<RiskSignal> signals, boolean degraded) {
        List<RiskSignal> sorted = new ArrayList<>(signals);
        sorted.sort(MOST_SEVERE_FIRST);
        Set<RiskCategory> categories = EnumSet.noneOf(RiskCategory.class);
        for (RiskSignal s : sorted) {
            if (s.category() != null) {
                categories.add(s.category());
            }
        }
        return new Screening(levelOf(sorted), categories, sorted, degraded);
    }

    private static RiskLevel levelOf(List<RiskSignal> signals) {
        RiskLevel level = RiskLevel.NONE;
        for (RiskSignal s : signals) {
            level = RiskLevel.max(level, s.level());
        }
        return level;
    }

    /** Stops the model stage's threads. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
