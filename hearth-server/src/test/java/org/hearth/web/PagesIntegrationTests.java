package org.hearth.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hearth.identity.Account;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;
import org.hearth.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The pages as HTML, with identity replaced by mocks and every URL open (see PermitAllSecurity). */
@WebMvcTest(
        controllers = {HomeController.class, SignInController.class, SignUpController.class, StaffAdminController.class
        })
@Import(PermitAllSecurity.class)
class PagesIntegrationTests {

    static final UUID ORGANIZATION = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Accounts accounts;

    @MockitoBean
    SignUp signUp;

    @MockitoBean
    StaffAccounts staffAccounts;

    @Test
    void showsLandingPageToVisitors() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<a class=\"skip-link\" href=\"#main\">"),
                                containsString("<a class=\"help-link\" href=\"/help\">Need help now?</a>"),
                                containsString("href=\"/signup\""),
                                containsString("href=\"/signin\""),
                                containsString("<main id=\"main\""),
                                containsString("<footer"),
                                not(containsString("Sign out")))));
    }

    @Test
    void loadsOnlyOwnScriptsAndStyles() throws Exception {
        mvc.perform(get("/"))
                .andExpect(content()
                        .string(allOf(
                                containsString("src=\"/webjars/htmx.org/dist/htmx.min.js\""),
                                containsString("src=\"/js/hearth.js\""),
                                containsString("href=\"/css/hearth.css\""),
                                not(containsString("style=")),
                                not(containsString("<style")),
                                not(containsString("http://")),
                                not(containsString("https://")))));
    }

    @Test
    void servesHtmxFromTheWebJarWithoutAVersionInThePath() throws Exception {
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("htmx")));
    }

    @Test
    void exposesTheCsrfTokenToHtmx() throws Exception {
        mvc.perform(get("/"))
                .andExpect(content()
                        .string(allOf(
                                containsString("<meta name=\"_csrf\" content=\""),
                                containsString("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">"))));
    }

    @Test
    void greetsSignedInMemberByDisplayName() throws Exception {
        Caller member = person(Role.MEMBER);
        given(accounts.find(member.requireUserId())).willReturn(Optional.of(account(member, "Robin")));

        mvc.perform(get("/").with(signedIn(member)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Hello, Robin"),
                                containsString("Talk it through, or write it down"),
                                containsString("Need help now?"),
                                containsString("action=\"/signout\""),
                                containsString("aria-current=\"page\""),
                                not(containsString("href=\"/admin/staff\"")),
                                not(containsString("href=\"/responder/incidents\"")))));
    }

    @Test
    void showsNavigationForEachRole() throws Exception {
        Caller responder = person(Role.RESPONDER);
        Caller admin = person(Role.ORG_ADMIN);

        mvc.perform(get("/").with(signedIn(responder)))
                .andExpect(content()
                        .string(allOf(
                                containsString("href=\"/responder/incidents\""),
                                not(containsString("href=\"/admin/staff\"")),
                                not(containsString("Talk it through, or write it down")))));
        mvc.perform(get("/").with(signedIn(admin)))
                .andExpect(content()
                        .string(allOf(
                                containsString("href=\"/admin/staff\""),
                                // Admins read the incident queue too (it tells them when no responder is set up).
                                containsString("<a href=\"/responder/incidents\">Incidents</a>"))));
    }

    @Test
    void explainsPasswordRulesBeforeSigningUp() throws Exception {
        mvc.perform(get("/signup").header("Accept-Language", "de-DE"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("At least <span>10</span> characters, and not a common"),
                                containsString("<option value=\"de-DE\" selected=\"selected\">"),
                                containsString("data-browser-time-zone"),
                                containsString("src=\"/js/signup.js\""),
                                containsString("name=\"_csrf\""))));
    }

    @Test
    void registersMemberAndSendsThemToSignIn() throws Exception {
        mvc.perform(post("/signup")
                        .with(csrf())
                        .param("email", " robin@example.org ")
                        .param("password", "a quiet harbour at dawn")
                        .param("displayName", "Robin")
                        .param("locale", "en-GB")
                        .param("timeZone", "Europe/London"))
                .andExpect(redirectedUrl("/signin?registered"))
                .andExpect(flash().attribute("registeredEmail", "robin@example.org"));

        then(signUp)
                .should()
                .register(
                        "robin@example.org",
                        "a quiet harbour at dawn",
                        "Robin",
                        Locale.forLanguageTag("en-GB"),
                        ZoneId.of("Europe/London"));
    }

    @Test
    void rejectsShortPasswordInlineWithoutCallingIdentity() throws Exception {
        mvc.perform(post("/signup")
                        .with(csrf())
                        .param("email", "robin@example.org")
                        .param("password", "short")
                        .param("displayName", "Robin")
                        .param("locale", "en-GB")
                        .param("timeZone", "Mars/Olympus"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Error: Create your account"),
                                containsString("role=\"alert\""),
                                containsString("href=\"#password\""),
                                containsString("Use at least 10 characters"),
                                containsString("aria-describedby=\"password-hint password-error\""),
                                containsString("Choose a time zone from the list"),
                                containsString("aria-invalid=\"true\""),
                                containsString("value=\"robin@example.org\""),
                                not(containsString("value=\"short\"")))));

        then(signUp).should(never()).register(any(), any(), any(), any(), any());
    }

    @Test
    void tellsWhenTheEmailAlreadyHasAnAccount() throws Exception {
        willThrow(new AccountRejected(AccountRejected.Reason.EMAIL_TAKEN))
                .given(signUp)
                .register(any(), any(), any(), any(), any());

        mvc.perform(validSignUp())
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("An account with this email already exists")));
    }

    @Test
    void tellsWhenIdentityFindsThePasswordTooCommon() throws Exception {
        willThrow(new AccountRejected(AccountRejected.Reason.WEAK_PASSWORD))
                .given(signUp)
                .register(any(), any(), any(), any(), any());

        mvc.perform(validSignUp())
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("This password is too common"),
                                not(containsString("a quiet harbour at dawn")))));
    }

    @Test
    void showsSignInFormWithSecondFactorField() throws Exception {
        mvc.perform(get("/signin"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("action=\"/signin\""),
                                containsString("name=\"username\""),
                                containsString("name=\"password\""),
                                containsString("name=\"totp\""),
                                containsString("autocomplete=\"one-time-code\""),
                                containsString("name=\"_csrf\""),
                                not(containsString("We could not sign you in")))));
    }

    @Test
    void explainsAFailedSignIn() throws Exception {
        mvc.perform(get("/signin").param("error", ""))
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Error: Sign in"), containsString("We could not sign you in"))));
    }

    @Test
    void sendsSignedInPeopleAwayFromSignInAndSignUp() throws Exception {
        Caller member = person(Role.MEMBER);
        mvc.perform(get("/signin").with(signedIn(member))).andExpect(redirectedUrl("/"));
        mvc.perform(get("/signup").with(signedIn(member))).andExpect(redirectedUrl("/"));
    }

    @Test
    void keepsStaffPageFromMembers() throws Exception {
        mvc.perform(get("/admin/staff").with(signedIn(person(Role.MEMBER)))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/staff")
                        .with(csrf())
                        .with(signedIn(person(Role.CLINICIAN)))
                        .param("email", "lee@example.org")
                        .param("displayName", "Dr Lee")
                        .param("password", "a long initial secret")
                        .param("roles", "CLINICIAN"))
                .andExpect(status().isForbidden());

        then(staffAccounts).should(never()).create(any(), any(), any(), any(), any());
    }

    @Test
    void listsStaffForOrganizationAdmin() throws Exception {
        Caller admin = person(Role.ORG_ADMIN);
        Account lee = new Account(
                UUID.randomUUID(),
                ORGANIZATION,
                "lee@example.org",
                "Dr Lee",
                Set.of(Role.CLINICIAN, Role.SUPERVISOR),
                "en-GB",
                "Europe/London");
        given(accounts.withRole(ORGANIZATION, Role.CLINICIAN)).willReturn(List.of(lee));
        given(accounts.withRole(ORGANIZATION, Role.SUPERVISOR)).willReturn(List.of(lee));

        mvc.perform(get("/admin/staff").with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Dr Lee"),
                                containsString("Clinician or coach, Supervisor"),
                                containsString("value=\"RESPONDER\""),
                                containsString("value=\"ORG_ADMIN\""))));
    }

    @Test
    void createsStaffWithChosenRoles() throws Exception {
        Caller admin = person(Role.ORG_ADMIN);

        mvc.perform(post("/admin/staff")
                        .with(csrf())
                        .with(signedIn(admin))
                        .param("email", "lee@example.org")
                        .param("displayName", "Dr Lee")
                        .param("password", "a long initial secret")
                        .param("roles", "CLINICIAN", "RESPONDER"))
                .andExpect(redirectedUrl("/admin/staff"))
                .andExpect(flash().attribute("created", "Dr Lee"));

        then(staffAccounts)
                .should()
                .create(
                        eq(admin),
                        eq("lee@example.org"),
                        eq("a long initial secret"),
                        eq("Dr Lee"),
                        eq(Set.of(Role.CLINICIAN, Role.RESPONDER)));
    }

    @Test
    void refusesToGiveTheMemberRoleFromTheStaffPage() throws Exception {
        mvc.perform(post("/admin/staff")
                        .with(csrf())
                        .with(signedIn(person(Role.ORG_ADMIN)))
                        .param("email", "lee@example.org")
                        .param("displayName", "Dr Lee")
                        .param("password", "a long initial secret"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose at least one role.")));
        mvc.perform(post("/admin/staff")
                        .with(csrf())
                        .with(signedIn(person(Role.ORG_ADMIN)))
                        .param("email", "lee@example.org")
                        .param("displayName", "Dr Lee")
                        .param("password", "a long initial secret")
                        .param("roles", "MEMBER"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose staff roles only.")));

        then(staffAccounts).should(never()).create(any(), any(), any(), any(), any());
    }

    @Test
    void rendersFriendlyErrorPagesWithoutTechnicalDetail() throws Exception {
        mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/nowhere")
                        .accept(MediaType.TEXT_HTML))
                .andExpect(content()
                        .string(allOf(
                                containsString("We could not find that page"),
                                containsString("Need help now?"),
                                containsString("href=\"/help\""))));
        mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail"))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(content()
                        .string(allOf(
                                containsString("Something went wrong on our side"),
                                not(containsString("secret detail")),
                                not(containsString("IllegalStateException")),
                                not(containsString("at org.")))));
    }

    @Test
    void keepsProblemDetailsForApiClients() throws Exception {
        mvc.perform(get("/no-such-page").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private static MockHttpServletRequestBuilder validSignUp() {
        return post("/signup")
                .with(csrf())
                .param("email", "robin@example.org")
                .param("password", "a quiet harbour at dawn")
                .param("displayName", "Robin")
                .param("locale", "en-GB")
                .param("timeZone", "Europe/London");
    }

    static Caller person(Role role) {
        return Caller.person(UUID.randomUUID(), ORGANIZATION, Set.of(role));
    }

    static Account account(Caller caller, String displayName) {
        return new Account(
                caller.requireUserId(),
                caller.organizationId(),
                "robin@example.org",
                displayName,
                caller.roles(),
                "en-GB",
                "Europe/London");
    }

    static RequestPostProcessor signedIn(Caller caller) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(
                caller,
                null,
                caller.roles().stream()
                        .map(role -> new SimpleGrantedAuthority(role.authority()))
                        .toList()));
    }
}
