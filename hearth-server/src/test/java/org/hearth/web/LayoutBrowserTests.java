package org.hearth.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shared layout: help is always one tap away, and the pages fit a phone. */
@BrowserTest
class LayoutBrowserTests {

    @Test
    void offersHelpOnEveryPageAndLeadsToIt(Page page) {
        page.navigate("/");
        assertHelpLinkVisible(page);
        page.navigate("/signin");
        assertHelpLinkVisible(page);
        Journeys.signUpAndSignIn(page, "Alex");
        assertHelpLinkVisible(page);

        helpLink(page).click();

        assertThat(page).hasURL(Pattern.compile("/help$"));
    }

    @Test
    void fitsAPhoneScreenWithoutSidewaysScrolling(Page page) {
        page.setViewportSize(360, 740);
        for (String path : new String[] {"/", "/signin", "/signup"}) {
            page.navigate(path);
            assertNoHorizontalScroll(page, path);
            assertHelpLinkVisible(page);
            BrowserSupport.screenshot(page, "phone" + (path.equals("/") ? "-landing" : path.replace('/', '-')));
        }
        Journeys.signUpAndSignIn(page, "Alexandria Montgomery-Featherstone");
        assertNoHorizontalScroll(page, "/ (signed in)");
        assertHelpLinkVisible(page);
        BrowserSupport.screenshot(page, "phone-home");

        // The narrowest phones still in use: the header wraps instead of overflowing.
        page.setViewportSize(320, 640);
        assertNoHorizontalScroll(page, "/ (signed in, 320 px)");
        page.navigate("/signup");
        assertNoHorizontalScroll(page, "/signup (320 px)");
        BrowserSupport.screenshot(page, "phone-320-signup");
    }

    @Test
    void keepsTapTargetsLargeEnough(Page page) {
        page.setViewportSize(360, 740);
        page.navigate("/signin");
        Locator targets = page.locator(
                "header a:visible, header button:visible, main a.button:visible, main button:visible, main input:visible, main select:visible");
        for (int i = 0; i < targets.count(); i++) {
            var box = targets.nth(i).boundingBox();
            assertThat(box.height)
                    .as("height of %s", targets.nth(i).evaluate("e => e.outerHTML.slice(0, 80)"))
                    .isGreaterThanOrEqualTo(44);
        }
    }

    @Test
    void followsTheDarkColourScheme(Page page) {
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        page.navigate("/");
        BrowserSupport.screenshot(page, "landing-dark");

        assertThat(page.evaluate("getComputedStyle(document.body).backgroundColor"))
                .isEqualTo("rgb(20, 26, 28)");
    }

    @Test
    void letsKeyboardUsersSkipToTheContent(Page page) {
        page.navigate("/");
        page.keyboard().press("Tab");
        Locator skip = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to main content"));
        assertThat(skip).isFocused();
        assertThat(skip).isInViewport();

        page.keyboard().press("Enter");

        assertThat(page).hasURL(Pattern.compile("#main$"));
    }

    @Test
    void showsAFriendlyPageForAnUnknownAddress(Page page) {
        Journeys.signUpAndSignIn(page, "Kim");

        page.navigate("/no-such-page");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("We could not find that page");
        assertHelpLinkVisible(page);
        BrowserSupport.screenshot(page, "not-found");
    }

    private static Locator helpLink(Page page) {
        return page.getByRole(AriaRole.BANNER)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Need help now?"));
    }

    private static void assertHelpLinkVisible(Page page) {
        assertThat(helpLink(page)).isVisible();
        assertThat(helpLink(page)).hasAttribute("href", "/help");
    }

    private static void assertNoHorizontalScroll(Page page, String where) {
        Object overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue())
                .as("pixels of sideways scrolling on %s", where)
                .isLessThanOrEqualTo(0);
    }
}
