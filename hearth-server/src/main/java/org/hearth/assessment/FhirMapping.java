package org.hearth.assessment;

import ca.uhn.fhir.context.FhirContext;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The FHIR R4 form of instruments ({@code Questionnaire}), responses ({@code QuestionnaireResponse})
 * and total scores ({@code Observation}), with LOINC codes where the definition file records them and
 * Hearth's own code systems otherwise (never a guessed LOINC code).
 */
@Component
class FhirMapping {

    static final String CANONICAL_BASE = "https://hearth.health/fhir";
    static final String LOINC = "http://loinc.org";
    static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    static final String UCUM = "http://unitsofmeasure.org";

    // Creating a FhirContext scans the whole model; one per application is enough.
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    static FhirContext context() {
        return FHIR;
    }

    static String questionnaireUrl(Instrument instrument) {
        return CANONICAL_BASE + "/Questionnaire/" + instrument.id();
    }

    static String answerSystem(Instrument instrument) {
        return CANONICAL_BASE + "/CodeSystem/" + instrument.id() + "-answers";
    }

    static String scoreSystem() {
        return CANONICAL_BASE + "/CodeSystem/assessment-scores";
    }

    String toJson(IBaseResource resource) {
        return FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
    }

    Questionnaire questionnaire(Instrument instrument) {
        Questionnaire q = new Questionnaire();
        q.setId(instrument.id());
        q.setUrl(questionnaireUrl(instrument));
        q.setVersion(instrument.version());
        q.setName(instrument.shortName().replaceAll("[^A-Za-z0-9]", ""));
        q.setTitle(instrument.name());
        q.setStatus(Enumerations.PublicationStatus.ACTIVE);
        q.addSubjectType("Patient");
        q.setCopyright(instrument.source().licence());
        if (instrument.loinc() != null && instrument.loinc().panel() != null) {
            q.addCode(new Coding(LOINC, instrument.loinc().panel(), instrument.name()));
        }
        q.addItem()
                .setLinkId("preamble")
                .setType(Questionnaire.QuestionnaireItemType.DISPLAY)
                .setText(instrument.preamble());
        for (int i = 0; i < instrument.itemCount(); i++) {
            Instrument.Item source = instrument.items().get(i);
            Questionnaire.QuestionnaireItemComponent item = q.addItem()
                    .setLinkId(linkId(i))
                    .setPrefix(String.valueOf(i + 1))
                    .setText(source.text())
                    .setType(Questionnaire.QuestionnaireItemType.CHOICE)
                    .setRequired(source.enableWhen() == null);
            if (source.loinc() != null) {
                item.addCode(new Coding(LOINC, source.loinc(), source.text()));
            }
            for (Instrument.Option option : instrument.optionsOf(i)) {
                item.addAnswerOption().setValue(coding(instrument, i, option));
            }
            if (source.enableWhen() != null) {
                int gate = source.enableWhen().item() - 1;
                Instrument.Option gateOption =
                        option(instrument, gate, source.enableWhen().answer());
                item.addEnableWhen()
                        .setQuestion(linkId(gate))
                        .setOperator(Questionnaire.QuestionnaireItemOperator.EQUAL)
                        .setAnswer(coding(instrument, gate, gateOption));
            }
        }
        return q;
    }

    QuestionnaireResponse questionnaireResponse(Instrument instrument, StoredResponse response) {
        QuestionnaireResponse qr = new QuestionnaireResponse();
        qr.setId(response.id().toString());
        qr.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + response.id());
        qr.setQuestionnaire(questionnaireUrl(instrument));
        qr.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        qr.setSubject(new Reference("Patient/" + response.memberId()));
        qr.setAuthored(Date.from(response.completedAt()));
        List<@Nullable Integer> answers = response.answers();
        for (int i = 0; i < answers.size(); i++) {
            Integer answer = answers.get(i);
            if (answer == null) {
                continue; // not asked (branching): a QuestionnaireResponse leaves disabled items out
            }
            qr.addItem()
                    .setLinkId(linkId(i))
                    .setText(instrument.items().get(i).text())
                    .addAnswer()
                    .setValue(coding(instrument, i, option(instrument, i, answer)));
        }
        return qr;
    }

    Observation totalScore(Instrument instrument, StoredResponse response) {
        Observation observation = new Observation();
        observation.setId(response.id() + "-score");
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")));
        String total = instrument.loinc() == null ? null : instrument.loinc().total();
        String display = instrument.shortName() + " total score";
        observation.setCode(new CodeableConcept(
                        total != null
                                ? new Coding(LOINC, total, display)
                                : new Coding(scoreSystem(), instrument.id() + "-total", display))
                .setText(display));
        observation.setSubject(new Reference("Patient/" + response.memberId()));
        observation.setEffective(new org.hl7.fhir.r4.model.DateTimeType(Date.from(response.completedAt())));
        observation.addDerivedFrom(new Reference("QuestionnaireResponse/" + response.id()));
        String unit = instrument.scoring().unit();
        if (unit != null) {
            observation.setValue(new Quantity()
                    .setValue(response.score())
                    .setUnit(unit)
                    .setSystem(UCUM)
                    .setCode(unit));
        } else {
            observation.setValue(new IntegerType(response.score()));
        }
        observation
                .addInterpretation()
                .addCoding(new Coding(scoreSystem(), instrument.id() + "-" + response.severity(), response.severity()));
        for (Map.Entry<String, Integer> subscale : response.subscales().entrySet()) {
            String name = instrument.subscaleList().stream()
                    .filter(s -> s.id().equals(subscale.getKey()))
                    .map(Instrument.Subscale::name)
                    .findFirst()
                    .orElse(subscale.getKey());
            observation
                    .addComponent()
                    .setCode(new CodeableConcept(
                                    new Coding(scoreSystem(), instrument.id() + "-subscale-" + subscale.getKey(), name))
                            .setText(name))
                    .setValue(new IntegerType(subscale.getValue()));
        }
        return observation;
    }

    private static String linkId(int itemIndex) {
        return String.valueOf(itemIndex + 1);
    }

    private static Instrument.Option option(Instrument instrument, int itemIndex, int value) {
        return instrument.optionsOf(itemIndex).stream()
                .filter(o -> o.value() == value)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("answer outside the item's options"));
    }

    private static Coding coding(Instrument instrument, int itemIndex, Instrument.Option option) {
        // Items with their own options (AUDIT-C) get item-qualified codes, so one code never means two things.
        List<Instrument.Option> own = instrument.items().get(itemIndex).options();
        String code = (own != null && !own.isEmpty() ? "q" + (itemIndex + 1) + "-" : "") + option.value();
        Coding coding = option.loinc() != null
                ? new Coding(LOINC, option.loinc(), option.text())
                : new Coding(answerSystem(instrument), code, option.text());
        coding.addExtension(ORDINAL_VALUE, new DecimalType(option.value()));
        return coding;
    }
}
