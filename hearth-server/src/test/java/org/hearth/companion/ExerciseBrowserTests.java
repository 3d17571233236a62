package org.hearth.companion;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.ReducedMotion;
import java.util.regex.Pattern;
import org.hearth.web.BrowserSupport;
import org.hearth.web.BrowserTest;
import org.hearth.web.Journeys;
import org.junit.jupiter.api.Test;

/**
 * A member opens the exercise library on a 360 px phone and steps through exercises one screen at
 * a time, in a real Chromium under the app's content security policy.
 */
@BrowserTest
class ExerciseBrowserTests {

    static final LocatorAssertions.HasTextOptions UNTIL_THE_BREATH_ENDS =
            new LocatorAssertions.HasTextOptions().setTimeout(15_000);

    final ExerciseCatalogue catalogue = ExerciseCatalogue.loadDefault();

    @Test
    void stepsThroughBoxBreathingOneScreenAtATimeWithAMovingPacer(Page page) {
        page.setViewportSize(360, 780);
        Journeys.signUpAndSignIn(page, "Rae");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Exercises").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Exercises");
        assertThat(page.locator(".exercise-item")).hasCount(catalogue.all().size());
        assertFitsThePhone(page);
        BrowserSupport.screenshot(page, "exercises-360");

        Exercise box = catalogue.find("box-breathing").orElseThrow();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(box.title()))
                .click();
        for (int i = 0; i < box.steps().size(); i++) {
            Exercise.Step step = box.steps().get(i);
            assertThat(page.locator(".exercise__progress"))
                    .hasText("Step " + (i + 1) + " of " + box.steps().size());
            assertThat(page.locator(".exercise__instruction")).hasText(step.instruction());
            if (step.timing() != null) {
                assertThat(page.locator(".pacer__circle")).isVisible();
                // The script counts the seconds in words, then offers the breath once more.
                assertThat(page.locator(".pacer__static")).isHidden();
                assertThat(page.locator(".pacer__live")).hasText(Pattern.compile("^(\\d+|Done)$"));
                assertThat(page.locator(".pacer__live")).hasText("Done", UNTIL_THE_BREATH_ENDS);
                assertThat(page.locator(".pacer__again")).isVisible();
                if (i == 1) {
                    assertFitsThePhone(page);
                    BrowserSupport.screenshot(page, "exercise-pacer-360");
                }
            } else {
                assertThat(page.locator(".pacer")).hasCount(0);
            }
            boolean last = i == box.steps().size() - 1;
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(last ? "Finish" : "Next step"))
                    .click();
        }
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Well done")))
                .isVisible();
    }

    @Test
    void showsOnlyATextCountAndNoMovingCircleWhenReducedMotionIsAskedInTheDarkScheme(Page page) {
        page.emulateMedia(new Page.EmulateMediaOptions()
                .setReducedMotion(ReducedMotion.REDUCE)
                .setColorScheme(ColorScheme.DARK));
        page.setViewportSize(360, 780);
        Journeys.signUpAndSignIn(page, "Sol");
        page.navigate("/exercises/breathing-4-7-8?step=3");
        assertThat(page.locator(".exercise__instruction")).containsText("seven");
        assertThat(page.locator(".pacer__circle")).isHidden();
        assertThat(page.locator(".pacer__live")).isVisible();
        assertThat(page.locator(".pacer__live")).hasText("Done", UNTIL_THE_BREATH_ENDS);
        BrowserSupport.screenshot(page, "exercise-reduced-motion-dark-360");
    }

    private static void assertFitsThePhone(Page page) {
        Number width = (Number) page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(width.intValue()).isLessThanOrEqualTo(360);
    }
}
