package org.hearth.journal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hearth.assessment.Assessments;
import org.hearth.identity.Account;
import org.hearth.identity.AccountClosure;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;
import org.hearth.identity.Consents;
import org.hearth.platform.AuditEntry;
import org.hearth.platform.AuditLog;
import org.hearth.platform.DataProtection;
import org.hearth.platform.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member's data rights: a complete decrypted export, and erasure by crypto-shredding followed
 * by deletion. The audit log keeps that an export or erasure happened, never what was in it.
 */
@Service
public class MemberData {

    /** The instruments of the assessment catalogue (api.md), whose histories the export includes. */
    static final List<String> INSTRUMENTS =
            List.of("phq-9", "gad-7", "pss-10", "who-5", "pcl-5", "audit-c", "cssrs-screen");

    private final Conversations conversations;
    private final Journal journal;
    private final Accounts accounts;
    private final AccountClosure closure;
    private final Consents consents;
    private final Assessments assessments;
    private final DataProtection protection;
    private final AuditLog audit;
    private final Clock clock;

    MemberData(
            Conversations conversations,
            Journal journal,
            Accounts accounts,
            AccountClosure closure,
            Consents consents,
            Assessments assessments,
            DataProtection protection,
            AuditLog audit,
            Clock clock) {
        this.conversations = conversations;
        this.journal = journal;
        this.accounts = accounts;
        this.closure = closure;
        this.consents = consents;
        this.assessments = assessments;
        this.protection = protection;
        this.audit = audit;
        this.clock = clock;
    }

    /** Everything of the signed-in person, decrypted. Audited as {@code journal.export}. */
    @Transactional(readOnly = true)
    public MemberArchive export(Caller member, @Nullable String sourceAddress) {
        UUID memberId = member.requireUserId();
        Account account = accounts.find(memberId).orElseThrow(() -> Problems.notFound("No such account"));
        List<MemberArchive.ThreadArchive> threads = new ArrayList<>();
        for (ThreadRecord thread : conversations.threadsOf(memberId)) {
            threads.add(new MemberArchive.ThreadArchive(thread, conversations.turns(memberId, thread.threadId())));
        }
        List<Assessments.History> histories = new ArrayList<>();
        for (String instrument : INSTRUMENTS) {
            Assessments.History history = assessments.history(memberId, instrument);
            if (!history.responses().isEmpty()) {
                histories.add(history);
            }
        }
        MemberArchive archive = new MemberArchive(
                MemberArchive.FORMAT,
                clock.instant(),
                new MemberArchive.Profile(
                        memberId,
                        account.organizationId(),
                        account.email(),
                        account.displayName(),
                        account.roles(),
                        account.locale(),
                        account.timeZone()),
                threads,
                journal.allEntries(memberId),
                journal.allCheckIns(memberId),
                histories,
                consents.grantedBy(memberId));
        audit.record(AuditEntry.of(
                        "journal.export",
                        memberId,
                        member.organizationId(),
                        "member:" + memberId,
                        AuditEntry.Outcome.SUCCESS)
                .from(sourceAddress)
                .with("threads", Integer.toString(threads.size()))
                .with("entries", Integer.toString(archive.entries().size())));
        return archive;
    }

    /**
     * Erases the signed-in person: their data keys are destroyed first (so nothing sealed for them
     * opens again, backups included), then their journal content is deleted and their account
     * closed so they cannot sign in. Modules holding more of their data delete it on
     * {@link org.hearth.identity.AccountErased}. Audited as {@code journal.erasure}.
     */
    @Transactional
    public void erase(Caller member, @Nullable String sourceAddress) {
        UUID memberId = member.requireUserId();
        protection.destroy(memberId);
        int threads = conversations.deleteAllOf(memberId);
        journal.deleteAllOf(memberId);
        closure.close(memberId);
        audit.record(AuditEntry.of(
                        "journal.erasure",
                        memberId,
                        member.organizationId(),
                        "member:" + memberId,
                        AuditEntry.Outcome.SUCCESS)
                .from(sourceAddress)
                .with("threads", Integer.toString(threads)));
    }
}
