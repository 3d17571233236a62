package org.hearth.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Every generated FHIR resource passes the HAPI FHIR validator offline with no errors. */
class FhirValidationTests {

    static final InstrumentCatalogue CATALOGUE = new InstrumentCatalogue();
    static final FhirMapping MAPPING = new FhirMapping();
    // Building the validator loads the core definitions (seconds): once for the whole class.
    static final FhirValidator VALIDATOR = validator();

    private static FhirValidator validator() {
        FhirContext context = FhirMapping.context();
        // PrePopulatedValidationSupport did not make the Questionnaire findable; answering fetchResource does.
        IValidationSupport questionnaires = new IValidationSupport() {
            @Override
            public FhirContext getFhirContext() {
                return context;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T extends IBaseResource> @Nullable T fetchResource(@Nullable Class<T> type, String url) {
                for (Instrument instrument : CATALOGUE.all()) {
                    if (url.equals(FhirMapping.questionnaireUrl(instrument))
                            && (type == null || type.isAssignableFrom(Questionnaire.class))) {
                        return (T) MAPPING.questionnaire(instrument);
                    }
                }
                return null;
            }
        };
        ValidationSupportChain chain = new ValidationSupportChain(
                questionnaires,
                new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context));
        FhirValidator validator = context.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(chain));
        return validator;
    }

    static final List<String> WARNINGS = Collections.synchronizedList(new ArrayList<>());

    private static void assertValid(IBaseResource resource, String what) {
        ValidationResult result = VALIDATOR.validateWithResult(resource);
        List<SingleValidationMessage> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .toList();
        result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING)
                .forEach(m -> WARNINGS.add(what + ": " + m.getLocationString() + " " + m.getMessage()));
        assertThat(errors)
                .as(what + " errors: "
                        + errors.stream()
                                .map(m -> m.getLocationString() + " " + m.getMessage())
                                .toList())
                .isEmpty();
    }

    @Test
    void generatesValidQuestionnairesResponsesAndScoreObservations() {
        Map<String, List<@Nullable Integer>> samples = Map.of(
                "phq-9", List.of(0, 1, 2, 3, 0, 1, 2, 3, 1),
                "gad-7", List.of(3, 2, 1, 0, 1, 2, 3),
                "pss-10", List.of(0, 1, 2, 3, 4, 0, 1, 2, 3, 4),
                "who-5", List.of(5, 4, 3, 2, 1),
                "pcl-5", List.of(0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4),
                "audit-c", List.of(2, 1, 0),
                "cssrs-screen", Arrays.asList(1, 0, null, null, null, 1, 0));
        assertThat(samples.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        CATALOGUE.all().stream().map(Instrument::id).toList());
        for (Instrument instrument : CATALOGUE.all()) {
            assertValid(MAPPING.questionnaire(instrument), instrument.id() + " Questionnaire");
            List<@Nullable Integer> answers = samples.get(instrument.id());
            Scorer.Scored scored = Scorer.score(instrument, answers, null);
            StoredResponse response = new StoredResponse(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    instrument.id(),
                    instrument.version(),
                    answers,
                    null,
                    scored.score(),
                    scored.severity(),
                    scored.subscales(),
                    scored.flags(),
                    "NONE",
                    java.time.Instant.parse("2026-11-22T10:15:30Z"));
            assertValid(
                    MAPPING.questionnaireResponse(instrument, response), instrument.id() + " QuestionnaireResponse");
            assertValid(MAPPING.totalScore(instrument, response), instrument.id() + " Observation");
        }
        WARNINGS.stream().distinct().forEach(w -> System.out.println("FHIR-WARNING " + w));
    }

    @Test
    void rejectsAResponseThatAnswersADisabledItem() {
        Instrument cssrs = CATALOGUE.require("cssrs-screen");
        StoredResponse broken = new StoredResponse(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                cssrs.id(),
                cssrs.version(),
                Arrays.asList(0, 0, 1, null, null, 0, null),
                null,
                1,
                "high",
                Map.of(),
                List.of(),
                "HIGH",
                java.time.Instant.parse("2026-11-22T10:15:30Z"));
        ValidationResult result = VALIDATOR.validateWithResult(MAPPING.questionnaireResponse(cssrs, broken));
        // The validator knows the Questionnaire's branching: this proves it really was found and applied.
        assertThat(result.getMessages()).anyMatch(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal());
    }
}
