package org.hearth.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hearth.identity.Caller;
import org.hearth.identity.Role;
import org.hearth.nlp.risk.RiskLevel;
import org.hearth.platform.MutableClock;
import org.hearth.platform.TestClockConfiguration;
import org.hearth.safety.RiskSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest(properties = "hearth.scheduler.polling-interval=PT0.2S")
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import({AssessmentTestConfiguration.class, TestClockConfiguration.class})
class AssessmentApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordingSafety safety;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    AssessmentTestConfiguration.DueEvents dueEvents;

    final InstrumentCatalogue catalogue = new InstrumentCatalogue();
    final UUID organization = UUID.randomUUID();
    Caller member;

    @BeforeEach
    void newMember() {
        member = Caller.person(UUID.randomUUID(), organization, Set.of(Role.MEMBER));
        safety.clear();
    }

    static RequestPostProcessor as(Caller caller) {
        var authorities = caller.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        return authentication(new UsernamePasswordAuthenticationToken(caller, null, authorities));
    }

    private org.springframework.test.web.servlet.ResultActions submit(Caller caller, String instrument, String body)
            throws Exception {
        return mvc.perform(post("/api/v1/assessments/{id}/responses", instrument)
                .locale(java.util.Locale.US)
                .with(as(caller))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static String answers(List<Integer> answers) {
        return "{\"answers\":" + answers.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")) + "}";
    }

    /** Answers whose item scores add up to {@code raw}, honouring reverse-scored items. */
    static List<Integer> vectorFor(Instrument instrument, int raw) {
        List<Integer> answers = new ArrayList<>();
        int left = raw;
        for (int i = 0; i < instrument.itemCount(); i++) {
            var options = instrument.optionsOf(i);
            int min = options.stream().mapToInt(Instrument.Option::value).min().orElseThrow();
            int max = options.stream().mapToInt(Instrument.Option::value).max().orElseThrow();
            int points = Math.min(left, max - min) + min;
            left -= points - min;
            answers.add(instrument.items().get(i).reversed() ? max + min - points : points);
        }
        return answers;
    }

    @Test
    void scoresTheEdgesOfEveryBandOfEveryInstrumentThroughTheApi() throws Exception {
        for (Instrument instrument : catalogue.all()) {
            if (instrument.scoring().isRiskTriage()) {
                continue;
            }
            int multiplier = instrument.scoring().multiplier();
            int rawMin = instrument.minScore() / multiplier;
            for (Instrument.Band band : instrument.bandsFor(null)) {
                int lowest = Math.ceilDiv(band.min(), multiplier);
                int highest = Math.floorDiv(band.max(), multiplier);
                for (int raw : new int[] {lowest, highest}) {
                    List<Integer> vector = vectorFor(instrument, raw - rawMin);
                    submit(member, instrument.id(), answers(vector))
                            .andExpect(status().isCreated())
                            .andExpect(jsonPath("$.score").value(raw * multiplier))
                            .andExpect(jsonPath("$.severity").value(band.code()));
                }
            }
        }
        Instrument audit = catalogue.require("audit-c");
        submit(member, "audit-c", "{\"answers\":[1,1,1],\"sex\":\"male\"}")
                .andExpect(jsonPath("$.severity").value("negative"));
        submit(member, "audit-c", "{\"answers\":[2,1,1],\"sex\":\"male\"}")
                .andExpect(jsonPath("$.severity").value("positive"));
        submit(member, "audit-c", "{\"answers\":[1,1,0],\"sex\":\"female\"}")
                .andExpect(jsonPath("$.severity").value("negative"));
        submit(member, "audit-c", "{\"answers\":[1,1,1],\"sex\":\"female\"}")
                .andExpect(jsonPath("$.severity").value("positive"));
        assertThat(audit.bandsBySex()).containsOnlyKeys("male", "female");
        // Only PHQ-9 vectors that reach item 9 (its highest bands) are risk signals.
        assertThat(safety.reports).isNotEmpty().allSatisfy(r -> assertThat(r.signals())
                .allMatch(s -> s.code().startsWith("phq-9.item-9")));
    }

    @Test
    void reportsPhq9Item9ToSafetyBeforeAnsweringAndShowsTheProtocolReply() throws Exception {
        submit(member, "phq-9", answers(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.score").value(9))
                .andExpect(jsonPath("$.flags[0]").value("phq-9.item-9.positive"))
                .andExpect(jsonPath("$.risk.level").value("MODERATE"))
                .andExpect(jsonPath("$.risk.reply.kind").value("SAFETY"))
                .andExpect(jsonPath("$.risk.reply.text").value(org.hamcrest.Matchers.containsString("988")))
                .andExpect(jsonPath("$.risk.reply.hotlines[*].phone").value(org.hamcrest.Matchers.hasItem("988")));
        assertThat(safety.reports).singleElement().satisfies(report -> {
            assertThat(report.memberId()).isEqualTo(member.userId());
            assertThat(report.organizationId()).isEqualTo(organization);
            assertThat(report.source()).isEqualTo(RiskSource.ASSESSMENT);
            assertThat(report.level()).isEqualTo(RiskLevel.MODERATE);
            assertThat(report.sourceId()).isNotNull();
        });
        submit(member, "phq-9", answers(List.of(0, 0, 0, 0, 0, 0, 0, 0, 3)))
                .andExpect(jsonPath("$.risk.level").value("HIGH"))
                .andExpect(jsonPath("$.risk.reply.kind").value("CRISIS"));
        submit(member, "phq-9", answers(List.of(3, 3, 3, 3, 3, 3, 3, 3, 0)))
                .andExpect(jsonPath("$.risk").doesNotExist())
                .andExpect(jsonPath("$.flags").isEmpty());
        assertThat(safety.reports).hasSize(2);
        assertThat(events.stream(AssessmentCompleted.class)
                        .filter(e -> e.memberId().equals(member.userId()))
                        .count())
                .isEqualTo(3);
    }

    @Test
    void sendsEveryPositiveCssrsScreenToSafetyAtTheMappedLevel() throws Exception {
        submit(member, "cssrs-screen", "{\"answers\":[1,1,0,0,1,0,null]}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.severity").value("high"))
                .andExpect(jsonPath("$.risk.level").value("HIGH"))
                .andExpect(jsonPath("$.risk.reply.kind").value("CRISIS"));
        submit(member, "cssrs-screen", "{\"answers\":[1,0,null,null,null,0,null]}")
                .andExpect(jsonPath("$.severity").value("low"))
                .andExpect(jsonPath("$.risk.level").value("LOW"))
                .andExpect(jsonPath("$.risk.reply").doesNotExist());
        submit(member, "cssrs-screen", "{\"answers\":[0,0,null,null,null,0,null]}")
                .andExpect(jsonPath("$.severity").value("none"))
                .andExpect(jsonPath("$.risk").doesNotExist());
        assertThat(safety.reports).extracting(r -> r.level()).containsExactly(RiskLevel.HIGH, RiskLevel.LOW);
    }

    @Test
    void answersProblemsForInvalidRequests() throws Exception {
        submit(member, "cssrs-screen", "{\"answers\":[0,0,1,null,null,0,null]}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors['answers[2]']").exists());
        submit(member, "phq-9", answers(List.of(0, 0, 0)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors.answers").value("expected 9 answers, got 3"));
        submit(member, "gad-7", answers(List.of(0, 0, 0, 4, 0, 0, 0)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['answers[3]']").value("must be between 0 and 3"));
        submit(member, "no-such-thing", answers(List.of(0)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Unknown instrument"));
        Caller clinician = Caller.person(UUID.randomUUID(), organization, Set.of(Role.CLINICIAN));
        submit(clinician, "phq-9", answers(Collections.nCopies(9, 0))).andExpect(status().isForbidden());
        assertThat(safety.reports).isEmpty();
    }

    @Test
    void listsInstrumentsToAnySignedInUser() throws Exception {
        Caller clinician = Caller.person(UUID.randomUUID(), organization, Set.of(Role.CLINICIAN));
        mvc.perform(get("/api/v1/assessments/instruments").with(as(clinician)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(7))
                .andExpect(jsonPath("$[?(@.id == 'phq-9')].items").value(9))
                .andExpect(jsonPath("$[?(@.id == 'cssrs-screen')].questions[2].askedWhen.item")
                        .value(2));
    }

    @Test
    void tracksReliableImprovementAndRecoveryOverTime() throws Exception {
        for (int score : new int[] {18, 11, 7}) {
            submit(member, "phq-9", answers(vectorFor(catalogue.require("phq-9"), score)))
                    .andExpect(status().isCreated());
            clock.advance(Duration.ofDays(14));
        }
        mvc.perform(get("/api/v1/assessments/responses")
                        .param("instrument", "phq-9")
                        .with(as(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.responses.length()").value(3))
                .andExpect(jsonPath("$.baseline.score").value(18))
                .andExpect(jsonPath("$.latest.score").value(7))
                .andExpect(jsonPath("$.change").value(-11))
                .andExpect(jsonPath("$.reliableImprovement").value(true))
                .andExpect(jsonPath("$.recovered").value(true))
                .andExpect(jsonPath("$.reliableRecovery").value(true))
                .andExpect(jsonPath("$.reliableDeterioration").value(false));
    }

    @Test
    void servesAResponseAsFhirOnlyToItsOwner() throws Exception {
        String body = submit(member, "gad-7", answers(List.of(1, 2, 3, 0, 1, 2, 3)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String responseId = body.replaceAll(".*\"responseId\":\"([^\"]+)\".*", "$1");
        mvc.perform(get("/api/v1/assessments/responses/{id}/fhir", responseId).with(as(member)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/fhir+json"))
                .andExpect(jsonPath("$.resourceType").value("QuestionnaireResponse"))
                .andExpect(jsonPath("$.questionnaire").value("https://hearth.health/fhir/Questionnaire/gad-7"))
                .andExpect(jsonPath("$.item.length()").value(7))
                .andExpect(jsonPath("$.item[0].answer[0].valueCoding.code").value("LA6569-3"));
        Caller other = Caller.person(UUID.randomUUID(), organization, Set.of(Role.MEMBER));
        mvc.perform(get("/api/v1/assessments/responses/{id}/fhir", responseId).with(as(other)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/assessments/responses/{id}/fhir/observation", responseId)
                        .with(as(member)))
                .andExpect(jsonPath("$.code.coding[0].code").value("70274-6"))
                .andExpect(jsonPath("$.valueInteger").value(12));
    }

    @Test
    void remindsAtTheMembersLocalTimeAndClearsTheReminderWhenDone() throws Exception {
        clock.set(java.time.Instant.parse("2027-03-01T12:00:00Z"));
        mvc.perform(
                        post("/api/v1/assessments/schedules")
                                .with(as(member))
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"instrumentId\":\"phq-9\",\"everyDays\":14,\"localTime\":\"09:00\",\"timeZone\":\"Europe/Berlin\"}"))
                .andExpect(status().isCreated())
                // 09:00 in Berlin (UTC+1 in March before the clocks change), the next morning.
                .andExpect(jsonPath("$.nextDueAt").value("2027-03-02T08:00:00Z"));
        mvc.perform(get("/api/v1/assessments/due").with(as(member)))
                .andExpect(jsonPath("$.length()").value(0));

        clock.set(java.time.Instant.parse("2027-03-02T08:00:01Z"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        dueEvents.seen.stream().filter(e -> e.memberId().equals(member.userId())))
                .singleElement()
                .satisfies(e -> assertThat(e.dueAt()).isEqualTo(java.time.Instant.parse("2027-03-02T08:00:00Z"))));
        mvc.perform(get("/api/v1/assessments/due").with(as(member)))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].instrumentId").value("phq-9"));
        mvc.perform(get("/api/v1/assessments/schedules").with(as(member)))
                // 14 days later, 09:00 local again.
                .andExpect(jsonPath("$[0].nextDueAt").value("2027-03-16T08:00:00Z"));

        submit(member, "phq-9", answers(Collections.nCopies(9, 0))).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/assessments/due").with(as(member)))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void sendsAnInAppReminderWhenACheckInComesDue() throws Exception {
        clock.set(java.time.Instant.parse("2027-05-10T12:00:00Z"));
        mvc.perform(
                        post("/api/v1/assessments/schedules")
                                .with(as(member))
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"instrumentId\":\"phq-9\",\"everyDays\":7,\"localTime\":\"18:30\",\"timeZone\":\"UTC\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.nextDueAt").value("2027-05-10T18:30:00Z"));
        assertThat(reminders(member.userId())).isEmpty();

        clock.set(java.time.Instant.parse("2027-05-10T18:30:01Z"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(reminders(member.userId()))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("kind")).isEqualTo("assessment.due");
                    assertThat(row.get("title")).isEqualTo("A check-in is ready: PHQ-9");
                    assertThat(row.get("link")).isEqualTo("/assessments/phq-9");
                    assertThat(row.get("priority")).isEqualTo("NORMAL");
                    assertThat(row.get("in_app")).isEqualTo(true);
                    assertThat(row.get("email")).isEqualTo(false);
                }));
    }

    private java.util.List<java.util.Map<String, Object>> reminders(java.util.UUID memberId) {
        return jdbc.sql("select kind, title, link, priority, in_app, email from notification where recipient_id = :m")
                .param("m", memberId)
                .query()
                .listOfRows();
    }

    @Test
    void refusesAScheduleWithAnUnknownTimeZone() throws Exception {
        mvc.perform(post("/api/v1/assessments/schedules")
                        .with(as(member))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"instrumentId\":\"gad-7\",\"everyDays\":0,\"timeZone\":\"Mars/Olympus\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.timeZone").exists())
                .andExpect(jsonPath("$.errors.everyDays").exists());
    }
}
