package org.hearth.journal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hearth.web.BrowserSupport;
import org.hearth.web.BrowserTest;
import org.hearth.web.Journeys;
import org.junit.jupiter.api.Test;

/**
 * A member keeps a journal, checks in on mood, fills a thought record and uses their data rights,
 * in a real Chromium on a 360 px phone, through the forms.
 */
@BrowserTest
class JournalBrowserTests {

    @Test
    void savesAJournalEntryAndReadsItBack(Page page) {
        page.setViewportSize(360, 780);
        Journeys.signUpAndSignIn(page, "Lia");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Journal").setExact(true))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write a new entry"))
                .click();
        String text = "Walked by the river after work " + UUID.randomUUID() + ".\nThe light on the water helped.";
        page.getByLabel("What is on your mind?").fill(text);
        page.getByLabel("Mood, from 1").fill("7");
        page.getByLabel("Tags, separated by commas").fill("walk, evening");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save entry"))
                .click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your entry is saved.");
        Locator entry = page.locator(".entry-item");
        assertThat(entry).hasCount(1);
        assertThat(entry.locator(".entry-item__meta")).containsText("Mood 7 of 10");
        assertThat(entry.locator(".tag")).hasText(new String[] {"walk", "evening"});
        assertFitsThePhone(page);
        BrowserSupport.screenshot(page, "journal-list-360");

        entry.locator(".entry-item__date").click();
        assertThat(page.getByLabel("What is on your mind?")).hasValue(text);
        assertThat(page.getByLabel("Tags, separated by commas")).hasValue("walk, evening");
        BrowserSupport.screenshot(page, "journal-editor-360");
    }

    @Test
    void showsTheCrisisCardWhenAnEntrySaysTheMemberIsInDanger(Page page) {
        String email = Journeys.newMemberOnAPhone(page, "Bo", "en-US");
        page.navigate("/journal/new");
        page.getByLabel("What is on your mind?").fill("i took all of my pills about an hour ago");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save entry"))
                .click();

        Locator card = page.locator(".crisis-card");
        assertThat(card).isVisible();
        assertThat(card.locator(".crisis-card__lines a[href='tel:988']")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Your words are saved");
    }

    @Test
    void recordsACheckInThatShowsOnTheThirtyDayChart(Page page) {
        page.setViewportSize(360, 780);
        Journeys.signUpAndSignIn(page, "Ari");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Check-in").setExact(true))
                .click();
        Locator chart = page.getByRole(
                AriaRole.IMG, new Page.GetByRoleOptions().setName(Pattern.compile("Mood over the last 30 days")));
        assertThat(chart.locator("circle.mood-chart__dot")).hasCount(0);

        page.locator("label.mood-scale__option")
                .filter(new Locator.FilterOptions().setHasText("7"))
                .click();
        page.getByLabel("Hours of sleep last night").fill("6.5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save check-in"))
                .click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your check-in is saved.");
        assertThat(chart.locator("circle.mood-chart__dot")).hasCount(1);
        assertThat(chart.locator("circle.mood-chart__dot"))
                .hasAttribute("data-label", Pattern.compile(": mood 7 of 10$"));
        assertThat(page.locator(".checkin-list li")).containsText(new String[] {"mood 7 of 10, 6.5 h sleep"});
        assertFitsThePhone(page);
        BrowserSupport.screenshot(page, "checkin-360");
    }

    @Test
    void stepsThroughAThoughtRecordAndFindsItInTheJournal(Page page) {
        page.setViewportSize(360, 780);
        Journeys.signUpAndSignIn(page, "Tam");
        page.navigate("/exercises/thought-record");
        assertThat(page.locator(".stepper__progress")).hasText("Part 1 of 7");
        page.getByLabel("Where were you").fill("In the team meeting on Monday.");
        next(page);
        page.getByLabel("What went through your mind").fill("They think my work is not good enough.");
        next(page);
        page.getByLabel("What did you feel?").fill("Anxious");
        page.getByLabel("How strong was it").fill("80");
        assertFitsThePhone(page);
        BrowserSupport.screenshot(page, "thought-record-360");
        next(page);
        page.getByLabel("Which facts seem to support it?").fill("Nobody said anything about my slides.");
        next(page);
        page.getByLabel("Which facts do not fit it").fill("My lead thanked me for the report last week.");
        next(page);
        page.getByLabel("What thought takes both lists").fill("Silence is not criticism; the report went well.");
        next(page);
        assertThat(page.locator(".stepper__progress")).hasText("Part 7 of 7");
        page.getByLabel("How strong is the same emotion now").fill("45");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save to my journal"))
                .click();

        assertThat(page).hasURL(Pattern.compile("/journal\\?saved$"));
        Locator entry = page.locator(".entry-item");
        assertThat(entry).hasCount(1);
        assertThat(entry.locator(".tag")).hasText("thought record");
        entry.locator(".entry-item__date").click();
        assertThat(page.getByLabel("What is on your mind?"))
                .hasValue(
                        Pattern.compile(
                                "Situation:\\nIn the team meeting on Monday\\.[\\s\\S]*Anxious \\(80 of 100\\)"
                                        + "[\\s\\S]*Balanced thought:\\nSilence is not criticism[\\s\\S]*Emotion afterwards:\\n45 of 100"));
    }

    @Test
    void downloadsTheArchiveAndThenErasesTheAccountAfterConfirmation(Page page) throws IOException {
        String email = Journeys.newMemberOnAPhone(page, "Eli", "en-GB");
        String marker = "heron-" + UUID.randomUUID();
        page.navigate("/journal/new");
        page.getByLabel("What is on your mind?").fill("Saw a " + marker + " today.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save entry"))
                .click();

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Settings").setExact(true))
                .click();
        assertThat(page.getByText(
                        "no one at your organization, staff included, can read your journal, even with your consent"))
                .isVisible();
        assertFitsThePhone(page);
        BrowserSupport.screenshot(page, "settings-360");
        Download download = page.waitForDownload(
                () -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download my data"))
                        .click());
        assertThat(download.suggestedFilename()).isEqualTo("hearth-export.json");
        assertThat(Files.readString(download.path())).contains(marker, email);

        // A wrong confirmation deletes nothing.
        page.getByLabel("To confirm, type DELETE").fill("delete");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete everything"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("To delete everything, type DELETE in capital letters.");

        // The same member signed in on a second device, whose session erasure must end too.
        String origin = page.url().replaceFirst("^(https?://[^/]+).*$", "$1");
        try (BrowserContext otherDevice =
                page.context().browser().newContext(new Browser.NewContextOptions().setBaseURL(origin))) {
            Page other = otherDevice.newPage();
            Journeys.signIn(other, email);
            other.navigate("/journal");
            assertThat(other.locator(".entry-item")).containsText(marker);

            page.getByLabel("To confirm, type DELETE").fill("DELETE");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete everything"))
                    .click();
            assertThat(page).hasURL(Pattern.compile("/signin\\?erased$"));
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your account and everything in it are deleted.");

            other.navigate("/journal");
            assertThat(other).hasURL(Pattern.compile("/signin\\?ended$"));
            assertThat(other.getByRole(AriaRole.STATUS)).containsText("You were signed out here");
        }

        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(Journeys.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/signin\\?error"));
    }

    private static void next(Page page) {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Next").setExact(true))
                .click();
    }

    private static void assertFitsThePhone(Page page) {
        Number width = (Number) page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(width.intValue()).isLessThanOrEqualTo(360);
    }
}
