package org.hearth.safety;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.hearth.identity.Accounts;
import org.hearth.identity.Role;
import org.hearth.nlp.risk.RiskCategory;
import org.hearth.nlp.risk.RiskLevel;
import org.hearth.nlp.risk.RiskScreen;
import org.hearth.nlp.risk.RiskSignal;
import org.hearth.nlp.risk.Screening;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The protocol of clinical-safety.md. The screen runs synchronously in the caller's thread; the
 * protocol reply is computed from in-memory data before anything touches the database, so a
 * database failure can cost the incident (logged as an error) but never the member's crisis card.
 */
@Service
class SafetyService implements Safety {

    private static final Logger log = LoggerFactory.getLogger(SafetyService.class);

    private final ObjectProvider<RiskScreen> screen;
    private final CrisisProtocol protocol;
    private final Incidents incidents;
    private final IncidentDeadlines deadlines;
    private final ObjectProvider<Accounts> accounts;
    private final SafetyProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SafetyService(
            ObjectProvider<RiskScreen> screen,
            CrisisProtocol protocol,
            Incidents incidents,
            IncidentDeadlines deadlines,
            ObjectProvider<Accounts> accounts,
            SafetyProperties properties,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.screen = screen;
        this.protocol = protocol;
        this.incidents = incidents;
        this.deadlines = deadlines;
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public SafetyDecision screen(MemberText text) {
        Screening screening = screenOnly(text.text(), text.context());
        return apply(
                text.memberId(),
                text.organizationId(),
                text.source(),
                text.sourceId(),
                text.threadId(),
                screening,
                text.locale());
    }

    @Override
    public SafetyDecision report(RiskReport report) {
        Set<RiskCategory> categories = report.categories();
        Screening screening = new Screening(report.level(), categories, report.signals(), false);
        return apply(
                report.memberId(),
                report.organizationId(),
                report.source(),
                report.sourceId(),
                null,
                screening,
                report.locale());
    }

    @Override
    public boolean inSafetyMode(UUID threadId) {
        return incidents.inSafetyMode(threadId);
    }

    @Override
    public List<Hotline> hotlines(Locale locale) {
        return protocol.directory(locale).emergencyFirst();
    }

    @Override
    public String helpText(Locale locale) {
        return protocol.directory(locale).text("help-intro");
    }

    /** Screens without applying the protocol: for the screening API, which opens no incident. */
    Screening screenOnly(String text, List<String> context) {
        RiskScreen risk = screen.getIfAvailable();
        if (risk == null) {
            log.error("No risk screen is configured; every text is routed to a person as MODERATE");
            return failSafe();
        }
        try {
            return risk.screen(text, context);
        } catch (RuntimeException e) {
            // The screen promises never to throw; if it does, fail closed. The exception's message
            // could quote the text, so only its type is logged.
            log.error(
                    "The risk screen failed ({}); treating the text as MODERATE",
                    e.getClass().getName());
            return failSafe();
        }
    }

    private static Screening failSafe() {
        return new Screening(
                RiskLevel.MODERATE,
                Set.of(),
                List.of(new RiskSignal(
                        "FAILSAFE",
                        "failsafe.screen_unavailable",
                        RiskLevel.MODERATE,
                        null,
                        "The screen could not run, so a person reviews this text.")),
                true);
    }

    private SafetyDecision apply(
            UUID memberId,
            UUID organizationId,
            RiskSource source,
            @Nullable UUID sourceId,
            @Nullable UUID threadId,
            Screening screening,
            Locale locale) {
        ProtocolReply reply = protocol.reply(screening.level(), screening.categories(), locale);
        if (!screening.level().atLeast(RiskLevel.LOW)) {
            return new SafetyDecision(screening, null, null);
        }
        String textVersion =
                reply != null ? reply.textVersion() : protocol.directory(locale).version();
        UUID incidentId = null;
        try {
            incidentId = transaction.execute(
                    status -> record(memberId, organizationId, source, sourceId, threadId, screening, textVersion));
        } catch (RuntimeException e) {
            log.error(
                    "Could not record {} risk for member {}; the member still got the protocol reply",
                    screening.level(),
                    memberId,
                    e);
        }
        return new SafetyDecision(screening, reply, incidentId);
    }

    private @Nullable UUID record(
            UUID memberId,
            UUID organizationId,
            RiskSource source,
            @Nullable UUID sourceId,
            @Nullable UUID threadId,
            Screening screening,
            String textVersion) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        RiskLevel level = screening.level();
        boolean helper = CrisisProtocol.isHelperCase(screening.categories());
        UUID incidentId = null;
        if (opensIncident(level, helper)) {
            incidentId = incidents
                    .activeFor(memberId)
                    .filter(active -> active.level().atLeast(level))
                    // One incident per person in crisis: a responder already on it needs no second.
                    .map(Incident::id)
                    .orElseGet(() ->
                            open(memberId, organizationId, source, sourceId, threadId, screening, textVersion, now));
        }
        if (threadId != null && level.atLeast(RiskLevel.MODERATE) && !helper) {
            incidents.enterSafetyMode(threadId, memberId, organizationId, level, now);
        }
        events.publishEvent(new RiskDetected(
                memberId, organizationId, source, sourceId, threadId, level, screening.categories(), incidentId, now));
        return incidentId;
    }

    /**
     * MODERATE and above open an incident. The helper protocol (someone else at risk) opens one
     * only at HIGH and above: then a person may be in danger now, and a responder can help the
     * member get them help; below that the member gets advice and lines, and no one is paged.
     */
    static boolean opensIncident(RiskLevel level, boolean helper) {
        return helper ? level.atLeast(RiskLevel.HIGH) : level.atLeast(RiskLevel.MODERATE);
    }

    private UUID open(
            UUID memberId,
            UUID organizationId,
            RiskSource source,
            @Nullable UUID sourceId,
            @Nullable UUID threadId,
            Screening screening,
            String textVersion,
            Instant now) {
        boolean noResponder =
                accounts.getObject().withRole(organizationId, Role.RESPONDER).isEmpty();
        Instant deadline = now.plus(properties.deadline(screening.level()));
        Incident incident = new Incident(
                UUID.randomUUID(),
                organizationId,
                memberId,
                screening.level(),
                screening.categories(),
                source,
                sourceId,
                threadId,
                screening.signals(),
                textVersion,
                IncidentStatus.OPEN,
                now,
                deadline,
                1,
                noResponder,
                null,
                null,
                null,
                null,
                null,
                null);
        incidents.add(incident);
        deadlines.schedule(incident.id(), 1, deadline);
        events.publishEvent(
                new IncidentOpened(incident.id(), organizationId, memberId, incident.level(), source, now, deadline));
        return incident.id();
    }
}
