package org.hearth.journal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hearth.platform.DataProtection;
import org.hearth.web.BrowserSupport;
import org.hearth.web.BrowserTest;
import org.hearth.web.Journeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A member makes their journal private, finds it locked and unlocks it, then forgets their password
 * and comes back with the recovery code, in a real Chromium on a 360 px phone.
 */
@BrowserTest
class PrivateJournalBrowserTests {

    @Autowired
    DataProtection protection;

    @Autowired
    JdbcClient jdbc;

    @Test
    void makesTheJournalPrivateUnlocksItAndRecoversWithTheCode(Page page) {
        String email = Journeys.newMemberOnAPhone(page, "Noa", "en-GB");
        String marker = "wren-" + UUID.randomUUID();
        page.navigate("/journal/new");
        page.getByLabel("What is on your mind?").fill("A " + marker + " sang at the window.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save entry"))
                .click();

        page.navigate("/settings");
        page.getByLabel("Your password").fill("not my password at all");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make my journal private"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("That is not your password. Please try again.");
        page.getByLabel("Your password").fill(Journeys.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make my journal private"))
                .click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Your journal is private");
        String code = page.locator("#recovery-code").textContent().strip();
        assertThat(code).matches("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}");
        BrowserSupport.screenshot(page, "private-journal-code-360");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("I have written it down"))
                .click();
        assertThat(page.getByText("Your journal is private.")).isVisible();
        assertThat(page.getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop keeping my journal private")))
                .isVisible();

        // Locked (as after a sign-out elsewhere): the journal page sends the member to unlock it.
        UUID memberId = jdbc.sql("select id from identity_users where lower(email) = lower(:e)")
                .param("e", email)
                .query(UUID.class)
                .single();
        protection.lock(memberId);
        page.navigate("/journal");
        assertThat(page).hasURL(Pattern.compile("/unlock\\?next=%2Fjournal$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Unlock your private journal");
        assertThat(page.getByRole(
                                AriaRole.LINK,
                                new Page.GetByRoleOptions()
                                        .setName("Find help now")
                                        .setExact(true))
                        .first())
                .isVisible();
        BrowserSupport.screenshot(page, "private-journal-unlock-360");
        page.getByLabel("Your password").fill(Journeys.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unlock"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/journal$"));
        assertThat(page.locator(".entry-item")).containsText(marker);
        assertFitsThePhone(page);

        // Forgotten password: the recovery code sets a new one and the journal still opens.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        assertThat(protection.isUnlocked(memberId)).isFalse();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("set a new one with your recovery code"))
                .click();
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Recovery code").fill(code.toLowerCase(Locale.ROOT).replace('-', ' '));
        String newPassword = "a new phrase for a new start";
        page.getByLabel("New password").fill(newPassword);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set my new password"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Your new password is set");
        assertThat(page.locator("#recovery-code")).not().hasText(code);
        assertFitsThePhone(page);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Sign in").setExact(true))
                .last()
                .click();
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(newPassword);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.navigate("/journal");
        assertThat(page.locator(".entry-item")).containsText(marker);

        // Changing the password in settings moves the journal's key to the new one.
        page.navigate("/settings");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change your password"))
                .click();
        page.getByLabel("Current password").fill("not the current one");
        page.getByLabel("New password").fill("yet another phrase to remember");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change my password"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("That is not your current password.");
        page.getByLabel("Current password").fill(newPassword);
        page.getByLabel("New password").fill("yet another phrase to remember");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change my password"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your password is changed.");
        assertFitsThePhone(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("yet another phrase to remember");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.navigate("/journal");
        assertThat(page.locator(".entry-item")).containsText(marker);
    }

    @Test
    void aLockedJournalStillMeetsACrisisWithTheCrisisLines(Page page) {
        String email = Journeys.newMemberOnAPhone(page, "Ira", "en-US");
        page.navigate("/settings");
        page.getByLabel("Your password").fill(Journeys.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make my journal private"))
                .click();
        assertThat(page.locator("#recovery-code")).isVisible();
        page.navigate("/conversations");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a new conversation"))
                .click();
        UUID memberId = jdbc.sql("select id from identity_users where lower(email) = lower(:e)")
                .param("e", email)
                .query(UUID.class)
                .single();

        // The journal locks itself while the page is open (idle time, or a sign-out elsewhere).
        protection.lock(memberId);
        page.getByLabel("Your message").fill("Just checking in, a quiet day.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        assertThat(page.locator(".turn--companion").last()).containsText("Your private journal is locked");
        assertThat(page.getByLabel("Your message")).hasValue("Just checking in, a quiet day.");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Unlock my journal")))
                .isVisible();

        // A crisis is screened all the same, and the crisis lines are shown though the thread cannot be.
        page.getByLabel("Your message").fill("i took all of my pills about an hour ago");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/help\\?locale=en-US"));
        assertThat(page.locator(".crisis-card").first()).isVisible();
        assertThat(page.locator("a[href='tel:988']").first()).isVisible();
        assertThat(jdbc.sql("select count(*) from safety_incident where member_id = :m and level = 'IMMINENT'")
                        .param("m", memberId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // The same in the journal's editor: nothing is kept, the crisis card shows, the words stay.
        page.navigate("/journal/new");
        String entry = "I swallowed the whole bottle of pills just now";
        page.getByLabel("What is on your mind?").fill(entry);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save entry"))
                .click();
        assertThat(page.locator(".crisis-card")).isVisible();
        assertThat(page.locator(".error-summary")).containsText("Your private journal is locked");
        assertThat(page.getByLabel("What is on your mind?")).hasValue(entry);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Unlock my journal")))
                .isVisible();
        assertFitsThePhone(page);
        assertThat(jdbc.sql("select count(*) from journal_entries where member_id = :m")
                        .param("m", memberId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static void assertFitsThePhone(Page page) {
        Number width = (Number) page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(width.intValue()).isLessThanOrEqualTo(360);
    }
}
