package org.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@PlatformWebIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class IdempotencyIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    private final String key = UUID.randomUUID().toString();

    @BeforeEach
    void resetCounter() {
        PlatformWebTestConfiguration.TestController.calls.set(0);
    }

    @Test
    void replaysTheFirstAnswerForARepeatedKey(CapturedOutput output) throws Exception {
        String body = "first body " + PlatformWebTestConfiguration.SECRET;
        MvcResult first = mvc.perform(echo("alice", key, body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/test/echo/1"))
                .andExpect(jsonPath("$.count").value(1))
                .andReturn();
        mvc.perform(echo("alice", key, body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/test/echo/1"))
                .andExpect(header().string(IdempotencyFilter.REPLAYED_HEADER, "true"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(content().bytes(first.getResponse().getContentAsByteArray()));
        assertThat(PlatformWebTestConfiguration.TestController.calls).hasValue(1);
        assertThat(output.getAll()).doesNotContain(PlatformWebTestConfiguration.SECRET);
    }

    @Test
    void scopesKeysByCaller() throws Exception {
        mvc.perform(echo("alice", key, "same")).andExpect(jsonPath("$.count").value(1));
        mvc.perform(echo("bob", key, "same"))
                .andExpect(jsonPath("$.count").value(2))
                .andExpect(header().doesNotExist(IdempotencyFilter.REPLAYED_HEADER));
    }

    @Test
    void rejectsAReusedKeyWithADifferentBody() throws Exception {
        mvc.perform(echo("alice", key, "one")).andExpect(status().isCreated());
        mvc.perform(echo("alice", key, "two"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(Problems.TYPE_BASE + "idempotency-key-reused"));
        assertThat(PlatformWebTestConfiguration.TestController.calls).hasValue(1);
    }

    @Test
    void rejectsADuplicateWhileTheFirstIsInFlight() throws Exception {
        PlatformWebTestConfiguration.TestController.entered = new CountDownLatch(1);
        PlatformWebTestConfiguration.TestController.release = new CountDownLatch(1);
        CompletableFuture<MvcResult> first = CompletableFuture.supplyAsync(() -> {
            try {
                return mvc.perform(slow("alice", key, "slow")).andReturn();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(PlatformWebTestConfiguration.TestController.entered.await(10, TimeUnit.SECONDS))
                .isTrue();
        mvc.perform(slow("alice", key, "slow"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(Problems.TYPE_BASE + "idempotency-request-in-progress"));
        PlatformWebTestConfiguration.TestController.release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(200);
        mvc.perform(slow("alice", key, "slow"))
                .andExpect(status().isOk())
                .andExpect(header().string(IdempotencyFilter.REPLAYED_HEADER, "true"));
        assertThat(PlatformWebTestConfiguration.TestController.calls).hasValue(1);
    }

    @Test
    void forgetsKeysAfterTheRetentionWindow() throws Exception {
        mvc.perform(echo("alice", key, "again")).andExpect(jsonPath("$.count").value(1));
        clock.advance(Duration.ofHours(23));
        mvc.perform(echo("alice", key, "again")).andExpect(jsonPath("$.count").value(1));
        clock.advance(Duration.ofHours(2));
        mvc.perform(echo("alice", key, "again")).andExpect(jsonPath("$.count").value(2));
    }

    @Test
    void runsAgainAfterAServerError() throws Exception {
        MockHttpServletRequestBuilder broken = post("/api/test/broken")
                .with(user("alice"))
                .header(IdempotencyFilter.HEADER, key)
                .contentType(MediaType.TEXT_PLAIN)
                .content("x");
        mvc.perform(broken).andExpect(status().isInternalServerError());
        mvc.perform(broken).andExpect(status().isInternalServerError());
        assertThat(PlatformWebTestConfiguration.TestController.calls).hasValue(2);
    }

    @Test
    void passesAnonymousRequestsThrough() throws Exception {
        MockHttpServletRequestBuilder anonymous = post("/api/test/echo")
                .header(IdempotencyFilter.HEADER, key)
                .contentType(MediaType.TEXT_PLAIN)
                .content("anon");
        mvc.perform(anonymous).andExpect(jsonPath("$.count").value(1));
        mvc.perform(anonymous).andExpect(jsonPath("$.count").value(2));
    }

    @Test
    void leavesRequestsWithoutAKeyAlone() throws Exception {
        MockHttpServletRequestBuilder plain = post("/api/test/echo")
                .with(user("alice"))
                .contentType(MediaType.TEXT_PLAIN)
                .content("plain");
        mvc.perform(plain).andExpect(jsonPath("$.count").value(1));
        mvc.perform(plain).andExpect(jsonPath("$.count").value(2));
    }

    private static MockHttpServletRequestBuilder echo(String caller, String key, String body) {
        return post("/api/test/echo")
                .with(user(caller))
                .header(IdempotencyFilter.HEADER, key)
                .contentType(MediaType.TEXT_PLAIN)
                .content(body);
    }

    private static MockHttpServletRequestBuilder slow(String caller, String key, String body) {
        return post("/api/test/slow")
                .with(user(caller))
                .header(IdempotencyFilter.HEADER, key)
                .contentType(MediaType.TEXT_PLAIN)
                .content(body);
    }
}
