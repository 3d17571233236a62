package org.hearth.assessment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hearth.identity.Account;
import org.hearth.identity.Accounts;
import org.hearth.nlp.risk.RiskCategory;
import org.hearth.nlp.risk.RiskLevel;
import org.hearth.nlp.risk.RiskSignal;
import org.hearth.safety.ProtocolReply;
import org.hearth.safety.RiskReport;
import org.hearth.safety.RiskSource;
import org.hearth.safety.Safety;
import org.hearth.safety.SafetyDecision;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assessment module's API: administer an instrument, and read a member's change over time.
 * Critical items go to the safety module synchronously, before the result is returned, so the member
 * sees the protocol reply together with the score.
 */
@Service
public class Assessments {

    private final InstrumentCatalogue catalogue;
    private final AssessmentResponses responses;
    private final DueAssessments due;
    private final Safety safety;
    private final ObjectProvider<Accounts> accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Assessments(
            InstrumentCatalogue catalogue,
            AssessmentResponses responses,
            DueAssessments due,
            Safety safety,
            ObjectProvider<Accounts> accounts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.catalogue = catalogue;
        this.responses = responses;
        this.due = due;
        this.safety = safety;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Scores and stores a member's answers, reports critical items to the safety module and publishes
     * {@link AssessmentCompleted}.
     *
     * @param answers one per item in item order; null for items the instrument did not ask
     * @param sex {@code male} or {@code female} for instruments with sex-specific cut-offs, else null
     * @param fallbackLocale the locale to pick hotlines by when the member's account has none
     * @throws InvalidAnswersException when the answers do not fit the instrument
     */
    @Transactional
    public Result submit(
            UUID memberId,
            UUID organizationId,
            String instrumentId,
            @Nullable List<@Nullable Integer> answers,
            @Nullable String sex,
            Locale fallbackLocale) {
        Instrument instrument = catalogue.require(instrumentId);
        Map<String, String> errors = Scorer.validate(instrument, answers, sex);
        if (!errors.isEmpty() || answers == null) {
            throw new InvalidAnswersException(errors);
        }
        Scorer.Scored scored = Scorer.score(instrument, answers, sex);
        UUID responseId = UUID.randomUUID();
        Instant now = clock.instant();

        Risk risk = null;
        UUID incidentId = null;
        if (scored.level() != RiskLevel.NONE) {
            List<RiskSignal> signals = scored.fired().stream()
                    .map(rule -> new RiskSignal(
                            "ASSESSMENT",
                            rule.code(),
                            rule.level(),
                            rule.categories().getFirst(),
                            rule.explanation()))
                    .toList();
            SafetyDecision decision = safety.report(new RiskReport(
                    memberId,
                    organizationId,
                    RiskSource.ASSESSMENT,
                    responseId,
                    scored.level(),
                    scored.categories(),
                    signals,
                    localeOf(memberId, fallbackLocale)));
            incidentId = decision.incidentId();
            RiskLevel level = RiskLevel.max(scored.level(), decision.screening().level());
            risk = new Risk(
                    level,
                    decision.screening().categories().isEmpty()
                            ? scored.categories()
                            : decision.screening().categories(),
                    decision.reply());
        }

        responses.add(
                new StoredResponse(
                        responseId,
                        memberId,
                        organizationId,
                        instrument.id(),
                        instrument.version(),
                        answers,
                        sex,
                        scored.score(),
                        scored.severity(),
                        scored.subscales(),
                        scored.flags(),
                        risk == null ? RiskLevel.NONE.name() : risk.level().name(),
                        now),
                incidentId);
        due.complete(memberId, instrument.id(), responseId, now);
        events.publishEvent(
                new AssessmentCompleted(responseId, memberId, instrument.id(), scored.score(), scored.severity(), now));
        return new Result(
                responseId,
                instrument.id(),
                scored.score(),
                scored.severity(),
                scored.subscales().isEmpty() ? null : scored.subscales(),
                scored.flags(),
                risk,
                now);
    }

    /** A member's responses to an instrument with change since baseline. */
    @Transactional(readOnly = true)
    public History history(UUID memberId, String instrumentId) {
        Instrument instrument = catalogue.require(instrumentId);
        return ChangeOverTime.of(instrument, responses.history(memberId, instrument.id()));
    }

    private Locale localeOf(UUID memberId, Locale fallback) {
        Accounts directory = accounts.getIfAvailable();
        if (directory == null) {
            return fallback;
        }
        return directory
                .find(memberId)
                .map(Account::locale)
                .filter(tag -> !tag.isBlank())
                .map(Locale::forLanguageTag)
                .orElse(fallback);
    }

    /**
     * The outcome of one submission.
     *
     * @param subscales subscale totals by id, when the instrument has subscales (PCL-5 clusters B–E)
     * @param flags codes of the critical items the answers triggered
     * @param risk the safety decision, when a critical item fired
     */
    public record Result(
            UUID responseId,
            String instrumentId,
            int score,
            String severity,
            @Nullable Map<String, Integer> subscales,
            List<String> flags,
            @Nullable Risk risk,
            Instant completedAt) {}

    /**
     * The risk a response raised.
     *
     * @param reply the protocol reply the member must see (the crisis card at HIGH and above), when the
     *     safety decision overrides the usual answer
     */
    public record Risk(
            RiskLevel level,
            Set<RiskCategory> categories,
            @Nullable ProtocolReply reply) {}

    /** One response in a history; {@code marker} says whether it differs reliably from baseline. */
    public record Point(
            UUID responseId,
            int score,
            String severity,
            Instant completedAt,
            Map<String, Integer> subscales,
            @Nullable String marker) {}

    public record Summary(UUID responseId, int score, String severity, Instant completedAt) {}

    /**
     * Change over time for one instrument. Fields that the instrument does not define (reliable change
     * for AUDIT-C, caseness outside PHQ-9 and GAD-7) are null.
     *
     * @param change latest score minus baseline score
     * @param reliableChangeIndex the Jacobson–Truax RCI (change / SEdiff), when the figures are recorded
     * @param reliableChangeCriterion the smallest change counted as reliable, in points
     */
    public record History(
            String instrumentId,
            List<Point> responses,
            @Nullable Summary baseline,
            @Nullable Summary latest,
            @Nullable Integer change,
            @Nullable Double reliableChangeIndex,
            @Nullable Double reliableChangeCriterion,
            @Nullable Boolean reliableImprovement,
            @Nullable Boolean reliableDeterioration,
            @Nullable Integer casenessCutoff,
            @Nullable Boolean caseAtBaseline,
            @Nullable Boolean caseAtLatest,
            @Nullable Boolean recovered,
            @Nullable Boolean reliableRecovery) {}

    /** The answers do not fit the instrument; {@link #errors()} says why, field by field. */
    public static final class InvalidAnswersException extends RuntimeException {
        private final Map<String, String> errors;

        InvalidAnswersException(Map<String, String> errors) {
            super("invalid answers");
            this.errors = Map.copyOf(errors);
        }

        public Map<String, String> errors() {
            return errors;
        }
    }
}
