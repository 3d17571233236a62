package org.hearth.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Pattern;

/** What a person does through the forms, shared by the browser tests. */
public final class Journeys {

    public static final String PASSWORD = "a lantern by the window";

    private Journeys() {}

    /** A fresh email address, so tests never collide with each other's accounts. */
    public static String newEmail() {
        return "person-" + UUID.randomUUID() + "@example.org";
    }

    /** Fills and submits the sign-up form; ends on the sign-in page. */
    public static void signUp(Page page, String email, String displayName) {
        signUp(page, email, displayName, "en-GB");
    }

    /**
     * Signs up with the given language and region (a BCP 47 tag offered by the form), which decides
     * among other things which crisis lines the person is shown.
     */
    public static void signUp(Page page, String email, String displayName, String locale) {
        page.navigate("/signup");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByLabel("What should Hearth call you?").fill(displayName);
        page.getByLabel("Language and region").selectOption(locale);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/signin\\?registered$"));
    }

    /** Signs in through the form; ends on the home page. */
    public static void signIn(Page page, String email) {
        if (!page.url().contains("/signin")) {
            page.navigate("/signin");
        }
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/$"));
    }

    /**
     * On a 360 px phone, signs up a new member with the given language and region and signs them in;
     * ends on the home page.
     *
     * @return the member's email address
     */
    public static String newMemberOnAPhone(Page page, String displayName, String locale) {
        page.setViewportSize(360, 780);
        String email = newEmail();
        signUp(page, email, displayName, locale);
        signIn(page, email);
        return email;
    }

    public static void signUpAndSignIn(Page page, String displayName) {
        String email = newEmail();
        signUp(page, email, displayName);
        signIn(page, email);
    }
}
