package org.hearth.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hearth.identity.Caller;
import org.hearth.identity.Role;
import org.hearth.platform.MutableClock;
import org.hearth.platform.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@Import({AssessmentTestConfiguration.class, TestClockConfiguration.class})
class AssessmentPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordingSafety safety;

    @Autowired
    MutableClock clock;

    Caller member;

    @BeforeEach
    void newMember() {
        member = Caller.person(UUID.randomUUID(), UUID.randomUUID(), Set.of(Role.MEMBER));
        safety.clear();
    }

    /** Posts one screen the way a browser would: the hidden fields it was given plus the chosen radio. */
    private String answer(String instrument, String page, Integer choice, String action) throws Exception {
        String step = page.replaceAll("(?s).*name=\"step\" value=\"(\\d+)\".*", "$1");
        String answers = page.replaceAll("(?s).*name=\"answers\" value=\"([^\"]*)\".*", "$1");
        var request = post("/assessments/{id}", instrument)
                .locale(java.util.Locale.US)
                .with(AssessmentApiIntegrationTests.as(member))
                .with(csrf())
                .param("step", step)
                .param("answers", answers)
                .param("action", action);
        if (choice != null) {
            request.param("answer", String.valueOf(choice));
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void takesAPhq9OneAccessibleItemPerScreenAndExplainsTheBand() throws Exception {
        String page = mvc.perform(get("/assessments/phq-9").with(AssessmentApiIntegrationTests.as(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<fieldset")))
                .andExpect(content()
                        .string(containsString("<legend>Little interest or pleasure in doing things</legend>")))
                .andExpect(content().string(containsString("<label class=\"option\" for=\"answer-0\">")))
                .andExpect(content().string(not(containsString("value=\"back\""))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("<span>1</span> of <span>9</span>");
        assertLaidOutWithoutInlineStyles(page);

        page = answer("phq-9", page, null, "next");
        assertThat(page).contains("role=\"alert\"").contains("Please choose one answer");

        page = answer("phq-9", page, 3, "next");
        assertThat(page).contains("<span>2</span> of <span>9</span>").contains("Feeling down, depressed, or hopeless");
        page = answer("phq-9", page, null, "back");
        assertThat(page).contains("<span>1</span> of <span>9</span>").contains("value=\"3\" checked");
        page = answer("phq-9", page, 3, "next");
        for (int i = 1; i < 8; i++) {
            page = answer("phq-9", page, 1, "next");
        }
        assertThat(page).contains("<span>9</span> of <span>9</span>").contains(">Finish<");
        page = answer("phq-9", page, 0, "next");
        // 3 + 7 × 1 + 0 = 10: moderate, and item 9 at zero raises nothing.
        assertThat(page)
                .contains("<strong>10</strong>")
                .contains("Moderate")
                .contains("What could help next")
                .contains("talking therapies");
        assertLaidOutWithoutInlineStyles(page);
        assertThat(page).doesNotContain("class=\"crisis-card\"");
        assertThat(safety.reports).isEmpty();
    }

    @Test
    void showsTheCrisisReplyFirstWhenItem9IsFrequent() throws Exception {
        String page = mvc.perform(get("/assessments/phq-9").with(AssessmentApiIntegrationTests.as(member)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (int i = 0; i < 8; i++) {
            page = answer("phq-9", page, 0, "next");
        }
        page = answer("phq-9", page, 2, "next");
        assertThat(page)
                .contains("class=\"crisis-card\"")
                .contains("Are you safe right now?")
                .contains("href=\"tel:988\"");
        assertLaidOutWithoutInlineStyles(page);
        // Routine next steps are left out beside a crisis reply; the page points back to the card.
        assertThat(page)
                .doesNotContain("What could help next")
                .contains("One of your answers matters more than this total.");
        assertThat(page.indexOf("class=\"crisis-card\"")).isLessThan(page.indexOf("<h1>Your PHQ-9 result</h1>"));
        assertThat(safety.reports).singleElement().satisfies(r -> assertThat(r.memberId())
                .isEqualTo(member.userId()));
    }

    @Test
    void skipsTheScreenerQuestionsItsBranchingDoesNotAsk() throws Exception {
        String page = mvc.perform(get("/assessments/cssrs-screen").with(AssessmentApiIntegrationTests.as(member)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        page = answer("cssrs-screen", page, 0, "next");
        page = answer("cssrs-screen", page, 0, "next");
        assertThat(page).contains("Have you ever done anything").contains("<span>3</span> of <span>3</span>");
        page = answer("cssrs-screen", page, 0, "next");
        assertThat(page).contains("Your C-SSRS Screener result").doesNotContain("class=\"crisis-card\"");
        assertThat(safety.reports).isEmpty();
    }

    @Test
    void drawsTheHistoryWithBandsAndReliableChangeMarkers() throws Exception {
        Instrument phq = new InstrumentCatalogue().require("phq-9");
        for (int score : new int[] {18, 11, 7}) {
            List<Integer> answers = new ArrayList<>(AssessmentApiIntegrationTests.vectorFor(phq, score));
            mvc.perform(post("/api/v1/assessments/phq-9/responses")
                            .with(AssessmentApiIntegrationTests.as(member))
                            .with(csrf())
                            .contentType("application/json")
                            .content("{\"answers\":" + answers + "}"))
                    .andExpect(status().isCreated());
            clock.advance(Duration.ofDays(14));
        }
        String page = mvc.perform(get("/assessments/history")
                        .param("instrument", "phq-9")
                        .with(AssessmentApiIntegrationTests.as(member)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("<svg").contains("role=\"img\"").contains("Moderately severe");
        assertThat(page.split("data-marker=\"reliable-improvement\"", -1)).hasSize(3);
        assertThat(page)
                .contains("reliable improvement")
                .contains("reliable recovery")
                .contains("Reliably better");
        assertLaidOutWithoutInlineStyles(page);
    }

    @Test
    void listsTheQuestionnairesInTheSharedLayout() throws Exception {
        String page = mvc.perform(get("/assessments").with(AssessmentApiIntegrationTests.as(member)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("<h1>Questionnaires</h1>").contains("href=\"/assessments/phq-9\"");
        assertLaidOutWithoutInlineStyles(page);
        assertThat(page).contains("<a href=\"/assessments\" aria-current=\"page\">Assessments</a>");
    }

    /**
     * The app's content security policy is {@code style-src 'self'} with no inline scripts, so a page
     * must bring its looks in stylesheets; it also lives inside the shared layout.
     */
    static void assertLaidOutWithoutInlineStyles(String page) {
        assertThat(page)
                .doesNotContain("<style")
                .doesNotContain(" style=\"")
                .doesNotContain("<script>")
                .doesNotContain(" onclick=")
                .contains("<link rel=\"stylesheet\" href=\"/css/hearth.css\">")
                .contains("<link rel=\"stylesheet\" href=\"/css/assessment.css\">")
                .contains("class=\"site-header\"")
                .contains("<main id=\"main\"");
        assertThat(page.split("<html", -1)).hasSize(2);
    }

    @Test
    void keepsThePagesForMembers() throws Exception {
        Caller clinician = Caller.person(UUID.randomUUID(), UUID.randomUUID(), Set.of(Role.CLINICIAN));
        mvc.perform(get("/assessments/phq-9").with(AssessmentApiIntegrationTests.as(clinician)))
                .andExpect(status().isForbidden());
    }
}
