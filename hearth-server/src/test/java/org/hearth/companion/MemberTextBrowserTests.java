package org.hearth.companion;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.hearth.web.BrowserTest;
import org.hearth.web.Journeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What a member types on the pages (a streamed message, a plain form post, a journal entry, a
 * check-in note, a thought record) reaches no log line of the application.
 */
@BrowserTest
@ExtendWith(OutputCaptureExtension.class)
class MemberTextBrowserTests {

    @Test
    void neverWritesWhatTheMemberTypedOnThePagesToTheLog(Page page, CapturedOutput output) {
        // The marker only has to be unique; an id-shaped one keeps the risk screen's reading of these
        // calm lines the same from run to run (the head is trained on ids added to text, but an odd
        // word with a random id after it could still tip it: "quillfeather-<id>" did, 27 times in 300).
        String marker = "qx" + UUID.randomUUID().toString().replace("-", "");
        Journeys.signUpAndSignIn(page, "Mo");

        page.navigate("/conversations");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a new conversation"))
                .click();
        page.getByLabel("Your message").fill("I keep thinking about " + marker + " and it makes me anxious.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        assertThat(page.locator("#conversation-status")).hasText("Hearth replied.");
        assertThat(page.locator(".turn--member").last()).containsText(marker);

        page.navigate("/journal/new");
        page.getByLabel("What is on your mind?").fill("Today " + marker + " was on my mind.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save entry"))
                .click();
        assertThat(page.locator(".entry-item")).containsText(new String[] {marker});

        page.navigate("/checkins");
        page.locator("label.mood-scale__option").first().click();
        page.getByLabel("A note").fill("Felt " + marker);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save check-in"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your check-in is saved.");

        // A thought record that the server refuses (no emotion) is shown again, and still not logged.
        page.navigate("/exercises/thought-record");
        page.evaluate("() => document.querySelector('form[data-stepper]').noValidate = true");
        page.getByLabel("Where were you").fill(marker);
        page.evaluate("() => document.querySelector('form[data-stepper]').requestSubmit()");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Please fill in the situation");
        assertThat(page.getByLabel("Where were you")).hasValue(marker);

        assertThat(output.getAll()).doesNotContain(marker);
    }
}
