package org.hearth.companion;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hearth.web.BrowserSupport;
import org.hearth.web.BrowserTest;
import org.hearth.web.Journeys;
import org.junit.jupiter.api.Test;

/**
 * A member talks with the companion in a real Chromium on a 360 px phone: the replies stream in
 * over the session (fetch + ReadableStream), the phase is shown in words, an exercise card appears
 * once the conversation reaches a next step and opens the exercise, and a crisis message gets the
 * safety module's crisis card with tap-to-call.
 */
@BrowserTest
class ConversationBrowserTests {

    /** A member talking about stress and sleep, as a person would type it (as in the API's test). */
    static final List<String> STRESS_AND_SLEEP = List.of(
            "I'm so stressed and anxious lately, work has been completely overwhelming.",
            "My manager keeps adding deadlines and I'm worried I'll fall behind and let everyone down at work.",
            "And then at night I lie awake until 3am going over everything I didn't finish, so I barely sleep.",
            "I can't stop thinking about it, I always mess everything up and everyone will see I'm a failure.",
            "Maybe not everything, I did finish the big report last week and my manager said it was good.",
            "What can I do to actually get some sleep tonight?",
            "Okay, I'll try that tonight before bed.",
            "Thank you, that actually helps. Goodbye for now.");

    static final LocatorAssertions.HasTextOptions A_REPLY_TIME =
            new LocatorAssertions.HasTextOptions().setTimeout(20_000);

    @Test
    void streamsRepliesThroughTheWholeConversationAndOpensTheOfferedExercise(Page page) {
        String email = Journeys.newMemberOnAPhone(page, "Noor", "en-US");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Talk").setExact(true))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a new conversation"))
                .click();
        assertThat(page.locator("#phase")).hasText("Listening");
        assertFitsThePhone(page);
        BrowserSupport.screenshot(page, "conversation-empty-360");
        String threadUrl = page.url();

        List<String> phases = new ArrayList<>();
        int exerciseAt = -1;
        for (int i = 0; i < STRESS_AND_SLEEP.size(); i++) {
            page.getByLabel("Your message").fill(STRESS_AND_SLEEP.get(i));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                    .click();
            assertThat(page.locator("#conversation-status")).hasText("Hearth replied.", A_REPLY_TIME);
            // The page never reloaded: the reply came over the stream.
            assertThat(page).hasURL(threadUrl);
            Locator replies = page.locator(".turn--companion");
            assertThat(replies).hasCount(i + 1);
            assertThat(replies.last().locator(".turn__text")).not().isEmpty();
            assertThat(page.locator(".turn--member").last()).containsText(STRESS_AND_SLEEP.get(i));
            phases.add(page.locator("#phase").textContent());
            if (exerciseAt < 0 && replies.last().locator(".exercise-card").count() > 0) {
                exerciseAt = i;
                assertFitsThePhone(page);
                BrowserSupport.screenshot(page, "conversation-exercise-card-360");
            }
        }
        assertThat(phases)
                .as("phases shown")
                .containsSubsequence(
                        "Listening",
                        "Putting it into words",
                        "Looking at it from another side",
                        "Finding a small next step");
        assertThat(exerciseAt).as("an exercise card appeared; phases " + phases).isGreaterThanOrEqualTo(0);

        // The thread reads back intact from the server, without the script's help.
        page.reload();
        assertThat(page.locator(".turn--member")).hasCount(STRESS_AND_SLEEP.size());
        assertThat(page.locator(".turn--companion")).hasCount(STRESS_AND_SLEEP.size());
        assertThat(page.locator(".turn--member").first()).containsText(STRESS_AND_SLEEP.getFirst());

        Locator card = page.locator(".exercise-card").first();
        String title = card.locator(".exercise-card__title").textContent();
        card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open the exercise"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(title);
    }

    @Test
    void answersACrisisMessageWithTheCrisisCardAndTapToCall(Page page) {
        String email = Journeys.newMemberOnAPhone(page, "Kit", "en-US");
        page.navigate("/conversations");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a new conversation"))
                .click();

        page.getByLabel("Your message").fill("i took all of my pills about an hour ago");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();

        Locator crisis = page.locator(".crisis-card");
        assertThat(crisis).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        assertThat(crisis).hasAttribute("data-kind", "CRISIS");
        assertThat(crisis.locator(".crisis-card__lines a[href='tel:911']")).isVisible();
        assertThat(crisis.locator(".crisis-card__lines a[href='tel:988']")).isVisible();
        assertThat(page.locator(".exercise-card")).hasCount(0);
        assertFitsThePhone(page);
        BrowserSupport.screenshot(page, "conversation-crisis-360");

        // Another member who has the thread's address gets the not-found page, and none of its words.
        String threadPath = page.url().replaceAll("^https?://[^/]+", "").replaceAll("#.*$", "");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        Journeys.signUpAndSignIn(page, "Other");
        Response response = page.navigate(threadPath);
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.content()).doesNotContain("pills");
        assertThat(page.locator(".crisis-card")).hasCount(0);
    }

    @Test
    void answersTheFormWithoutJavaScriptToo(Page page) {
        String email = Journeys.newEmail();
        Journeys.signUp(page, email, "Ida", "en-US");
        Journeys.signIn(page, email);
        String base = page.url().replaceAll("/$", "");
        Browser browser = page.context().browser();
        try (BrowserContext noScript = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(base)
                .setJavaScriptEnabled(false)
                .setViewportSize(360, 780))) {
            // The same signed-in session, in a browser that runs no script at all.
            noScript.addCookies(page.context().cookies());
            Page plain = noScript.newPage();
            plain.navigate("/conversations");
            plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a new conversation"))
                    .click();
            plain.getByLabel("Your message").fill(STRESS_AND_SLEEP.getFirst());
            plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                    .click();

            assertThat(plain).hasURL(Pattern.compile("/conversations/[0-9a-f-]+/messages$"));
            assertThat(plain.locator(".turn--member")).hasCount(1);
            assertThat(plain.locator(".turn--companion .turn__text")).not().isEmpty();
            BrowserSupport.screenshot(plain, "conversation-no-script-360");
        }
    }

    private static void assertFitsThePhone(Page page) {
        Number width = (Number) page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(width.intValue()).isLessThanOrEqualTo(360);
    }
}
