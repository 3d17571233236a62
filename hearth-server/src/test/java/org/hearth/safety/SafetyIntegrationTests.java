package org.hearth.safety;

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
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hearth.identity.Account;
import org.hearth.identity.Caller;
import org.hearth.identity.Role;
import org.hearth.nlp.risk.RiskLevel;
import org.hearth.platform.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest(properties = {"hearth.scheduler.polling-interval=PT0.2S", "logging.level.org.hearth=DEBUG"})
@AutoConfigureMockMvc
@Import(SafetyTestConfiguration.class)
@RecordApplicationEvents
@ExtendWith(OutputCaptureExtension.class)
class SafetyIntegrationTests {

    static final String IMMINENT_TEXT = "i took all of my pills about an hour ago";
    static final String HIGH_TEXT = "I cut myself last night";
    static final String MODERATE_TEXT = "sometimes I think about ending it";
    static final String THIRD_PARTY_TEXT = "my sister said she wants to die";
    static final String NONE_TEXT = "work was exhausting today";

    @Autowired
    Safety safety;

    @Autowired
    TestAccounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEvents events;

    UUID organization;
    Account responder;
    Account admin;
    UUID member;

    @BeforeEach
    void organization() {
        organization = UUID.randomUUID();
        responder = accounts.add(organization, Role.RESPONDER);
        admin = accounts.add(organization, Role.ORG_ADMIN);
        member = accounts.add(organization, Role.MEMBER).id();
    }

    @Test
    void opensIncidentForImminentRiskWithTheCrisisCardNaming988() {
        UUID thread = UUID.randomUUID();
        Instant before = clock.instant();
        SafetyDecision decision = safety.screen(message(member, thread, IMMINENT_TEXT, Locale.US));

        assertThat(decision.screening().level()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(decision.overridesReply()).isTrue();
        ProtocolReply reply = decision.reply();
        assertThat(reply.kind()).isEqualTo("CRISIS");
        assertThat(reply.text()).contains("call or text 988");
        assertThat(reply.text().indexOf("911")).isLessThan(reply.text().indexOf("988"));
        assertThat(reply.hotlines().getFirst().emergency()).isTrue();
        assertThat(reply.hotlines().getFirst().phone()).isEqualTo("911");
        assertThat(reply.textVersion()).startsWith("en-US@");

        UUID incidentId = decision.incidentId();
        assertThat(incidentId).isNotNull();
        var row = jdbc.sql(
                        "select status, level, text_version, deadline, opened_at from safety_incident where id = :id")
                .param("id", incidentId)
                .query()
                .singleRow();
        assertThat(row.get("status")).isEqualTo("OPEN");
        assertThat(row.get("level")).isEqualTo("IMMINENT");
        assertThat(row.get("text_version")).isEqualTo(reply.textVersion());
        Instant opened = ((java.sql.Timestamp) row.get("opened_at")).toInstant();
        Instant deadline = ((java.sql.Timestamp) row.get("deadline")).toInstant();
        assertThat(opened).isAfterOrEqualTo(before.minusMillis(1));
        assertThat(Duration.between(opened, deadline)).isEqualTo(Duration.ofMinutes(5));
        assertThat(scheduledAt(incidentId, 1)).isEqualTo(deadline);

        assertThat(events.stream(IncidentOpened.class)
                        .filter(e -> e.incidentId().equals(incidentId)))
                .singleElement()
                .satisfies(e -> assertThat(e.level()).isEqualTo(RiskLevel.IMMINENT));
        assertThat(events.stream(RiskDetected.class).filter(e -> incidentId.equals(e.incidentId())))
                .hasSize(1);
        assertThat(safety.inSafetyMode(thread)).isTrue();

        // The responder hears of it in the app, and an email is either delivered (to the outbox,
        // without SMTP configured) or persistently queued for delivery; NotificationsIntegrationTests
        // covers delivery itself.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(notificationKinds(responder.id())).contains("safety.incident.opened");
            assertThat(jdbc.sql("""
                                    select count(*) from notification n
                                    where n.recipient_id = :responder and n.email
                                      and (exists (select 1 from email_outbox o where o.recipient = :to)
                                           or exists (select 1 from scheduled_tasks t
                                                      where t.task_name = 'notify-email'
                                                        and t.task_instance = n.id::text))
                                    """)
                            .param("responder", responder.id())
                            .param("to", responder.email())
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        });
    }

    @Test
    void reviewsModerateRiskWithinADayAndKeepsTheThreadInSafetyMode() {
        UUID thread = UUID.randomUUID();
        SafetyDecision decision = safety.screen(message(member, thread, MODERATE_TEXT, Locale.US));

        assertThat(decision.screening().level()).isEqualTo(RiskLevel.MODERATE);
        assertThat(decision.reply().kind()).isEqualTo("SAFETY");
        assertThat(decision.reply().text()).contains("988");
        Incident incident = incident(decision.incidentId());
        assertThat(Duration.between(incident.openedAt(), incident.deadline())).isEqualTo(Duration.ofHours(24));
        assertThat(scheduledAt(incident.id(), 1)).isEqualTo(incident.deadline());

        SafetyDecision calm = safety.screen(message(member, thread, NONE_TEXT, Locale.US));
        assertThat(calm.overridesReply()).isFalse();
        assertThat(safety.inSafetyMode(thread)).isTrue();
        assertThat(safety.inSafetyMode(UUID.randomUUID())).isFalse();
    }

    @Test
    void escalatesAnUnacknowledgedHighIncidentAfterFifteenMinutes() {
        SafetyDecision decision = safety.screen(message(member, null, HIGH_TEXT, Locale.US));
        UUID id = decision.incidentId();
        Incident opened = incident(id);
        assertThat(opened.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(Duration.between(opened.openedAt(), opened.deadline())).isEqualTo(Duration.ofMinutes(15));

        clock.advance(Duration.ofMinutes(14));
        // Not yet due: the job is still waiting in the table.
        assertThat(scheduledAt(id, 1)).isEqualTo(opened.deadline());

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> incident(id).escalationTier() == 2);

        Incident escalated = incident(id);
        assertThat(escalated.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(scheduledAt(id, 2)).isEqualTo(escalated.deadline());
        assertThat(jdbc.sql("select count(*) from safety_escalation where incident_id = :id and tier = 2")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(notificationKinds(admin.id())).contains("safety.incident.escalated");
            assertThat(notificationKinds(responder.id())).contains("safety.incident.escalated");
        });
    }

    @Test
    void acknowledgingStopsTheEscalationAndASecondAcknowledgementConflicts() throws Exception {
        UUID id = safety.screen(message(member, null, IMMINENT_TEXT, Locale.US)).incidentId();
        assertThat(scheduledAt(id, 1)).isNotNull();

        mvc.perform(post("/api/v1/safety/incidents/{id}/acknowledge", id).with(as(responder)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.acknowledgedBy").value(responder.id().toString()));
        assertThat(scheduledAt(id, 1)).isNull();
        assertThat(events.stream(IncidentAcknowledged.class)
                        .filter(e -> e.incidentId().equals(id)))
                .hasSize(1);

        mvc.perform(post("/api/v1/safety/incidents/{id}/acknowledge", id).with(as(responder)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void resolvesWithAnOutcomeAndANote() throws Exception {
        UUID id = safety.screen(message(member, null, HIGH_TEXT, Locale.US)).incidentId();
        mvc.perform(post("/api/v1/safety/incidents/{id}/acknowledge", id).with(as(responder)))
                .andExpect(status().isOk());

        mvc.perform(post("/api/v1/safety/incidents/{id}/resolve", id)
                        .with(as(responder))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"NOT_AN_OUTCOME\",\"note\":\"x\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/safety/incidents/{id}/resolve", id)
                        .with(as(responder))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"CONTACTED_SAFE\",\"note\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.note").exists());
        mvc.perform(
                        post("/api/v1/safety/incidents/{id}/resolve", id)
                                .with(as(responder))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"outcome\":\"CONTACTED_SAFE\",\"note\":\"Called; safety plan agreed with family.\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RESOLVED"))
                .andExpect(jsonPath("$.outcome").value("CONTACTED_SAFE"));

        Incident resolved = incident(id);
        assertThat(resolved.resolvedBy()).isEqualTo(responder.id());
        assertThat(resolved.resolutionNote()).isEqualTo("Called; safety plan agreed with family.");
        assertThat(events.stream(IncidentResolved.class)
                        .filter(e -> e.incidentId().equals(id)))
                .singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(IncidentOutcome.CONTACTED_SAFE));
        mvc.perform(post("/api/v1/safety/incidents/{id}/acknowledge", id).with(as(responder)))
                .andExpect(status().isConflict());
    }

    @Test
    void listsTheOrganizationsIncidentsMostUrgentFirst() throws Exception {
        UUID moderate =
                safety.screen(message(member, null, MODERATE_TEXT, Locale.US)).incidentId();
        UUID imminent = safety.screen(
                        message(accounts.add(organization, Role.MEMBER).id(), null, IMMINENT_TEXT, Locale.US))
                .incidentId();
        UUID high = safety.screen(
                        message(accounts.add(organization, Role.MEMBER).id(), null, HIGH_TEXT, Locale.US))
                .incidentId();
        UUID elsewhere = safety.screen(message(UUID.randomUUID(), UUID.randomUUID(), null, IMMINENT_TEXT, Locale.US))
                .incidentId();

        mvc.perform(get("/api/v1/safety/incidents").param("status", "OPEN").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.incidents.length()").value(3))
                .andExpect(jsonPath("$.incidents[0].id").value(imminent.toString()))
                .andExpect(jsonPath("$.incidents[1].id").value(high.toString()))
                .andExpect(jsonPath("$.incidents[2].id").value(moderate.toString()))
                .andExpect(jsonPath("$.incidents[0].signals[0].code").exists());
        assertThat(elsewhere).isNotNull();
    }

    @Test
    void refusesMembersAndHidesOtherOrganizationsIncidents() throws Exception {
        UUID id = safety.screen(message(member, null, HIGH_TEXT, Locale.US)).incidentId();
        Caller asMember = Caller.person(member, organization, java.util.Set.of(Role.MEMBER));
        mvc.perform(get("/api/v1/safety/incidents").with(as(asMember))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/safety/incidents/{id}/acknowledge", id).with(as(asMember)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/safety/screen")
                        .with(as(asMember))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"hello\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/safety/incidents")).andExpect(status().isUnauthorized());

        Account stranger = accounts.add(UUID.randomUUID(), Role.RESPONDER);
        mvc.perform(post("/api/v1/safety/incidents/{id}/acknowledge", id).with(as(stranger)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(incident(id).status()).isEqualTo(IncidentStatus.OPEN);
    }

    @Test
    void flagsAnOrganizationWithoutResponderAndStillShowsTheCrisisCard() throws Exception {
        UUID lonely = UUID.randomUUID();
        Account lonelyAdmin = accounts.add(lonely, Role.ORG_ADMIN);
        UUID someone = accounts.add(lonely, Role.MEMBER).id();

        SafetyDecision decision = safety.screen(message(someone, lonely, null, HIGH_TEXT, Locale.US));
        assertThat(decision.reply().kind()).isEqualTo("CRISIS");
        assertThat(decision.reply().text()).contains("988");
        assertThat(incident(decision.incidentId()).noResponder()).isTrue();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.sql(
                                "select priority from notification where recipient_id = :id and kind = 'safety.responder.missing'")
                        .param("id", lonelyAdmin.id())
                        .query(String.class)
                        .list())
                .containsExactly("CRITICAL"));
        mvc.perform(get("/api/v1/safety/incidents").with(as(lonelyAdmin)))
                .andExpect(jsonPath("$.incidents[0].noResponder").value(true));
        mvc.perform(get("/responder/incidents").with(as(lonelyAdmin)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("no safety responder"),
                                // The admin reaches the queue from the navigation, but may not act on it.
                                org.hamcrest.Matchers.containsString(
                                        "<a href=\"/responder/incidents\" aria-current=\"page\">Incidents</a>"),
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(">Acknowledge<")))));
    }

    @Test
    void givesTheHelperProtocolWhenSomeoneElseIsAtRisk() {
        UUID thread = UUID.randomUUID();
        SafetyDecision decision = safety.screen(message(member, thread, THIRD_PARTY_TEXT, Locale.US));
        assertThat(decision.screening().categories()).contains(org.hearth.nlp.risk.RiskCategory.THIRD_PARTY);
        assertThat(decision.reply().kind()).isEqualTo("SAFETY");
        assertThat(decision.reply().text()).contains("Encourage them to call or text 988");
        assertThat(decision.incidentId()).isNull();
        assertThat(safety.inSafetyMode(thread)).isFalse();
    }

    @Test
    void tellsAMemberWhoseFatherCollapsedToCallTheEmergencyNumberNotHowToSupportHim() {
        SafetyDecision decision = safety.screen(message(
                member,
                UUID.randomUUID(),
                "my dad has collapsed in the garden, he's breathing funny and won't answer",
                Locale.US));
        assertThat(decision.screening().level()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(decision.screening().categories()).contains(org.hearth.nlp.risk.RiskCategory.MEDICAL);
        assertThat(decision.reply().kind()).isEqualTo("CRISIS");
        assertThat(decision.reply().text()).startsWith("This sounds like a medical emergency. Call 911 now");
    }

    @Test
    void showsAChildAbusedAtHomeTheirOwnProtocolThoughTheAbuserIsTheSubject() {
        SafetyDecision decision = safety.screen(message(
                member, UUID.randomUUID(), "my stepdad comes into my room at night when mum is asleep", Locale.US));
        assertThat(decision.screening().level()).isGreaterThanOrEqualTo(RiskLevel.HIGH);
        assertThat(decision.screening().categories())
                .contains(org.hearth.nlp.risk.RiskCategory.ABUSE)
                .doesNotContain(org.hearth.nlp.risk.RiskCategory.THIRD_PARTY);
        assertThat(decision.reply().kind()).isEqualTo("CRISIS");
        assertThat(decision.reply().text()).startsWith("If you or someone else is in danger right now, call 911");
    }

    @Test
    void letsTheCompanionAnswerWhenThereIsNoRisk() {
        SafetyDecision decision = safety.screen(message(member, UUID.randomUUID(), NONE_TEXT, Locale.US));
        assertThat(decision.screening().level()).isEqualTo(RiskLevel.NONE);
        assertThat(decision.overridesReply()).isFalse();
        assertThat(decision.incidentId()).isNull();
    }

    @Test
    void fallsBackByCountryThenToTheInternationalDefault() {
        assertThat(safety.screen(message(member, null, HIGH_TEXT, Locale.forLanguageTag("en-GB")))
                        .reply()
                        .text())
                .contains("116 123");
        // A French-speaking Canadian gets Canada's lines.
        assertThat(safety.hotlines(Locale.forLanguageTag("fr-CA")))
                .anySatisfy(line -> assertThat(line.name()).contains("9-8-8"));
        ProtocolReply unknown = safety.screen(message(
                        accounts.add(organization, Role.MEMBER).id(),
                        null,
                        IMMINENT_TEXT,
                        Locale.forLanguageTag("de-DE")))
                .reply();
        assertThat(unknown.text()).contains("emergency number").contains("findahelpline.com");
        assertThat(unknown.textVersion()).startsWith("default@");
    }

    @Test
    void screensOverTheApiWithoutOpeningAnIncident() throws Exception {
        int before = incidentCount();
        Caller client = Caller.apiKey(UUID.randomUUID(), organization);
        mvc.perform(post("/api/v1/safety/screen")
                        .with(as(client))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"" + IMMINENT_TEXT + "\",\"locale\":\"en-US\",\"context\":[\"" + NONE_TEXT
                                + "\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("IMMINENT"))
                .andExpect(jsonPath("$.categories").isArray())
                .andExpect(jsonPath("$.signals[0].stage").exists())
                .andExpect(jsonPath("$.signals[0].code").exists())
                .andExpect(jsonPath("$.signals[0].level").exists())
                .andExpect(jsonPath("$.signals[0].explanation").exists());
        mvc.perform(post("/api/v1/safety/screen/batch")
                        .with(as(responder))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"text\":\"" + NONE_TEXT + "\"},{\"text\":\"" + HIGH_TEXT + "\"}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].level").value("NONE"))
                .andExpect(jsonPath("$.results[1].level").value("HIGH"));
        String tooMany =
                "{\"items\":[" + String.join(",", java.util.Collections.nCopies(257, "{\"text\":\"hello\"}")) + "]}";
        mvc.perform(post("/api/v1/safety/screen/batch")
                        .with(as(responder))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tooMany))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.items").exists());
        assertThat(incidentCount()).isEqualTo(before);
    }

    @Test
    void servesTheCrisisLinesToAnyone() throws Exception {
        mvc.perform(get("/api/v1/safety/resources").param("locale", "en-GB"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locale").value("en-GB"))
                .andExpect(jsonPath("$.version").exists())
                .andExpect(jsonPath("$.hotlines[0].phone").value("999"))
                .andExpect(jsonPath("$.hotlines[1].phone").value("116123"));
        mvc.perform(get("/api/v1/safety/resources").param("locale", "pt-BR"))
                .andExpect(jsonPath("$.locale").value("default"))
                .andExpect(jsonPath("$.hotlines[1].url").value("https://findahelpline.com"));
        mvc.perform(get("/api/v1/safety/resources"))
                .andExpect(jsonPath("$.locale").value("en-US"));
    }

    @Test
    void showsTheHelpPageWithTapToCallAndTapToText() throws Exception {
        mvc.perform(get("/help"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("href=\"tel:988\""),
                                org.hamcrest.Matchers.containsString("href=\"sms:988\""),
                                org.hamcrest.Matchers.containsString("href=\"sms:741741?&amp;body=HOME\""),
                                org.hamcrest.Matchers.containsString("href=\"tel:911\""),
                                org.hamcrest.Matchers.containsString("Are you safe right now?"),
                                org.hamcrest.Matchers.containsString("Worried about someone else?"),
                                // Inside the shared layout: the header's help link, the app's and the page's styles.
                                org.hamcrest.Matchers.containsString(
                                        "<a class=\"help-link\" href=\"/help\">Need help now?</a>"),
                                org.hamcrest.Matchers.containsString("href=\"/css/hearth.css\""),
                                org.hamcrest.Matchers.containsString("href=\"/css/safety.css\""),
                                org.hamcrest.Matchers.containsString("href=\"/help?locale=en-GB\""),
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("style=\"")))));
        mvc.perform(get("/help").header("Accept-Language", "en-GB,en;q=0.8"))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("href=\"tel:116123\""),
                                org.hamcrest.Matchers.containsString("href=\"tel:999\""))));
        mvc.perform(get("/help").param("locale", "en-NZ"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"sms:1737\"")));
    }

    @Test
    void showsEachReasonOnceAndWhatTheIncidentIsAboutInAFixedOrder() throws Exception {
        UUID id = safety.screen(message(
                        member,
                        null,
                        "my dad has collapsed in the garden, he's breathing funny and won't answer",
                        Locale.US))
                .incidentId();
        String page = mvc.perform(get("/responder/incidents").with(as(responder)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int start = page.indexOf("data-incident-id=\"" + id + "\"");
        String item = page.substring(start, page.indexOf("</ul>", page.indexOf("incident__signals", start)));
        // The rule fires for MEDICAL and for THIRD_PARTY with one explanation; the responder reads it once.
        String reason = "About someone else: symptoms of a medical emergency";
        assertThat(item.indexOf(reason)).isNotNegative().isEqualTo(item.lastIndexOf(reason));
        assertThat(item).contains("<span class=\"incident__categories\">medical, third party</span>");
    }

    @Test
    void showsTheResponderQueueAndAcknowledgesFromIt() throws Exception {
        UUID id = safety.screen(message(member, null, IMMINENT_TEXT, Locale.US)).incidentId();
        mvc.perform(get("/responder/incidents").with(as(responder)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString(id.toString()),
                                org.hamcrest.Matchers.containsString("IMMINENT"),
                                // What the risk is about, at a glance: an overdose is suicide and medical.
                                org.hamcrest.Matchers.matchesRegex(
                                        "(?s).*<span class=\"incident__categories\">[a-z ,]*medical[a-z ,]*</span>.*"),
                                org.hamcrest.Matchers.containsString("name=\"_csrf\""),
                                org.hamcrest.Matchers.containsString("hx-get=\"/responder/incidents/list\""),
                                org.hamcrest.Matchers.containsString("hx-trigger=\"every 10s\""),
                                // Inside the shared layout: help link, and the navigation marks this page.
                                org.hamcrest.Matchers.containsString(
                                        "<a class=\"help-link\" href=\"/help\">Need help now?</a>"),
                                org.hamcrest.Matchers.containsString(
                                        "<a href=\"/responder/incidents\" aria-current=\"page\">Incidents</a>"),
                                org.hamcrest.Matchers.containsString("href=\"/css/safety.css\""))));
        mvc.perform(get("/responder/incidents/list").with(as(responder)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.startsWith("<div id=\"queue\""),
                                org.hamcrest.Matchers.containsString(id.toString()),
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("site-header")))));
        mvc.perform(post("/responder/incidents/{id}/acknowledge", id).with(as(responder)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/responder/incidents/{id}/acknowledge", id)
                        .with(as(responder))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(incident(id).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        mvc.perform(post("/responder/incidents/{id}/resolve", id)
                        .with(as(responder))
                        .with(csrf())
                        .param("outcome", "REFERRED")
                        .param("note", "Referred to their clinician."))
                .andExpect(status().is3xxRedirection());
        assertThat(incident(id).outcome()).isEqualTo(IncidentOutcome.REFERRED);
        Caller asMember = Caller.person(member, organization, java.util.Set.of(Role.MEMBER));
        mvc.perform(get("/responder/incidents").with(as(asMember))).andExpect(status().isForbidden());
    }

    @Test
    void keepsTheMembersWordsOutOfIncidentsEventsNotificationsAndLogs(CapturedOutput output) {
        String marker = "quokka"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        String text = IMMINENT_TEXT + " " + marker;
        UUID lonely = UUID.randomUUID();
        accounts.add(lonely, Role.ORG_ADMIN);
        SafetyDecision withResponder = safety.screen(message(member, UUID.randomUUID(), text, Locale.US));
        SafetyDecision withoutResponder = safety.screen(
                message(accounts.add(lonely, Role.MEMBER).id(), lonely, UUID.randomUUID(), text, Locale.US));
        UUID id = withResponder.incidentId();
        assertThat(id).isNotNull();
        assertThat(withoutResponder.incidentId()).isNotNull();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(notificationKinds(responder.id()))
                .contains("safety.incident.opened"));
        assertThat(count("select count(*) from event_publication where serialized_event like :m", "%" + id + "%"))
                .isPositive();
        assertThat(count("select count(*) from event_publication where serialized_event ilike :m", "%" + marker + "%"))
                .isZero();
        assertThat(count(
                        "select count(*) from safety_incident i where row_to_json(i)::text ilike :m",
                        "%" + marker + "%"))
                .isZero();
        assertThat(count("select count(*) from notification n where row_to_json(n)::text ilike :m", "%" + marker + "%"))
                .isZero();
        assertThat(count("select count(*) from email_outbox o where row_to_json(o)::text ilike :m", "%" + marker + "%"))
                .isZero();
        assertThat(count(
                        "select count(*) from scheduled_tasks t where row_to_json(t)::text ilike :m",
                        "%" + marker + "%"))
                .isZero();
        // The missing responder is logged (with ids only) by the listener, after the commit.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(output.getAll())
                .contains(withoutResponder.incidentId().toString()));
        assertThat(output.getAll()).doesNotContain(marker);
    }

    MemberText message(UUID memberId, UUID thread, String text, Locale locale) {
        return message(memberId, organization, thread, text, locale);
    }

    static MemberText message(UUID memberId, UUID organizationId, UUID thread, String text, Locale locale) {
        return new MemberText(
                memberId, organizationId, RiskSource.MESSAGE, UUID.randomUUID(), thread, text, List.of(), locale);
    }

    Incident incident(UUID id) {
        return jdbcIncidents().find(id).orElseThrow();
    }

    @Autowired
    Incidents incidents;

    Incidents jdbcIncidents() {
        return incidents;
    }

    Instant scheduledAt(UUID incidentId, int tier) {
        return jdbc.sql("select execution_time from scheduled_tasks where task_name = 'safety-incident-deadline'"
                        + " and task_instance = :instance")
                .param("instance", IncidentDeadlines.instanceId(incidentId, tier))
                .query(java.sql.Timestamp.class)
                .optional()
                .map(java.sql.Timestamp::toInstant)
                .orElse(null);
    }

    List<String> notificationKinds(UUID recipient) {
        return jdbc.sql("select kind from notification where recipient_id = :id")
                .param("id", recipient)
                .query(String.class)
                .list();
    }

    int incidentCount() {
        return jdbc.sql("select count(*) from safety_incident")
                .query(Integer.class)
                .single();
    }

    int count(String sql, String value) {
        return jdbc.sql(sql).param("m", value).query(Integer.class).single();
    }

    static RequestPostProcessor as(Account account) {
        return as(Caller.person(account.id(), account.organizationId(), account.roles()));
    }

    static RequestPostProcessor as(Caller caller) {
        List<SimpleGrantedAuthority> authorities = caller.apiKeyId() != null
                ? List.of(new SimpleGrantedAuthority(Role.API_CLIENT_AUTHORITY))
                : caller.roles().stream()
                        .map(role -> new SimpleGrantedAuthority(role.authority()))
                        .toList();
        return authentication(new UsernamePasswordAuthenticationToken(caller, null, authorities));
    }
}
