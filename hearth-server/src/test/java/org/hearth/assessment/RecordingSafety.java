package org.hearth.assessment;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.nlp.risk.RiskLevel;
import org.hearth.nlp.risk.Screening;
import org.hearth.safety.Hotline;
import org.hearth.safety.MemberText;
import org.hearth.safety.ProtocolReply;
import org.hearth.safety.RiskReport;
import org.hearth.safety.Safety;
import org.hearth.safety.SafetyDecision;

/**
 * A test-only {@link Safety} that records every report and answers as the protocol does: a reply and
 * an incident at MODERATE and above.
 */
public class RecordingSafety implements Safety {

    final List<RiskReport> reports = new CopyOnWriteArrayList<>();

    @Override
    public SafetyDecision screen(MemberText text) {
        return new SafetyDecision(new Screening(RiskLevel.NONE, Set.of(), List.of(), false), null, null);
    }

    @Override
    public SafetyDecision report(RiskReport report) {
        reports.add(report);
        Screening screening = new Screening(report.level(), report.categories(), report.signals(), false);
        if (!report.level().atLeast(RiskLevel.MODERATE)) {
            return new SafetyDecision(screening, null, null);
        }
        String kind = report.level().atLeast(RiskLevel.HIGH) ? "CRISIS" : "SAFETY";
        ProtocolReply reply = new ProtocolReply(
                kind,
                "You matter. Call or text 988 now.",
                List.of(new Hotline(
                        "988 Suicide & Crisis Lifeline", "988", "988", null, "Call or text, any time", false)),
                "test-1");
        return new SafetyDecision(screening, reply, UUID.randomUUID());
    }

    void clear() {
        reports.clear();
    }
}
