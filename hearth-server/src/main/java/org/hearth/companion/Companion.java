package org.hearth.companion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;
import org.hearth.identity.Role;
import org.hearth.journal.Author;
import org.hearth.journal.CompanionTurn;
import org.hearth.journal.Conversations;
import org.hearth.journal.MemberLocale;
import org.hearth.journal.MemberTurn;
import org.hearth.journal.PrivateJournal;
import org.hearth.journal.RecordedExchange;
import org.hearth.journal.RiskView;
import org.hearth.journal.StoredTurn;
import org.hearth.journal.ThreadRecord;
import org.hearth.nlp.risk.RiskLevel;
import org.hearth.platform.Problems;
import org.hearth.safety.Hotline;
import org.hearth.safety.MemberText;
import org.hearth.safety.ProtocolReply;
import org.hearth.safety.RiskSource;
import org.hearth.safety.Safety;
import org.hearth.safety.SafetyDecision;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The member's conversation with the companion (architecture.md, "How a member's message flows"):
 * every message is screened by safety first; a protocol reply, when the screen asks for one, is the
 * answer and the companion is not asked; otherwise the turn is understood, the phase policy plans
 * the reply and the realizer writes it from the curated library. Both turns are stored sealed in
 * the journal with the thread's new phase, in one transaction with the policy's state.
 */
@Service
public class Companion {

    /** How many earlier member turns of the thread the screen reads as context. */
    static final int CONTEXT_TURNS = 20;

    static final int MAX_MESSAGE_CHARS = 4_000;
    static final String NO_SUCH_THREAD = "No such thread";

    private static final Pattern CHUNK = Pattern.compile("\\S+\\s*|\\s+");
    private static final int LOCK_STRIPES = 64;
    /** How often an exchange plans again after another node saved the thread's state first. */
    private static final int PLAN_ATTEMPTS = 3;

    private final Conversations conversations;
    private final ThreadStates states;
    private final Safety safety;
    private final Understanding understanding;
    private final PhasePolicy policy;
    private final ReplyRealizer realizer;
    private final ReplyGenerator generator;
    private final ExerciseCatalogue exercises;
    private final TransactionTemplate transaction;
    private final Accounts accounts;
    private final PrivateJournal privateJournal;
    // One exchange at a time per thread on this node, so a thread's state is never lost to a race.
    // Across nodes the thread row lock in the journal orders the writes (see report: cluster note).
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    Companion(
            Conversations conversations,
            ThreadStates states,
            Safety safety,
            Understanding understanding,
            PhasePolicy policy,
            ReplyRealizer realizer,
            ReplyGenerator generator,
            ExerciseCatalogue exercises,
            PlatformTransactionManager transactions,
            Accounts accounts,
            PrivateJournal privateJournal) {
        this.accounts = accounts;
        this.privateJournal = privateJournal;
        this.conversations = conversations;
        this.states = states;
        this.safety = safety;
        this.understanding = understanding;
        this.policy = policy;
        this.realizer = realizer;
        this.generator = generator;
        this.exercises = exercises;
        this.transaction = new TransactionTemplate(transactions);
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * Starts a thread for the signed-in member. A title is member text: it is screened (an incident
     * opens at MODERATE and above like for any text) and sealed.
     */
    public StartedThread start(Caller member, @Nullable String title, Locale requested) {
        UUID memberId = requireMember(member);
        Locale locale = MemberLocale.of(accounts, memberId, requested);
        UUID threadId = UUID.randomUUID();
        if (title != null && !title.isBlank()) {
            safety.screen(new MemberText(
                    memberId,
                    member.organizationId(),
                    RiskSource.MESSAGE,
                    threadId,
                    threadId,
                    title,
                    List.of(),
                    locale));
        }
        ThreadRecord thread =
                conversations.open(threadId, memberId, member.organizationId(), title, Phase.VALIDATION.name());
        return new StartedThread(thread.threadId(), Phase.valueOf(thread.phase()));
    }

    /** The signed-in member's threads, most recently active first. */
    public List<ThreadSummary> threads(Caller member) {
        UUID memberId = requireMember(member);
        return conversations.threadsOf(memberId).stream()
                .map(Companion::summary)
                .toList();
    }

    /** One of the signed-in member's threads; 404 for a missing thread and someone else's alike. */
    public ThreadSummary thread(Caller member, UUID threadId) {
        UUID memberId = requireMember(member);
        return conversations
                .ownThread(memberId, threadId)
                .map(Companion::summary)
                .orElseThrow(() -> Problems.notFound(NO_SUCH_THREAD));
    }

    /**
     * 404 unless the thread is the member's. Opens nothing, so it answers for a locked private
     * journal too, whose messages must still reach the safety screen.
     */
    public void requireOwnThread(Caller member, UUID threadId) {
        if (!conversations.ownsThread(requireMember(member), threadId)) {
            throw Problems.notFound(NO_SUCH_THREAD);
        }
    }

    /** {@link #send(Caller, UUID, String, Locale, ReplyStream)} without streaming. */
    public Exchange send(Caller member, UUID threadId, String text, Locale locale) {
        return send(member, threadId, text, locale, ReplyStream.NONE);
    }

    /**
     * Answers a member's message in one of their threads and stores both turns.
     *
     * @param stream receives the risk, then the reply in word-sized pieces, before this returns
     * @throws org.hearth.platform.ProblemException 404 for a thread that is not the member's, 400
     *     for a blank or too long text
     */
    public Exchange send(Caller member, UUID threadId, String text, Locale requested, ReplyStream stream) {
        UUID memberId = requireMember(member);
        Locale locale = MemberLocale.of(accounts, memberId, requested);
        if (text.isBlank()) {
            throw Problems.invalid("The message is empty.", Map.of("text", "must not be blank"));
        }
        if (text.length() > MAX_MESSAGE_CHARS) {
            throw Problems.invalid(
                    "The message is too long.", Map.of("text", "must be at most " + MAX_MESSAGE_CHARS + " characters"));
        }
        ReentrantLock lock = locks[Math.floorMod(threadId.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            return exchange(member, memberId, threadId, text, locale, stream);
        } finally {
            lock.unlock();
        }
    }

    private Exchange exchange(
            Caller member, UUID memberId, UUID threadId, String text, Locale locale, ReplyStream stream) {
        if (privateJournal.isLocked(memberId)) {
            return lockedExchange(member, memberId, threadId, text, locale, stream);
        }
        ThreadRecord thread =
                conversations.ownThread(memberId, threadId).orElseThrow(() -> Problems.notFound(NO_SUCH_THREAD));
        List<String> context = conversations.memberTexts(memberId, threadId, CONTEXT_TURNS);
        UUID userTurnId = UUID.randomUUID();
        // Safety first, outside any transaction of ours: the incident must stand even if storing fails.
        SafetyDecision decision = safety.screen(new MemberText(
                memberId, thread.organizationId(), RiskSource.MESSAGE, userTurnId, threadId, text, context, locale));
        RiskView risk = RiskView.of(decision.screening());
        stream.risk(risk);

        // Planned from the stored state and saved only if no other exchange saved in between (one on
        // another node; on this node the stripe lock orders them): otherwise planned again from the
        // newer state. The screen is not repeated; its decision stands.
        UUID replyTurnId = UUID.randomUUID();
        Planned planned;
        RecordedExchange recorded;
        for (int attempt = 1; ; attempt++) {
            ThreadStates.Stored stored = states.find(threadId).orElseGet(ThreadStates.Stored::fresh);
            boolean safetyMode = stored.state().safetyMode() || thread.safetyMode() || safety.inSafetyMode(threadId);
            ThreadState state =
                    safetyMode && !stored.state().safetyMode() ? stored.state().withSafetyMode() : stored.state();
            Planned plan = decision.overridesReply()
                    ? protocol(decision.reply(), state)
                    : companion(state, stored.usedVariants(), threadId, text, locale, decision);
            try {
                recorded = record(threadId, memberId, userTurnId, replyTurnId, text, decision, stored, plan);
                planned = plan;
                break;
            } catch (ThreadStates.Conflict e) {
                if (attempt == PLAN_ATTEMPTS) {
                    throw Problems.conflict(
                            "thread-busy", "Another message in this conversation is being answered. Send yours again.");
                }
            }
        }
        Matcher chunks = CHUNK.matcher(planned.text);
        while (chunks.find()) {
            stream.token(chunks.group());
        }
        return new Exchange(
                new TurnRef(recorded.userTurnId()),
                new ReplyView(replyTurnId, planned.text, planned.kind, planned.phase, planned.resources),
                risk);
    }

    /**
     * A message while the member's private journal is locked: nothing can be stored or read, but the
     * text is screened all the same (without the thread's earlier turns, which are sealed). When the
     * screen calls for the protocol, its reply is given, unstored; otherwise 423.
     */
    private Exchange lockedExchange(
            Caller member, UUID memberId, UUID threadId, String text, Locale locale, ReplyStream stream) {
        requireOwnThread(member, threadId);
        UUID userTurnId = UUID.randomUUID();
        SafetyDecision decision = safety.screen(new MemberText(
                memberId, member.organizationId(), RiskSource.MESSAGE, userTurnId, threadId, text, List.of(), locale));
        if (!decision.overridesReply()) {
            throw PrivateJournal.lockedProblem(null);
        }
        RiskView risk = RiskView.of(decision.screening());
        stream.risk(risk);
        ThreadState state = states.find(threadId)
                .map(ThreadStates.Stored::state)
                .orElseGet(ThreadState::start)
                .withSafetyMode();
        Planned planned = protocol(decision.reply(), state);
        Matcher chunks = CHUNK.matcher(planned.text);
        while (chunks.find()) {
            stream.token(chunks.group());
        }
        return new Exchange(
                new TurnRef(userTurnId),
                new ReplyView(UUID.randomUUID(), planned.text, planned.kind, planned.phase, planned.resources),
                risk);
    }

    /** Stores both turns and the thread's next state in one transaction. */
    private RecordedExchange record(
            UUID threadId,
            UUID memberId,
            UUID userTurnId,
            UUID replyTurnId,
            String text,
            SafetyDecision decision,
            ThreadStates.Stored plannedFrom,
            Planned planned) {
        MemberTurn memberTurn = new MemberTurn(
                userTurnId,
                text,
                decision.screening(),
                decision.incidentId(),
                planned.understood == null ? null : Emotions.strongest(planned.understood.emotions(), 0.3),
                planned.understood == null ? null : planned.understood.sentiment(),
                planned.understood == null ? null : planned.understood.intent(),
                planned.understood == null ? java.util.Set.of() : planned.understood.distortions());
        CompanionTurn replyTurn = new CompanionTurn(
                replyTurnId,
                planned.text,
                planned.kind.name(),
                planned.phase.name(),
                planned.transition.name(),
                planned.exerciseId);
        List<String> used = new ArrayList<>(plannedFrom.usedVariants());
        used.addAll(planned.variantIds);
        boolean safetyNow = planned.next.safetyMode();
        return transaction.execute(status -> {
            RecordedExchange r = conversations.record(threadId, memberTurn, replyTurn, safetyNow);
            states.save(threadId, memberId, plannedFrom, planned.next, used);
            return r;
        });
    }

    /** A reply decided before it is stored. */
    private record Planned(
            String text,
            ReplyKind kind,
            Phase phase,
            Transition transition,
            @Nullable String exerciseId,
            List<Resource> resources,
            List<String> variantIds,
            ThreadState next,
            @Nullable TurnUnderstanding understood) {}

    /** The protocol's fixed reply; the companion is not asked and learns nothing from the turn. */
    private Planned protocol(ProtocolReply reply, ThreadState state) {
        ReplyKind kind = ReplyKind.valueOf(reply.kind());
        Phase phase = state.safetyMode() ? Phase.VALIDATION : state.phase();
        return new Planned(
                reply.text(),
                kind,
                phase,
                state.safetyMode() ? Transition.SAFETY_MODE : Transition.STAY,
                null,
                reply.hotlines().stream().map(Resource::of).toList(),
                List.of(),
                state,
                null);
    }

    private Planned companion(
            ThreadState state,
            List<String> usedVariants,
            UUID threadId,
            String text,
            Locale locale,
            SafetyDecision decision) {
        TurnUnderstanding understood = understanding.understand(text);
        TurnPlan plan = policy.decide(state, understood, decision.screening().level());
        Reply curated = realize(plan, seed(threadId), usedVariants, plan.appendHelp() ? safety.helpText(locale) : null);
        // The generator is curated unless an LLM is configured; it screens a generated text again and
        // falls back to the curated one on any doubt. Only the message being answered is passed as
        // history: the earlier companion turns are not at hand here, and roles must alternate.
        GeneratedReply generated =
                generator.generate(new GenerationRequest(plan, curated, List.of(text), List.of(), locale), token -> {});
        List<Resource> resources = new ArrayList<>();
        if (plan.exerciseId() != null) {
            exercises.find(plan.exerciseId()).map(Resource::of).ifPresent(resources::add);
        }
        // In safety mode every reply says how to reach help; at LOW the lines are offered alongside.
        if (plan.next().safetyMode() || decision.screening().level() == RiskLevel.LOW) {
            safety.hotlines(locale).stream().map(Resource::of).forEach(resources::add);
        }
        return new Planned(
                generated.text(),
                plan.next().safetyMode() ? ReplyKind.SAFETY : ReplyKind.COMPANION,
                plan.phase(),
                plan.transition(),
                plan.exerciseId(),
                resources,
                curated.variantIds(),
                plan.next(),
                understood);
    }

    /** The seam where a generated reply could replace the curated one; curated by default. */
    Reply realize(TurnPlan plan, long seed, List<String> usedVariants, @Nullable String helpText) {
        return realizer.realize(plan, seed, usedVariants, helpText);
    }

    /**
     * A thread's turns for a reader: the member, or staff under the member's live CONVERSATIONS
     * consent (audited); 404 for anyone else. Safety and crisis replies carry the lines for
     * {@code locale}.
     */
    public List<TurnView> turns(Caller reader, UUID threadId, Locale requested, @Nullable String sourceAddress) {
        Locale locale = reader.userId() == null ? requested : MemberLocale.of(accounts, reader.userId(), requested);
        List<StoredTurn> turns = conversations.readTurns(reader, threadId, sourceAddress);
        List<Resource> lines = null;
        List<TurnView> views = new ArrayList<>(turns.size());
        for (StoredTurn turn : turns) {
            List<Resource> resources = new ArrayList<>();
            ReplyKind kind = turn.kind() == null ? null : ReplyKind.valueOf(turn.kind());
            if (turn.exerciseId() != null) {
                exercises.find(turn.exerciseId()).map(Resource::of).ifPresent(resources::add);
            }
            if (kind == ReplyKind.SAFETY || kind == ReplyKind.CRISIS) {
                if (lines == null) {
                    lines = hotlineResources(locale);
                }
                resources.addAll(lines);
            }
            views.add(new TurnView(
                    turn.turnId(),
                    turn.author(),
                    turn.text(),
                    kind,
                    turn.author() == Author.COMPANION && turn.phase() != null ? Phase.valueOf(turn.phase()) : null,
                    turn.risk(),
                    resources,
                    turn.at()));
        }
        return views;
    }

    private List<Resource> hotlineResources(Locale locale) {
        List<Hotline> hotlines = safety.hotlines(locale);
        return hotlines.stream().map(Resource::of).toList();
    }

    private static ThreadSummary summary(ThreadRecord t) {
        return new ThreadSummary(
                t.threadId(),
                t.title(),
                Phase.valueOf(t.phase()),
                t.safetyMode(),
                t.turnCount(),
                t.createdAt(),
                t.lastActivityAt());
    }

    private static long seed(UUID threadId) {
        return threadId.getMostSignificantBits() ^ threadId.getLeastSignificantBits();
    }

    private static UUID requireMember(Caller caller) {
        if (caller.userId() == null || !caller.has(Role.MEMBER)) {
            throw Problems.forbidden("members-only", "Only members hold conversations.");
        }
        return caller.userId();
    }
}
