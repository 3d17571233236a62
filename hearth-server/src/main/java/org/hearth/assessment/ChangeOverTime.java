package org.hearth.assessment;

import java.util.ArrayList;
import java.util.List;

/**
 * Change since baseline for one member and instrument: Jacobson–Truax reliable change and, where the
 * instrument defines caseness (PHQ-9, GAD-7), the NHS Talking Therapies outcomes. Baseline is the
 * first response, latest the most recent.
 */
final class ChangeOverTime {

    private ChangeOverTime() {}

    static Assessments.History of(Instrument instrument, List<StoredResponse> responses) {
        Instrument.ReliableChangeFigures figures = instrument.reliableChange();
        Instrument.Caseness caseness = instrument.caseness();
        boolean higherIsBetter = instrument.scoring().higherIsBetter();
        List<Assessments.Point> points = new ArrayList<>();
        StoredResponse baseline = responses.isEmpty() ? null : responses.getFirst();
        for (StoredResponse response : responses) {
            String marker = null;
            if (baseline != null && response != baseline && figures != null) {
                double improvement = improvement(baseline.score(), response.score(), higherIsBetter);
                if (improvement >= figures.criterion()) {
                    marker = "reliable-improvement";
                } else if (-improvement >= figures.criterion()) {
                    marker = "reliable-deterioration";
                }
            }
            points.add(new Assessments.Point(
                    response.id(),
                    response.score(),
                    response.severity(),
                    response.completedAt(),
                    response.subscales(),
                    marker));
        }
        if (baseline == null) {
            return new Assessments.History(
                    instrument.id(), List.of(), null, null, null, null, null, null, null, null, null, null, null, null);
        }
        StoredResponse latest = responses.getLast();
        int change = latest.score() - baseline.score();
        Double rci = null;
        Double criterion = null;
        Boolean reliableImprovement = null;
        Boolean reliableDeterioration = null;
        if (figures != null) {
            Double se = figures.seDiff();
            rci = se == null ? null : round(change / se);
            criterion = round(figures.criterion());
            double improvement = improvement(baseline.score(), latest.score(), higherIsBetter);
            reliableImprovement = improvement >= figures.criterion();
            reliableDeterioration = -improvement >= figures.criterion();
        }
        Boolean caseAtBaseline = null;
        Boolean caseAtLatest = null;
        Boolean recovered = null;
        Boolean reliableRecovery = null;
        if (caseness != null) {
            caseAtBaseline = baseline.score() >= caseness.cutoff();
            caseAtLatest = latest.score() >= caseness.cutoff();
            recovered = caseAtBaseline && !caseAtLatest;
            reliableRecovery = recovered && Boolean.TRUE.equals(reliableImprovement);
        }
        return new Assessments.History(
                instrument.id(),
                points,
                summary(baseline),
                summary(latest),
                change,
                rci,
                criterion,
                reliableImprovement,
                reliableDeterioration,
                caseness == null ? null : caseness.cutoff(),
                caseAtBaseline,
                caseAtLatest,
                recovered,
                reliableRecovery);
    }

    private static double improvement(int baseline, int latest, boolean higherIsBetter) {
        return higherIsBetter ? latest - baseline : baseline - latest;
    }

    private static Assessments.Summary summary(StoredResponse response) {
        return new Assessments.Summary(response.id(), response.score(), response.severity(), response.completedAt());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
