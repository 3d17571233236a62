package org.hearth.care;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hearth.ApiClient;
import org.hearth.care.CarePeople.Person;
import org.hearth.web.BrowserSupport;
import org.hearth.web.BrowserTest;
import org.hearth.web.Journeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * The care pages in a real Chromium on a 360 px phone screen, in the shared layout and under the
 * content security policy (BrowserSupport fails a test on any violation): a member books a slot and
 * gets a video link and a calendar file; a clinician reads the caseload with sparklines, finds the
 * session in the calendar week and signs a note.
 */
@BrowserTest
@TestPropertySource(
        properties = {
            "hearth.identity.limits.login-per-ip.capacity=10000",
            "hearth.identity.limits.login-per-ip.period=1m",
            "hearth.identity.limits.register-per-ip.capacity=10000",
            "hearth.identity.limits.register-per-ip.period=1m",
            "hearth.bootstrap.admin-email=" + CarePeople.ADMIN_EMAIL,
            "hearth.bootstrap.admin-password=" + CarePeople.PASSWORD
        })
class CareBrowserTests {

    @Autowired
    Environment environment;

    ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + environment.getRequiredProperty("local.server.port"));
    }

    @Test
    void aMemberBooksASlotOnAPhoneAndGetsAVideoLinkAndACalendarFile(Page page) {
        ApiClient api = api();
        Person clinician = new CarePeople(api).clinician("Dr. Okafor", "Europe/London");
        List<Map<String, String>> rules = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            rules.add(Map.of("dayOfWeek", day, "start", "09:00", "end", "17:00"));
        }
        assertThat(api.call(
                                "PUT",
                                "/api/v1/clinicians/me/availability",
                                clinician.token(),
                                Map.of("timeZone", "Europe/London", "slotMinutes", 50, "weeklyRules", rules))
                        .status())
                .isEqualTo(200);

        page.setViewportSize(360, 780);
        String email = Journeys.newEmail();
        Journeys.signUp(page, email, "Ana");
        Journeys.signIn(page, email);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Appointments").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Your sessions");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Book a session"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dr. Okafor"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Book with Dr. Okafor");
        assertFitsThePhone(page);
        BrowserSupport.screenshot(page, "care-slots-360");
        // A day or two ahead, outside the 24-hour cancellation window, so the member may move it later.
        page.locator(".slot-day").nth(2).locator("button.slot").first().click();

        assertThat(page).hasURL(Pattern.compile("/appointments/[0-9a-f-]{36}\\?booked$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Your session is booked");
        assertThat(page.locator("a.video-link")).hasText(Pattern.compile("^https://meet\\.jit\\.si/Hearth-"));
        assertFitsThePhone(page);
        BrowserSupport.screenshot(page, "care-booked-360");

        String ics = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add to calendar (.ics)"))
                .getAttribute("href");
        APIResponse file = page.request().get(ics);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().get("content-type")).startsWith("text/calendar");
        assertThat(file.text()).contains("BEGIN:VEVENT", "Session with Dr. Okafor", "SEQUENCE:0");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Move this session"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Move your session with Dr. Okafor");
        page.locator(".slot-day").nth(3).locator("button.slot").first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Your session has moved");
        assertThat(page.request().get(ics).text()).contains("SEQUENCE:1");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All your sessions"))
                .click();
        assertThat(page.locator(".session")).hasCount(1);
        assertThat(page.getByText("With Dr. Okafor")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your plan"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Your plan");
        assertFitsThePhone(page);
    }

    @Test
    void aClinicianReadsTheCaseloadWithSparklinesAndSignsANoteFromTheCalendar(Page page) {
        ApiClient api = api();
        CarePeople people = new CarePeople(api);
        Person clinician = people.clinician("Dr. Lee", "Europe/London");
        Person member = people.member("Sam", "Europe/London");
        assertThat(api.call(
                                "POST",
                                "/api/v1/consents",
                                member.token(),
                                Map.of("granteeId", clinician.id().toString(), "scopes", List.of("ASSESSMENTS")))
                        .status())
                .isEqualTo(201);
        for (List<Integer> answers : List.of(List.of(1, 1, 1, 1, 1, 1, 1, 1, 0), List.of(2, 2, 2, 2, 2, 2, 2, 2, 0))) {
            assertThat(api.call(
                                    "POST",
                                    "/api/v1/assessments/phq-9/responses",
                                    member.token(),
                                    Map.of("answers", answers))
                            .status())
                    .isEqualTo(201);
        }
        Instant start = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.HOURS);
        assertThat(api.call(
                                "POST",
                                "/api/v1/appointments",
                                clinician.token(),
                                Map.of(
                                        "clinicianId", clinician.id().toString(),
                                        "memberId", member.id().toString(),
                                        "start", start.toString(),
                                        "durationMinutes", 50))
                        .status())
                .isEqualTo(201);

        page.setViewportSize(360, 780);
        page.navigate("/signin");
        page.getByLabel("Email address").fill(clinician.email());
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(CarePeople.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Caseload").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Caseload");
        var card = page.locator(".caseload__member")
                .filter(new com.microsoft.playwright.Locator.FilterOptions()
                        .setHas(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sam"))));
        assertThat(card.locator("svg.sparkline polyline")).hasCount(1);
        assertThat(card.locator("svg.sparkline")).hasAttribute("aria-label", "PHQ-9 trend, latest 16");
        assertThat(card.getByText("Reliably worse")).isVisible();
        assertFitsThePhone(page);
        BrowserSupport.screenshot(page, "care-caseload-360");

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Calendar").setExact(true))
                .first()
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Calendar");
        assertFitsThePhone(page);
        BrowserSupport.screenshot(page, "care-calendar-360");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Note"))
                .first()
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Session note: Sam");
        page.getByLabel("Subjective").fill("Sleeping a little better");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign note"))
                .click();
        assertThat(page.getByText(Pattern.compile("^Signed "))).isVisible();
        assertThat(page.getByText("Sleeping a little better")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign note")))
                .hasCount(0);
        assertFitsThePhone(page);

        // The availability editor: Mondays 09:00 to 12:00 in London, and the API sees the same.
        page.navigate("/care/availability");
        page.getByLabel("Time zone").fill("Europe/London");
        page.getByLabel("From, Monday").fill("09:00");
        page.getByLabel("Until, Monday").fill("12:00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save hours"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText(Pattern.compile("Your hours are saved"));
        assertFitsThePhone(page);
        var saved = api.call("GET", "/api/v1/clinicians/me/availability", clinician.token(), null);
        assertThat(saved.body().get("weeklyRules").toString())
                .isEqualTo("[{\"dayOfWeek\":\"MONDAY\",\"start\":\"09:00\",\"end\":\"12:00\"}]");
    }

    private static void assertFitsThePhone(Page page) {
        Number width = (Number) page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(width.intValue()).isLessThanOrEqualTo(360);
    }
}
