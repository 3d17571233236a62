package org.hearth.language;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hearth.nlp.Analysis;
import org.hearth.nlp.Analyzer;
import org.hearth.nlp.LabelScore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/nlp/analyze} and its batch form, as api.md describes them. */
@RestController
@RequestMapping("/api/v1/nlp")
@PreAuthorize("hasAnyRole('CLINICIAN','RESPONDER','SUPERVISOR','ORG_ADMIN','API_CLIENT')")
class LanguageController {

    static final int MAX_BATCH = 256;
    static final int MAX_TEXT_CHARS = 10_000;

    private final Analyzer analyzer;

    LanguageController(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    @PostMapping("/analyze")
    AnalysisView analyze(@Valid @RequestBody AnalyzeRequest request) {
        return AnalysisView.of(analyzer.analyze(request.text()));
    }

    @PostMapping("/analyze/batch")
    BatchView analyzeBatch(@Valid @RequestBody BatchRequest request) {
        return new BatchView(analyzer.analyzeAll(request.texts()).stream()
                .map(AnalysisView::of)
                .toList());
    }

    record AnalyzeRequest(
            @NotBlank(message = "must not be blank")
            @Size(max = MAX_TEXT_CHARS, message = "must be at most " + MAX_TEXT_CHARS + " characters")
            String text) {}

    record BatchRequest(
            @NotNull(message = "must be given")
            @Size(min = 1, max = MAX_BATCH, message = "must hold between 1 and " + MAX_BATCH + " texts")
            List<
                            @NotBlank(message = "must not be blank")
                            @Size(max = MAX_TEXT_CHARS, message = "must be at most " + MAX_TEXT_CHARS + " characters")
                            String>
                    texts) {}

    record LabelView(String label, double score, boolean present) {
        static LabelView of(LabelScore s) {
            return new LabelView(s.label(), s.score(), s.present());
        }
    }

    record AnalysisView(
            List<LabelView> emotions,
            List<LabelView> ekman,
            String sentiment,
            String intent,
            List<LabelView> distortions) {
        static AnalysisView of(Analysis a) {
            return new AnalysisView(
                    a.emotions().stream().map(LabelView::of).toList(),
                    a.ekman().stream().map(LabelView::of).toList(),
                    a.sentiment(),
                    a.intent(),
                    a.distortions().stream().map(LabelView::of).toList());
        }
    }

    record BatchView(List<AnalysisView> results) {}
}
