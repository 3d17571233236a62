package org.hearth.safety;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.hearth.nlp.risk.RiskCategory;
import org.hearth.nlp.risk.RiskLevel;
import org.hearth.nlp.risk.RiskSignal;
import org.hearth.nlp.risk.Screening;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Screening for staff and integrations (no incident is opened), and the public crisis lines. */
@RestController
@RequestMapping("/api/v1/safety")
class SafetyApi {

    static final int MAX_TEXT = 20_000;

    private final SafetyService safety;
    private final CrisisProtocol protocol;

    SafetyApi(SafetyService safety, CrisisProtocol protocol) {
        this.safety = safety;
        this.protocol = protocol;
    }

    record ScreenRequest(
            @NotNull @NotBlank @Size(max = MAX_TEXT) String text,
            @Nullable String locale,
            @Nullable @Size(max = 50) List<@NotNull @Size(max = MAX_TEXT) String> context) {}

    record ScreenResult(RiskLevel level, List<RiskCategory> categories, List<RiskSignal> signals) {
        static ScreenResult of(Screening screening) {
            return new ScreenResult(
                    screening.level(), screening.categories().stream().sorted().toList(), screening.signals());
        }
    }

    record BatchRequest(@NotNull @NotEmpty @Size(max = 256) List<@NotNull @Valid ScreenRequest> items) {}

    record BatchResult(List<ScreenResult> results) {}

    record Resources(String locale, String version, String reviewedOn, List<Hotline> hotlines) {}

    @PostMapping("/screen")
    @PreAuthorize("hasAnyRole('CLINICIAN','RESPONDER','SUPERVISOR','ORG_ADMIN','API_CLIENT')")
    ScreenResult screen(@Valid @RequestBody ScreenRequest request) {
        return ScreenResult.of(screen0(request));
    }

    @PostMapping("/screen/batch")
    @PreAuthorize("hasAnyRole('CLINICIAN','RESPONDER','SUPERVISOR','ORG_ADMIN','API_CLIENT')")
    BatchResult batch(@Valid @RequestBody BatchRequest request) {
        return new BatchResult(request.items().stream()
                .map(item -> ScreenResult.of(screen0(item)))
                .toList());
    }

    /** Public: a person in crisis must not need an account to find a number to call. */
    @GetMapping("/resources")
    Resources resources(@RequestParam(required = false) @Nullable String locale) {
        CrisisProtocol.Directory directory =
                protocol.directory(locale == null || locale.isBlank() ? Locale.US : Locale.forLanguageTag(locale));
        return new Resources(
                directory.locale(), directory.version(), directory.reviewedOn().toString(), directory.emergencyFirst());
    }

    private Screening screen0(ScreenRequest request) {
        return safety.screenOnly(request.text(), request.context() == null ? List.of() : request.context());
    }
}
