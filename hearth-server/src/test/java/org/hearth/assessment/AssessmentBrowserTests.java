package org.hearth.assessment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.hearth.web.BrowserSupport;
import org.hearth.web.BrowserTest;
import org.hearth.web.Journeys;
import org.junit.jupiter.api.Test;

/**
 * A member takes the PHQ-9 in a real Chromium on a 360 px wide phone screen, one question per
 * screen, through the shared layout and under the app's content security policy (BrowserSupport
 * fails the test on any policy violation).
 */
@BrowserTest
class AssessmentBrowserTests {

    static final String NOT_AT_ALL = "Not at all";
    static final String SEVERAL_DAYS = "Several days";
    static final String MORE_THAN_HALF = "More than half the days";

    final Instrument phq9 = new InstrumentCatalogue().require("phq-9");

    @Test
    void takesThePhq9OnAPhoneAndSeesTheBandExplainedAndTheHistoryChart(Page page) {
        String email = Journeys.newMemberOnAPhone(page, "Ana", "en-US");

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Assessments").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Questionnaires");
        assertFitsThePhone(page);
        BrowserSupport.screenshot(page, "assessment-index-360");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("PHQ-9").setExact(true))
                .click();

        // 2 + 2 + six times 1 + 0 = 10: the moderate band, and item 9 raises nothing.
        answerAll(
                page,
                List.of(
                        MORE_THAN_HALF,
                        MORE_THAN_HALF,
                        SEVERAL_DAYS,
                        SEVERAL_DAYS,
                        SEVERAL_DAYS,
                        SEVERAL_DAYS,
                        SEVERAL_DAYS,
                        SEVERAL_DAYS,
                        NOT_AT_ALL));

        Instrument.Band moderate = phq9.bandsFor(null).stream()
                .filter(band -> band.contains(10))
                .findFirst()
                .orElseThrow();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Your PHQ-9 result");
        assertThat(page.locator(".result__score strong")).hasText("10");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(moderate.label())))
                .isVisible();
        assertThat(page.getByText(moderate.explanation())).isVisible();
        assertThat(page.getByText(moderate.nextSteps())).isVisible();
        assertThat(page.locator(".crisis-card")).hasCount(0);
        assertFitsThePhone(page);
        BrowserSupport.screenshot(page, "assessment-result-360");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See how this has changed over time"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("PHQ-9 over time");
        Locator chart = page.getByRole(
                AriaRole.IMG, new Page.GetByRoleOptions().setName(Pattern.compile("PHQ-9 scores over time")));
        assertThat(chart).isVisible();
        assertThat(chart.locator("circle.chart__dot")).hasCount(1);
        assertThat(page.locator(".history__table tbody tr")).hasCount(1);
        assertThat(page.locator(".history__table tbody td").nth(1)).hasText("10");
        assertFitsThePhone(page);
        BrowserSupport.screenshot(page, "assessment-history-360");
    }

    @Test
    void showsTheCrisisCardWithTapToCallWhenItem9IsMoreThanHalfTheDays(Page page) {
        String email = Journeys.newMemberOnAPhone(page, "Jo", "en-US");
        page.navigate("/assessments/phq-9");

        answerAll(
                page,
                List.of(
                        NOT_AT_ALL,
                        NOT_AT_ALL,
                        NOT_AT_ALL,
                        NOT_AT_ALL,
                        NOT_AT_ALL,
                        NOT_AT_ALL,
                        NOT_AT_ALL,
                        NOT_AT_ALL,
                        MORE_THAN_HALF));

        Locator card = page.locator(".crisis-card");
        assertThat(card).isVisible();
        assertThat(card.locator("a[href='tel:988']")).isVisible();
        // The card comes before the score.
        assertThat((Boolean) page.evaluate("() => !!(document.querySelector('.crisis-card').compareDocumentPosition("
                        + "document.querySelector('h1')) & Node.DOCUMENT_POSITION_FOLLOWING)"))
                .isTrue();
        assertFitsThePhone(page);
        BrowserSupport.screenshot(page, "assessment-crisis-360");

        // "No" reveals the urgent answer through :target, with no script and no inline style.
        assertThat(page.getByText("Please get help now.")).isHidden();
        card.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("No").setExact(true))
                .click();
        assertThat(page.getByText("Please get help now.")).isVisible();
    }

    /** Answers one item per screen by clicking the answer's label, then Next (Finish on the last). */
    private static void answerAll(Page page, List<String> answers) {
        for (int i = 0; i < answers.size(); i++) {
            assertThat(page.locator(".assessment__progress")).hasText("Question " + (i + 1) + " of " + answers.size());
            page.locator("label.option")
                    .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*" + answers.get(i) + "\\s*$")))
                    .click();
            if (i == 0) {
                assertFitsThePhone(page);
                BrowserSupport.screenshot(page, "assessment-item-360");
            }
            boolean last = i == answers.size() - 1;
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(last ? "Finish" : "Next"))
                    .click();
        }
    }

    /** Nothing sticks out sideways on the phone (the chart and table scroll inside their own boxes). */
    private static void assertFitsThePhone(Page page) {
        Number width = (Number) page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(width.intValue()).isLessThanOrEqualTo(360);
    }
}
