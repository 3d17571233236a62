package org.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@PlatformWebIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ProblemHandlingIntegrationTests {

    private static final String BASE = Problems.TYPE_BASE;

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    @Test
    void answersValidationFailuresWithFieldErrors() throws Exception {
        mvc.perform(post("/api/test/validated")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \" \", \"mood\": 11}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(BASE + "validation"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors.name").value("must not be blank"))
                .andExpect(jsonPath("$.errors.mood").value("must be less than or equal to 10"));
    }

    @Test
    void answersMalformedJsonWithoutEchoingIt() throws Exception {
        MvcResult result = mvc.perform(post("/api/test/validated")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + PlatformWebTestConfiguration.SECRET + "\", \"mood\": \"very "
                                + PlatformWebTestConfiguration.SECRET + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(BASE + "malformed-request"))
                .andReturn();
        String body = result.getResponse().getContentAsString();
        assertThat(body)
                .doesNotContain(PlatformWebTestConfiguration.SECRET)
                .doesNotContain("Form")
                .doesNotContain("jackson");

        mvc.perform(post("/api/test/validated")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value("The request body is missing, is not valid JSON, or has a value of the wrong type."));
    }

    @Test
    void answersWrongParameterTypesWithoutEchoingTheValue() throws Exception {
        MvcResult result = mvc.perform(get("/api/test/typed/" + PlatformWebTestConfiguration.SECRET))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The value of 'id' has the wrong type."))
                .andReturn();
        assertThat(result.getResponse().getContentAsString()).doesNotContain(PlatformWebTestConfiguration.SECRET);
    }

    @Test
    void answersUnknownRoutesWithNotFound() throws Exception {
        mvc.perform(get("/api/v1/nothing-here").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(BASE + "not-found"))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void answersWrongMethodAndMediaType() throws Exception {
        mvc.perform(delete("/api/test/validated"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(BASE + "method-not-allowed"));
        mvc.perform(post("/api/test/validated")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(BASE + "unsupported-media-type"));
    }

    @Test
    void answersResponseStatusExceptionsWithTheirStatus() throws Exception {
        mvc.perform(get("/api/test/gone"))
                .andExpect(status().isGone())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(410))
                .andExpect(jsonPath("$.detail").value("This was removed."));
    }

    @Test
    void rendersDomainProblems() throws Exception {
        mvc.perform(get("/api/test/conflict"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(BASE + "thread-closed"))
                .andExpect(jsonPath("$.title").value("Conflict"))
                .andExpect(jsonPath("$.detail").value("The thread is closed."));
        mvc.perform(get("/api/test/invalid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(BASE + "validation"))
                .andExpect(jsonPath("$.errors.slotId").value("is taken"));
    }

    @Test
    void hidesUnexpectedFailuresBehindATraceId(CapturedOutput output) throws Exception {
        MvcResult result = mvc.perform(get("/api/test/failure"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(BASE + "internal-error"))
                .andExpect(jsonPath("$.traceId").isString())
                .andReturn();
        String body = result.getResponse().getContentAsString();
        assertThat(body).doesNotContain(PlatformWebTestConfiguration.SECRET).doesNotContain("IllegalStateException");
        String traceId = com.jayway.jsonpath.JsonPath.read(body, "$.traceId");
        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(output.getAll())
                .contains("Unexpected java.lang.IllegalStateException while handling GET /api/test/failure")
                .contains(traceId)
                .contains("at org.hearth.platform.PlatformWebTestConfiguration$TestController.failure")
                .doesNotContain(PlatformWebTestConfiguration.SECRET);
    }

    @Test
    void leavesAccessDecisionsToSpringSecurity() throws Exception {
        mvc.perform(get("/api/test/denied")).andExpect(status().is4xxClientError());
    }

    @Test
    void answersFailuresOutsideSpringMvcWithAProblem(CapturedOutput output) throws Exception {
        HttpResponse<String> response = send("/api/test/filter-failure", "application/json");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"traceId\"")
                .contains(BASE + "internal-error")
                .doesNotContain(PlatformWebTestConfiguration.SECRET)
                .doesNotContain("Exception");
        assertThat(output.getAll())
                .contains("Unexpected java.lang.IllegalStateException in the filter chain")
                .doesNotContain(PlatformWebTestConfiguration.SECRET);
    }

    @Test
    void answersUnknownApiPathsWithAProblemEvenForBrowsers() throws Exception {
        HttpResponse<String> response = send("/api/v1/nothing-here", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(BASE + "not-found");
    }

    @Test
    void showsBrowsersAFriendlyPageForMissingPages() throws Exception {
        HttpResponse<String> response = send("/no/such/page", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body())
                .contains("We could not find that page")
                .doesNotContain("Whitelabel")
                .doesNotContain("Exception");
    }

    private HttpResponse<String> send(String path, String accept) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Accept", accept)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
