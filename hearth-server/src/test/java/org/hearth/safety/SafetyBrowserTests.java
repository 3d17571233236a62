package org.hearth.safety;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hearth.identity.Account;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;
import org.hearth.identity.Registration;
import org.hearth.identity.RegistrationResult;
import org.hearth.identity.Role;
import org.hearth.web.BrowserSupport;
import org.hearth.web.BrowserTest;
import org.hearth.web.Journeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The safety pages in a real Chromium: a visitor finds the crisis lines from the landing page on a
 * phone, and a responder works an incident opened through the real screen from the queue page.
 */
@BrowserTest
@TestPropertySource(
        properties = {
            "hearth.bootstrap.admin-email=" + SafetyBrowserTests.ADMIN_EMAIL,
            "hearth.bootstrap.admin-password=" + Journeys.PASSWORD
        })
class SafetyBrowserTests {

    static final String ADMIN_EMAIL = "safety-admin@example.org";

    // The queue polls every 10 seconds; allow a few polls on a loaded build machine.
    private static final LocatorAssertions.IsVisibleOptions WITHIN_POLLS =
            new LocatorAssertions.IsVisibleOptions().setTimeout(40_000);

    @Autowired
    Registration registration;

    @Autowired
    Accounts accounts;

    @Autowired
    Safety safety;

    @Test
    void leadsAVisitorFromTheLandingPageToTheCrisisLinesOnAPhone(Page page) {
        page.setViewportSize(360, 740);
        // A visitor whose browser asks for American English (the test browser is set to en-GB, and
        // Chromium sends its locale over any extra header, so the request itself is changed).
        page.route("**/*", route -> {
            Map<String, String> headers = new HashMap<>(route.request().headers());
            headers.put("accept-language", "en-US,en;q=0.8");
            route.resume(new Route.ResumeOptions().setHeaders(headers));
        });
        page.navigate("/");

        page.getByRole(AriaRole.BANNER)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Need help now?"))
                .click();

        assertThat(page).hasURL(Pattern.compile("/help$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Need help now?");
        Locator card = page.locator(".crisis-card");
        assertThat(card.getByText("988 Suicide & Crisis Lifeline", new Locator.GetByTextOptions().setExact(false)))
                .isVisible();
        Locator call988 = card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Call 988"));
        Locator textHome = card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Text HOME to 741741"));
        Locator call911 = card.locator(".crisis-card__lines")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Call 911 now"));
        assertThat(call988).hasAttribute("href", "tel:988");
        assertThat(textHome).hasAttribute("href", "sms:741741?&body=HOME");
        assertThat(call911).hasAttribute("href", "tel:911");
        // The emergency number comes first on the help page.
        assertThat(card.locator(".crisis-card__lines > li").first()).hasClass(Pattern.compile("line--emergency"));

        assertThat(card.getByText("Are you safe right now?")).isVisible();
        Locator yes = card.getByRole(
                AriaRole.LINK, new Locator.GetByRoleOptions().setName("Yes").setExact(true));
        Locator no = card.getByRole(
                AriaRole.LINK, new Locator.GetByRoleOptions().setName("No").setExact(true));
        assertThat(yes).isVisible();
        assertThat(no).isVisible();
        assertThat(card.getByText("Please get help now.")).isHidden();

        assertFitsThePhone(page, "/help");
        for (Locator link : List.of(call988, textHome, call911, yes, no)) {
            assertThat(link.boundingBox().height)
                    .as("height of %s", link.textContent())
                    .isGreaterThanOrEqualTo(44);
            assertThat(link.boundingBox().x + link.boundingBox().width)
                    .as("right edge of %s", link.textContent())
                    .isLessThanOrEqualTo(360);
        }
        BrowserSupport.screenshot(page, "phone-help");

        no.click();

        Locator urgent = card.locator("#safe-no");
        assertThat(urgent.getByText("Please get help now.")).isVisible();
        assertThat(urgent.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Call 911 now")))
                .hasAttribute("href", "tel:911");
        assertFitsThePhone(page, "/help#safe-no");
        BrowserSupport.screenshot(page, "phone-help-not-safe");
        // Loaded afresh in the dark scheme, so the picture does not catch colours mid-transition.
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        page.reload();
        assertThat(urgent.getByText("Please get help now.")).isVisible();
        BrowserSupport.screenshot(page, "phone-help-dark");
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));

        yes.click();

        assertThat(card.getByText("Thank you for telling me.", new Locator.GetByTextOptions().setExact(false)))
                .isVisible();
        assertThat(urgent).isHidden();
    }

    @Test
    void letsAResponderAcknowledgeAndResolveAnImminentIncidentFromTheQueue(Page page) {
        UUID member = register("Member");
        UUID organization = accounts.find(member).orElseThrow().organizationId();
        String responderEmail = Journeys.newEmail();
        RegistrationResult created = registration.createStaff(
                admin(organization),
                new Registration.StaffRequest(
                        responderEmail, Journeys.PASSWORD, "Rowan Responder", Set.of(Role.RESPONDER), "127.0.0.1"));
        assertThat(created).isInstanceOf(RegistrationResult.Registered.class);

        page.setViewportSize(360, 740);
        Journeys.signIn(page, responderEmail);
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Incidents"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/responder/incidents$"));
        assertThat(page.getByRole(AriaRole.BANNER)
                        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Need help now?")))
                .isVisible();
        assertThat(page.getByText("No open incidents.")).isVisible();

        UUID incidentId = safety.screen(new MemberText(
                        member,
                        organization,
                        RiskSource.JOURNAL,
                        UUID.randomUUID(),
                        null,
                        "i took all of my pills about an hour ago",
                        List.of(),
                        Locale.US))
                .incidentId();
        assertThat(incidentId).isNotNull();

        // No reload: the queue refreshes itself and the new incident appears.
        Locator incident = page.locator("[data-incident-id='" + incidentId + "']");
        assertThat(incident).isVisible(WITHIN_POLLS);
        assertThat(incident.locator(".incident__level")).containsText("IMMINENT");
        assertThat(incident.locator(".incident__level")).containsText("OPEN");
        assertThat(incident.locator(".incident__deadline")).containsText("Acknowledge by");
        assertFitsThePhone(page, "/responder/incidents (open)");
        BrowserSupport.screenshot(page, "phone-incidents-open");

        incident.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Acknowledge"))
                .click();

        assertThat(incident.locator(".incident__level")).containsText("ACKNOWLEDGED");
        assertThat(incident.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Acknowledge")))
                .hasCount(0);
        assertThat(incident.locator(".incident__deadline")).hasCount(0);
        BrowserSupport.screenshot(page, "phone-incidents-acknowledged");

        incident.getByLabel("Outcome").selectOption("CONTACTED_SAFE");
        String note = "Called them; they are with their partner and safe.";
        // The queue refreshes while the responder types; the note must survive the refresh.
        page.waitForResponse(
                response -> response.url().endsWith("/responder/incidents/list"),
                new Page.WaitForResponseOptions().setTimeout(40_000),
                () -> incident.getByLabel("Note").fill(note));
        assertThat(incident.getByLabel("Note")).hasValue(note);
        assertThat(incident.getByLabel("Outcome")).hasValue("CONTACTED_SAFE");
        incident.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resolve"))
                .click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("The incident was resolved and its outcome recorded.");
        assertThat(incident).hasCount(0);
        assertThat(page.getByText("No open incidents.")).isVisible();
        assertFitsThePhone(page, "/responder/incidents (resolved)");
        BrowserSupport.screenshot(page, "phone-incidents-resolved");
    }

    private UUID register(String name) {
        RegistrationResult result = registration.register(new Registration.Request(
                Journeys.newEmail(), Journeys.PASSWORD, name, "en-US", "America/New_York", null, "127.0.0.1"));
        assertThat(result).isInstanceOf(RegistrationResult.Registered.class);
        return ((RegistrationResult.Registered) result).userId();
    }

    // The bootstrap admin of the test's properties, as the signed-in principal the staff page would have.
    private Caller admin(UUID organization) {
        Account admin = accounts.withRole(organization, Role.ORG_ADMIN).stream()
                .filter(account -> account.email().equalsIgnoreCase(ADMIN_EMAIL))
                .findFirst()
                .orElseThrow();
        return Caller.person(admin.id(), organization, admin.roles());
    }

    private static void assertFitsThePhone(Page page, String where) {
        Object overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue())
                .as("pixels of sideways scrolling on %s", where)
                .isLessThanOrEqualTo(0);
    }
}
