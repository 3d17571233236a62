package org.hearth.assessment;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.safety.Hotline;
import org.hearth.safety.MemberText;
import org.hearth.safety.RiskReport;
import org.hearth.safety.Safety;
import org.hearth.safety.SafetyDecision;

/**
 * The real safety module with a record of what assessments reported to it, so tests can assert
 * both the call and its real outcome (the protocol reply, the incident).
 */
public class RecordingSafety implements Safety {

    final List<RiskReport> reports = new CopyOnWriteArrayList<>();
    private final Safety real;

    RecordingSafety(Safety real) {
        this.real = real;
    }

    @Override
    public SafetyDecision screen(MemberText text) {
        return real.screen(text);
    }

    @Override
    public SafetyDecision report(RiskReport report) {
        reports.add(report);
        return real.report(report);
    }

    @Override
    public boolean inSafetyMode(UUID threadId) {
        return real.inSafetyMode(threadId);
    }

    @Override
    public List<Hotline> hotlines(Locale locale) {
        return real.hotlines(locale);
    }

    void clear() {
        reports.clear();
    }
}
