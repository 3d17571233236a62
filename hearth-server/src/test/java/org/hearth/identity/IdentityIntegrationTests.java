package org.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.ApiClient;
import org.hearth.ApiClient.Answer;
import org.hearth.platform.AuditLog;
import org.hearth.platform.MutableClock;
import org.hearth.platform.TestClockConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // Every test here signs in from 127.0.0.1; the per-address limits are covered by
            // InMemoryRateLimitsTests, the per-account limit by rateLimitsSignInPerAccount.
            "hearth.identity.limits.login-per-ip.capacity=10000",
            "hearth.identity.limits.login-per-ip.period=1m",
            "hearth.identity.limits.register-per-ip.capacity=10000",
            "hearth.identity.limits.register-per-ip.period=1m",
            "hearth.bootstrap.admin-email=bootstrap-admin@identity-tests.example.org",
            "hearth.bootstrap.admin-password=correct horse battery staple"
        })
@Import({TestClockConfiguration.class, IdentityIntegrationTests.Probes.class})
class IdentityIntegrationTests {

    static final String PASSWORD = "a long and private phrase";
    static final String ADMIN_PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;

    @Value("${hearth.bootstrap.admin-email}")
    String adminEmail;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Consents consents;

    @Autowired
    BootstrapAdmin bootstrapAdmin;

    @Autowired
    AuditLog auditLog;

    @Autowired
    Probes probes;

    @Autowired
    Tokens tokens;

    @Autowired
    Registration registration;

    @Autowired
    org.hearth.platform.RateLimits rateLimits;

    @Autowired
    WebApplicationContext context;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    // ---- registration ------------------------------------------------------------------------

    @Test
    void registersAMemberAndRefusesTheSameEmailInAnyCase() {
        String email = email();
        Answer created = register(email, PASSWORD, Map.of());
        assertThat(created.status()).isEqualTo(201);
        UUID userId = UUID.fromString(created.body().get("userId").asString());
        assertThat(probes.events).contains(new UserRegistered(userId, defaultOrganization(), probes.at(userId)));

        Answer again = register(email.toUpperCase(), PASSWORD, Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.body().get("type").asString()).isEqualTo("https://hearth.example/problems/email-taken");
    }

    @Test
    void refusesWeakPasswordsAndInvalidFieldsWithAReasonPerField() {
        Answer common = register(email(), "Password123", Map.of());
        assertThat(common.status()).isEqualTo(400);
        assertThat(common.contentType()).startsWith("application/problem+json");
        assertThat(common.body().at("/errors/password").asString()).contains("too common");

        Answer shortOne = register(email(), "short", Map.of("timeZone", "Mars/Olympus", "locale", "xx-!!"));
        assertThat(shortOne.status()).isEqualTo(400);
        assertThat(shortOne.body().at("/errors/password").asString()).contains("at least 10");
        assertThat(shortOne.body().at("/errors/timeZone").isMissingNode()).isFalse();
        assertThat(shortOne.body().at("/errors/locale").isMissingNode()).isFalse();

        Answer badEmail = register("not-an-email", PASSWORD, Map.of());
        assertThat(badEmail.body().at("/errors/email").isMissingNode()).isFalse();

        Answer unknownOrganization = register(email(), PASSWORD, Map.of("organization", "no-such-org"));
        assertThat(unknownOrganization.status()).isEqualTo(400);
        assertThat(unknownOrganization.body().at("/errors/organization").isMissingNode())
                .isFalse();
    }

    @Test
    void joinsTheNamedOrganization() {
        UUID organization = newOrganization();
        String slug = jdbc.sql("select slug from identity_organizations where id = :id")
                .param("id", organization)
                .query(String.class)
                .single();
        String email = email();
        assertThat(register(email, PASSWORD, Map.of("organization", slug)).status())
                .isEqualTo(201);
        String token = login(email, PASSWORD).body().get("accessToken").asString();
        assertThat(call("GET", "/api/v1/me", token, null)
                        .body()
                        .get("organizationId")
                        .asString())
                .isEqualTo(organization.toString());
    }

    @Test
    void reportsEveryRegistrationOutcomeToJavaCallers() {
        String email = email();
        String address = "203.0.113." + (int) (Math.random() * 250);
        RegistrationResult registered =
                registration.register(new Registration.Request(email, PASSWORD, "Kim", null, null, null, address));
        assertThat(registered).isInstanceOf(RegistrationResult.Registered.class);

        assertThat(registration.register(new Registration.Request(email, PASSWORD, "Kim", null, null, null, address)))
                .isEqualTo(new RegistrationResult.Rejected(
                        RegistrationResult.Reason.EMAIL_TAKEN, Map.of("email", "An account with this email exists.")));
        RegistrationResult invalid =
                registration.register(new Registration.Request("", "", "", null, "Nowhere/Else", null, address));
        assertThat(invalid)
                .isInstanceOfSatisfying(RegistrationResult.Rejected.class, rejected -> assertThat(rejected.errors())
                        .containsKeys("email", "password", "displayName", "timeZone"));

        // Use up the address's budget, then the next sign-up from it is refused with a wait.
        while (rateLimits
                .tryConsume("identity.register.ip:" + address, org.hearth.platform.RateLimits.Limit.perMinute(10000))
                .allowed()) {}
        assertThat(registration.register(new Registration.Request(email(), PASSWORD, "Kim", null, null, null, address)))
                .isInstanceOfSatisfying(RegistrationResult.Limited.class, limited -> assertThat(limited.retryAfter())
                        .isPositive());
    }

    // ---- sign-in and tokens ------------------------------------------------------------------

    @Test
    void answersAnUnknownEmailExactlyAsAWrongPasswordAndTakesAboutAsLong() {
        String email = email();
        register(email, PASSWORD, Map.of());
        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownEmail = new ArrayList<>();
        Answer wrong = null;
        Answer unknown = null;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            wrong = login(email, "not the password at all");
            wrongPassword.add(System.nanoTime() - start);
            start = System.nanoTime();
            unknown = login(email(), "not the password at all");
            unknownEmail.add(System.nanoTime() - start);
        }
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(unknown.contentType()).isEqualTo(wrong.contentType());
        // Without the dummy hash an unknown email answers many times faster than a known one.
        assertThat(median(unknownEmail) * 3).isGreaterThan(median(wrongPassword));
    }

    @Test
    void signsInAndShowsTheProfile() {
        String email = email();
        UUID userId = userId(register(
                email, PASSWORD, Map.of("locale", "de-DE", "timeZone", "Europe/Berlin", "displayName", "Ada")));
        Answer tokens = login(email, PASSWORD);
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(tokens.body().get("accessToken").asString()).startsWith("hat_");
        assertThat(tokens.body().get("refreshToken").asString()).startsWith("hrt_");
        assertThat(tokens.body().get("expiresIn").asLong()).isEqualTo(900);

        Answer me = call("GET", "/api/v1/me", tokens.body().get("accessToken").asString(), null);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("userId").asString()).isEqualTo(userId.toString());
        assertThat(me.body().get("email").asString()).isEqualTo(email);
        assertThat(me.body().get("displayName").asString()).isEqualTo("Ada");
        assertThat(me.body().get("roles").toString()).isEqualTo("[\"MEMBER\"]");
        assertThat(me.body().get("organizationId").asString())
                .isEqualTo(defaultOrganization().toString());
        assertThat(me.body().get("locale").asString()).isEqualTo("de-DE");
        assertThat(me.body().get("timeZone").asString()).isEqualTo("Europe/Berlin");
    }

    @Test
    void rotatesRefreshTokensAndRevokesTheWholeFamilyWhenOneIsReused() {
        String email = email();
        UUID userId = userId(register(email, PASSWORD, Map.of()));
        Answer first = login(email, PASSWORD);
        Answer second = refresh(first.body().get("refreshToken").asString());
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("refreshToken").asString())
                .isNotEqualTo(first.body().get("refreshToken").asString());
        String access = second.body().get("accessToken").asString();
        assertThat(call("GET", "/api/v1/me", access, null).status()).isEqualTo(200);

        Answer reused = refresh(first.body().get("refreshToken").asString());
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(call("GET", "/api/v1/me", access, null).status()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/me", first.body().get("accessToken").asString(), null)
                        .status())
                .isEqualTo(401);
        assertThat(refresh(second.body().get("refreshToken").asString()).status())
                .isEqualTo(401);
        assertThat(auditCount("identity.token.reuse", userId, "DENIED")).isEqualTo(1);

        // Another sign-in of the same person is a different family and keeps working.
        String other = login(email, PASSWORD).body().get("accessToken").asString();
        assertThat(call("GET", "/api/v1/me", other, null).status()).isEqualTo(200);
    }

    @Test
    void refreshesEvenWhenTheClientAlsoSendsItsExpiredAccessToken() {
        String email = email();
        register(email, PASSWORD, Map.of());
        Answer tokens = login(email, PASSWORD);
        clock.advance(Duration.ofMinutes(16));
        String expired = tokens.body().get("accessToken").asString();
        Answer renewed = call(
                "POST",
                "/api/v1/auth/refresh",
                expired,
                Map.of("refreshToken", tokens.body().get("refreshToken").asString()));
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/me", expired, null).status()).isEqualTo(401);
    }

    @Test
    void logsOutByRevokingTheFamily() {
        String email = email();
        register(email, PASSWORD, Map.of());
        Answer tokens = login(email, PASSWORD);
        String access = tokens.body().get("accessToken").asString();
        assertThat(call("POST", "/api/v1/auth/logout", access, null).status()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/me", access, null).status()).isEqualTo(401);
        assertThat(refresh(tokens.body().get("refreshToken").asString()).status())
                .isEqualTo(401);
    }

    @Test
    void expiresAccessTokensAfterFifteenMinutesButRefreshesThem() {
        String email = email();
        register(email, PASSWORD, Map.of());
        Answer tokens = login(email, PASSWORD);
        clock.advance(Duration.ofMinutes(16));
        assertThat(call("GET", "/api/v1/me", tokens.body().get("accessToken").asString(), null)
                        .status())
                .isEqualTo(401);
        Answer renewed = refresh(tokens.body().get("refreshToken").asString());
        assertThat(call("GET", "/api/v1/me", renewed.body().get("accessToken").asString(), null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void cleansUpExpiredTokensButKeepsRotatedOnesUntilTheyExpire() {
        String email = email();
        UUID userId = userId(register(email, PASSWORD, Map.of()));
        Answer first = login(email, PASSWORD);
        refresh(first.body().get("refreshToken").asString());
        clock.advance(Duration.ofMinutes(16));
        tokens.deleteExpired();
        assertThat(tokenRows("identity_access_tokens", userId)).isZero();
        // The rotated refresh token is still known, so its reuse is still caught.
        assertThat(tokenRows("identity_refresh_tokens", userId)).isEqualTo(2);
        assertThat(refresh(first.body().get("refreshToken").asString()).status())
                .isEqualTo(401);
        assertThat(auditCount("identity.token.reuse", userId, "DENIED")).isEqualTo(1);

        clock.advance(Duration.ofDays(31));
        tokens.deleteExpired();
        assertThat(tokenRows("identity_refresh_tokens", userId)).isZero();
        assertThat(jdbc.sql("select count(*) from identity_token_families where user_id = :u")
                        .param("u", userId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    long tokenRows(String table, UUID userId) {
        return jdbc.sql("select count(*) from " + table + " t join identity_token_families f on f.id = t.family_id"
                        + " where f.user_id = :u")
                .param("u", userId)
                .query(Long.class)
                .single();
    }

    @Test
    void answersUnauthenticatedCallsWithAProblemDocument() {
        Answer none = call("GET", "/api/v1/me", null, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.body().get("status").asInt()).isEqualTo(401);
        assertThat(none.body().get("title").asString()).isNotBlank();

        Answer forged = call("GET", "/api/v1/me", "hat_forged", null);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.body().get("type").asString()).isEqualTo("https://hearth.example/problems/invalid-token");
    }

    @Test
    void leavesPublicPathsOpenAndSendsAnonymousBrowsersToSignIn() throws Exception {
        HttpResponse<String> docs = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/auth/login").contains("/api/v1/consents");
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<Void> page = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/journal")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/signin"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .contains(SecurityConfiguration.CONTENT_SECURITY_POLICY);
    }

    @Test
    void sendsSecurityHeaders() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .contains(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
    }

    @Test
    void rateLimitsSignInPerAccount() {
        String email = email();
        register(email, PASSWORD, Map.of());
        for (int i = 0; i < 5; i++) {
            assertThat(login(email, "wrong password " + i).status()).isEqualTo(401);
        }
        Answer limited = login(email, PASSWORD);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.retryAfter())).isBetween(1L, 60L);
        assertThat(jdbc.sql(
                                "select count(*) from audit_log where action = 'identity.sign-in'"
                                        + " and attributes->>'reason' = 'rate-limited' and recorded_at >= now() - interval '1 day'")
                        .query(Long.class)
                        .single())
                .isPositive();

        clock.advance(Duration.ofMinutes(1));
        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
    }

    // ---- second factor -----------------------------------------------------------------------

    @Test
    void requiresTheSecondFactorOnceEnrolledAndAcceptsRecoveryCodesOnce() throws Exception {
        String email = email();
        UUID userId = userId(register(email, PASSWORD, Map.of()));
        String access = login(email, PASSWORD).body().get("accessToken").asString();

        Answer enrolment = call("POST", "/api/v1/me/mfa/totp", access, null);
        assertThat(enrolment.status()).isEqualTo(200);
        String secret = enrolment.body().get("secret").asString();
        assertThat(enrolment.body().get("otpauthUri").asString())
                .startsWith("otpauth://totp/")
                .contains(secret);

        assertThat(call("POST", "/api/v1/me/mfa/totp/confirm", access, Map.of("code", "000000"))
                        .status())
                .isEqualTo(400);
        Answer confirmed = call("POST", "/api/v1/me/mfa/totp/confirm", access, Map.of("code", code(secret)));
        assertThat(confirmed.status()).isEqualTo(200);
        List<String> recovery = new ArrayList<>();
        confirmed.body().get("recoveryCodes").forEach(node -> recovery.add(node.asString()));
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();

        Answer missing = login(email, PASSWORD);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body().get("type").asString())
                .isEqualTo("https://hearth.example/problems/second-factor-required");
        Answer wrong = login(email, PASSWORD, "123456".equals(code(secret)) ? "654321" : "123456");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().get("type").asString())
                .isEqualTo("https://hearth.example/problems/second-factor-required");

        clock.advance(Duration.ofSeconds(30));
        String current = code(secret);
        assertThat(login(email, PASSWORD, current).status()).isEqualTo(200);
        // The same code cannot be replayed within its window.
        assertThat(login(email, PASSWORD, current).status()).isEqualTo(401);

        clock.advance(Duration.ofMinutes(1));
        assertThat(login(email, PASSWORD, recovery.get(3)).status()).isEqualTo(200);
        assertThat(login(email, PASSWORD, recovery.get(3)).status()).isEqualTo(401);
        assertThat(auditCount("identity.sign-in", userId, "DENIED")).isGreaterThanOrEqualTo(3);

        clock.advance(Duration.ofSeconds(30));
        assertThat(call("DELETE", "/api/v1/me/mfa/totp", access, Map.of("code", code(secret)))
                        .status())
                .isEqualTo(204);
        clock.advance(Duration.ofMinutes(1));
        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
    }

    // ---- admin, API keys ---------------------------------------------------------------------

    @Test
    void letsTheAdminCreateAClinicianAndRefusesMembers() {
        String admin = adminToken();
        String clinicianEmail = email();
        Answer created = call(
                "POST",
                "/api/v1/admin/users",
                admin,
                Map.of(
                        "email",
                        clinicianEmail,
                        "password",
                        PASSWORD,
                        "displayName",
                        "Dr. Lee",
                        "roles",
                        List.of("CLINICIAN")));
        assertThat(created.status()).isEqualTo(201);
        UUID clinicianId = userId(created);
        Answer me = call(
                "GET",
                "/api/v1/me",
                login(clinicianEmail, PASSWORD).body().get("accessToken").asString(),
                null);
        assertThat(me.body().get("roles").toString()).isEqualTo("[\"CLINICIAN\"]");
        assertThat(me.body().get("organizationId").asString())
                .isEqualTo(defaultOrganization().toString());
        assertThat(auditCount("identity.user.created", adminId(), "SUCCESS")).isPositive();
        assertThat(jdbc.sql("select count(*) from audit_log where target = :t and action = 'identity.user.created'")
                        .param("t", "user:" + clinicianId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        assertThat(call(
                                "POST",
                                "/api/v1/admin/users",
                                admin,
                                Map.of(
                                        "email",
                                        clinicianEmail,
                                        "password",
                                        PASSWORD,
                                        "displayName",
                                        "x",
                                        "roles",
                                        List.of("CLINICIAN")))
                        .status())
                .isEqualTo(409);

        String member = memberToken();
        Answer denied = call(
                "POST",
                "/api/v1/admin/users",
                member,
                Map.of("email", email(), "password", PASSWORD, "displayName", "Eve", "roles", List.of("ORG_ADMIN")));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.contentType()).startsWith("application/problem+json");
        assertThat(call("GET", "/api/v1/admin/api-keys", member, null).status()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/admin/api-keys", member, Map.of("name", "x"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void authenticatesApiKeysUntilRevoked() {
        String admin = adminToken();
        Answer created = call("POST", "/api/v1/admin/api-keys", admin, Map.of("name", "lab integration"));
        assertThat(created.status()).isEqualTo(201);
        String key = created.body().get("key").asString();
        UUID keyId = UUID.fromString(created.body().get("apiKeyId").asString());
        assertThat(key).startsWith("hk_");

        Answer listed = call("GET", "/api/v1/admin/api-keys", admin, null);
        assertThat(listed.body().toString())
                .contains(keyId.toString())
                .contains("lab integration")
                .doesNotContain(key);

        Answer whoAmI = call("GET", "/api/v1/test/api-client", key, null);
        assertThat(whoAmI.status()).isEqualTo(200);
        assertThat(whoAmI.body().get("apiKeyId").asString()).isEqualTo(keyId.toString());
        assertThat(whoAmI.body().get("organizationId").asString())
                .isEqualTo(defaultOrganization().toString());
        assertThat(whoAmI.body().get("authorities").toString()).isEqualTo("[\"ROLE_API_CLIENT\"]");
        assertThat(callWithApiKeyHeader("/api/v1/test/api-client", key)).isEqualTo(200);
        // A key is not a person: person-only paths refuse it.
        assertThat(call("GET", "/api/v1/me", key, null).status()).isEqualTo(403);

        assertThat(call("DELETE", "/api/v1/admin/api-keys/" + keyId, admin, null)
                        .status())
                .isEqualTo(204);
        assertThat(call("GET", "/api/v1/test/api-client", key, null).status()).isEqualTo(401);
        assertThat(callWithApiKeyHeader("/api/v1/test/api-client", key)).isEqualTo(401);
        assertThat(call("DELETE", "/api/v1/admin/api-keys/" + UUID.randomUUID(), admin, null)
                        .status())
                .isEqualTo(404);
        assertThat(auditCount("identity.api-key.created", adminId(), "SUCCESS")).isPositive();
        assertThat(auditCount("identity.api-key.revoked", adminId(), "SUCCESS")).isPositive();
    }

    // ---- consent -----------------------------------------------------------------------------

    @Test
    void grantsListsAndRevokesConsentsCheckedAtTheMomentOfReading() {
        String admin = adminToken();
        String clinicianEmail = email();
        UUID clinicianId = userId(call(
                "POST",
                "/api/v1/admin/users",
                admin,
                Map.of(
                        "email",
                        clinicianEmail,
                        "password",
                        PASSWORD,
                        "displayName",
                        "Dr. Ng",
                        "roles",
                        List.of("CLINICIAN"))));
        String memberEmail = email();
        UUID memberId = userId(register(memberEmail, PASSWORD, Map.of()));
        String member = login(memberEmail, PASSWORD).body().get("accessToken").asString();

        Answer granted = call(
                "POST",
                "/api/v1/consents",
                member,
                Map.of("granteeId", clinicianId, "scopes", List.of("JOURNAL", "MOOD")));
        assertThat(granted.status()).isEqualTo(201);
        UUID consentId = UUID.fromString(granted.body().get("consentId").asString());
        assertThat(granted.body().get("scopes").toString()).isEqualTo("[\"JOURNAL\",\"MOOD\"]");
        assertThat(consents.activeConsent(memberId, clinicianId, ConsentScope.JOURNAL))
                .contains(consentId);
        assertThat(consents.activeConsent(memberId, clinicianId, ConsentScope.WEARABLES))
                .isEmpty();
        assertThat(probes.events)
                .anyMatch(e -> e instanceof ConsentGranted g
                        && g.consentId().equals(consentId)
                        && g.memberId().equals(memberId)
                        && g.granteeId().equals(clinicianId));

        Answer listed = call("GET", "/api/v1/consents", member, null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().size()).isEqualTo(1);
        assertThat(listed.body().get(0).get("consentId").asString()).isEqualTo(consentId.toString());

        // Only staff of the member's own organization can receive consent.
        UUID otherMember = userId(register(email(), PASSWORD, Map.of()));
        assertThat(call("POST", "/api/v1/consents", member, Map.of("granteeId", otherMember, "scopes", List.of("MOOD")))
                        .status())
                .isEqualTo(400);
        assertThat(call(
                                "POST",
                                "/api/v1/consents",
                                member,
                                Map.of("granteeId", UUID.randomUUID(), "scopes", List.of("MOOD")))
                        .status())
                .isEqualTo(400);
        // Staff cannot grant consent on a member's behalf.
        assertThat(call("POST", "/api/v1/consents", admin, Map.of("granteeId", clinicianId, "scopes", List.of("MOOD")))
                        .status())
                .isEqualTo(403);

        // Nobody but the member who granted it can revoke it, and nobody else learns it exists.
        assertThat(call("DELETE", "/api/v1/consents/" + consentId, memberToken(), null)
                        .status())
                .isEqualTo(404);
        assertThat(consents.activeConsent(memberId, clinicianId, ConsentScope.JOURNAL))
                .contains(consentId);
        assertThat(call("DELETE", "/api/v1/consents/" + consentId, member, null).status())
                .isEqualTo(204);
        assertThat(consents.activeConsent(memberId, clinicianId, ConsentScope.JOURNAL))
                .isEmpty();
        assertThat(probes.events)
                .anyMatch(e -> e instanceof ConsentRevoked r && r.consentId().equals(consentId));
        assertThat(call("GET", "/api/v1/consents", member, null).body().get(0).has("revokedAt"))
                .isTrue();
        assertThat(auditCount("identity.consent.granted", memberId, "SUCCESS")).isEqualTo(1);
        assertThat(auditCount("identity.consent.revoked", memberId, "SUCCESS")).isEqualTo(1);
    }

    // ---- bootstrap, audit, web sign-in -------------------------------------------------------

    @Test
    void createsTheBootstrapAdminOnceAcrossRestarts() throws Exception {
        assertThat(jdbc.sql("select count(*) from identity_users u join identity_memberships m on m.user_id = u.id"
                                + " where u.email = :e and 'ORG_ADMIN' = any(m.roles) and m.organization_id = :org")
                        .param("e", adminEmail.toLowerCase())
                        .param("org", defaultOrganization())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        bootstrapAdmin.run(null);
        assertThat(jdbc.sql("select count(*) from identity_users where email = :e")
                        .param("e", adminEmail.toLowerCase())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(login(adminEmail, ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void recordsSignInsWithTheirSourceAddress() {
        String email = email();
        UUID userId = userId(register(email, PASSWORD, Map.of()));
        login(email, "a wrong password here");
        login(email, PASSWORD);
        assertThat(auditCount("identity.sign-in", userId, "FAILURE")).isEqualTo(1);
        assertThat(auditCount("identity.sign-in", userId, "SUCCESS")).isEqualTo(1);
        assertThat(jdbc.sql("select source_address from audit_log where action = 'identity.sign-in' and actor_id = :u")
                        .param("u", userId)
                        .query(String.class)
                        .list())
                .allMatch(address -> address.equals("127.0.0.1"));
        assertThat(auditLog.firstBrokenLink()).isEmpty();
    }

    @Test
    void neverWritesPasswordsTokensOrKeysToTheAuditLog() throws Exception {
        String email = email();
        String password = "a secret nobody should ever see " + UUID.randomUUID();
        register(email, password, Map.of());
        login(email, "almost " + password);
        Answer tokens = login(email, password);
        String access = tokens.body().get("accessToken").asString();
        Answer renewed = refresh(tokens.body().get("refreshToken").asString());
        // Reusing the first refresh token kills the family: the reuse path must not log it either.
        refresh(tokens.body().get("refreshToken").asString());
        String fresh = login(email, password).body().get("accessToken").asString();
        String secret = call("POST", "/api/v1/me/mfa/totp", fresh, null)
                .body()
                .get("secret")
                .asString();
        Answer confirmed = call("POST", "/api/v1/me/mfa/totp/confirm", fresh, Map.of("code", code(secret)));
        String recovery = confirmed.body().get("recoveryCodes").get(0).asString();
        clock.advance(Duration.ofMinutes(1));
        login(email, password, recovery);
        String key = call("POST", "/api/v1/admin/api-keys", adminToken(), Map.of("name", "audit probe"))
                .body()
                .get("key")
                .asString();

        String audit = String.join(
                "\n",
                jdbc.sql("select row_to_json(a)::text from audit_log a")
                        .query(String.class)
                        .list());
        assertThat(audit)
                .contains("identity.sign-in")
                .doesNotContain(password)
                .doesNotContain(access)
                .doesNotContain(tokens.body().get("refreshToken").asString())
                .doesNotContain(renewed.body().get("refreshToken").asString())
                .doesNotContain(secret)
                .doesNotContain(recovery)
                .doesNotContain(key);
    }

    @Test
    void signsInThroughTheWebFormWithCsrfAndTheSameCaller() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        String email = email();
        UUID userId = userId(register(email, PASSWORD, Map.of()));

        mvc.perform(post("/signin").param("email", email).param("password", PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/signin").with(csrf()).param("email", email).param("password", "wrong password!"))
                .andExpect(redirectedUrl("/signin?error"));
        MvcResult signedIn = mvc.perform(
                        post("/signin").with(csrf()).param("email", email).param("password", PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
        SecurityContext context = (SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(context.getAuthentication().getPrincipal())
                .isEqualTo(Caller.person(userId, defaultOrganization(), Set.of(Role.MEMBER)));
        assertThat(context.getAuthentication().getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_MEMBER");
        assertThat(auditCount("identity.sign-in", userId, "SUCCESS")).isEqualTo(1);

        mvc.perform(post("/signout").with(csrf()).session(session)).andExpect(redirectedUrl("/signin?logout"));
    }

    // ---- helpers -----------------------------------------------------------------------------

    String base() {
        return "http://localhost:" + port;
    }

    static String email() {
        return "person-" + UUID.randomUUID() + "@example.org";
    }

    Answer register(String email, String password, Map<String, String> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("email", email);
        body.put("password", password);
        body.putIfAbsent("displayName", "Sam");
        return call("POST", "/api/v1/auth/register", null, body);
    }

    Answer login(String email, String password) {
        return call("POST", "/api/v1/auth/login", null, Map.of("email", email, "password", password));
    }

    Answer login(String email, String password, String totp) {
        return call("POST", "/api/v1/auth/login", null, Map.of("email", email, "password", password, "totp", totp));
    }

    Answer refresh(String refreshToken) {
        return call("POST", "/api/v1/auth/refresh", null, Map.of("refreshToken", refreshToken));
    }

    // Shared across tests so they do not use up the admin account's sign-in rate limit.
    static @Nullable String adminToken;

    String adminToken() {
        if (adminToken == null || call("GET", "/api/v1/me", adminToken, null).status() != 200) {
            adminToken =
                    login(adminEmail, ADMIN_PASSWORD).body().get("accessToken").asString();
        }
        return adminToken;
    }

    UUID adminId() {
        return jdbc.sql("select id from identity_users where email = :e")
                .param("e", adminEmail.toLowerCase())
                .query(UUID.class)
                .single();
    }

    String memberToken() {
        String email = email();
        register(email, PASSWORD, Map.of());
        return login(email, PASSWORD).body().get("accessToken").asString();
    }

    static UUID userId(Answer answer) {
        assertThat(answer.status()).isEqualTo(201);
        return UUID.fromString(answer.body().get("userId").asString());
    }

    UUID defaultOrganization() {
        return jdbc.sql("select id from identity_organizations where slug = 'default'")
                .query(UUID.class)
                .single();
    }

    UUID newOrganization() {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into identity_organizations (id, slug, name, created_at) values (:id, :slug, 'Other', now())")
                .param("id", id)
                .param("slug", "org-" + id.toString().substring(0, 8))
                .update();
        return id;
    }

    long auditCount(String action, UUID actor, String outcome) {
        return jdbc.sql("select count(*) from audit_log where action = :a and actor_id = :u and outcome = :o")
                .param("a", action)
                .param("u", actor)
                .param("o", outcome)
                .query(Long.class)
                .single();
    }

    String code(String secret) throws Exception {
        return new DefaultCodeGenerator().generate(secret, clock.instant().getEpochSecond() / 30);
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    Answer call(String method, String path, @Nullable String bearer, @Nullable Object body) {
        return new ApiClient(base()).call(method, path, bearer, body);
    }

    int callWithApiKeyHeader(String path, String key) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(base() + path))
                                    .header("X-Api-Key", key)
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Test-only beans: a controller that shows the principal, and a listener that keeps identity's events. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Probes {

        final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(UserRegistered event) {
            events.add(event);
        }

        @EventListener
        void on(ConsentGranted event) {
            events.add(event);
        }

        @EventListener
        void on(ConsentRevoked event) {
            events.add(event);
        }

        java.time.Instant at(UUID userId) {
            return events.stream()
                    .filter(e -> e instanceof UserRegistered r && r.userId().equals(userId))
                    .map(e -> ((UserRegistered) e).at())
                    .findFirst()
                    .orElseThrow();
        }

        @Bean
        ApiClientProbe apiClientProbe() {
            return new ApiClientProbe();
        }
    }

    @RestController
    static class ApiClientProbe {

        @GetMapping("/api/v1/test/api-client")
        @PreAuthorize("hasRole('API_CLIENT')")
        Map<String, Object> whoAmI(@AuthenticationPrincipal Caller caller, Authentication authentication) {
            return Map.of(
                    "apiKeyId", String.valueOf(caller.apiKeyId()),
                    "organizationId", caller.organizationId().toString(),
                    "authorities",
                            authentication.getAuthorities().stream()
                                    .map(GrantedAuthority::getAuthority)
                                    .toList());
        }
    }
}
