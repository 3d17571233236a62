package org.hearth.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A person creates an account, signs in, meets their home page and signs out, all through the forms. */
@BrowserTest
class SignUpFlowBrowserTests {

    @Test
    void signsUpSignsInAndSignsOut(Page page) {
        page.navigate("/");
        BrowserSupport.screenshot(page, "landing");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Create an account").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Create your account")))
                .isVisible();
        // The browser's own time zone (the test runs it in Europe/London) is filled in for the person.
        assertThat(page.getByLabel("Time zone")).hasValue("Europe/London");
        BrowserSupport.screenshot(page, "signup");

        String email = Journeys.newEmail();
        Journeys.signUp(page, email, "Robin Example");
        assertThat(page.getByText("Your account is ready")).isVisible();
        assertThat(page.getByLabel("Email address")).hasValue(email);
        BrowserSupport.screenshot(page, "signin-after-signup");

        Journeys.signIn(page, email);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Hello, Robin Example");
        assertThat(page.getByText("Talk it through, or write it down")).isVisible();
        BrowserSupport.publishForReadme(BrowserSupport.screenshot(page, "home"));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        assertThat(page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Sign in").setExact(true)))
                .isVisible();
        page.navigate("/");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("A calm place to reflect and get support");
    }

    @Test
    void rejectsAWrongPasswordWithoutSigningIn(Page page) {
        String email = Journeys.newEmail();
        Journeys.signUp(page, email, "Sam");

        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("not the right one at all");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();

        assertThat(page).hasURL(Pattern.compile("/signin\\?error"));
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("We could not sign you in");
    }

    @Test
    void movesFocusToTheErrorsWhenTheFormNeedsFixing(Page page) {
        page.navigate("/signup");
        page.getByLabel("Email address").fill(Journeys.newEmail());
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("too short");
        page.getByLabel("What should Hearth call you?").fill("Sam");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();

        assertThat(page.getByRole(AriaRole.ALERT)).isFocused();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Use at least 10 characters");
        assertThat(page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)))
                .hasAttribute("aria-invalid", "true");
        assertThat(page).hasTitle(Pattern.compile("^Error: "));
        BrowserSupport.screenshot(page, "signup-errors");
    }
}
