package org.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorPagesTests {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void givesBrowsersPagesOutsideTheApi() {
        assertThat(ErrorPages.wantsHtml("/journal", BROWSER)).isTrue();
    }

    @Test
    void givesProblemsToTheApiAndToJsonClients() {
        assertThat(ErrorPages.wantsHtml("/api/v1/threads", BROWSER)).isFalse();
        assertThat(ErrorPages.wantsHtml("/actuator/health", BROWSER)).isFalse();
        assertThat(ErrorPages.wantsHtml("/journal", "application/json")).isFalse();
        assertThat(ErrorPages.wantsHtml("/journal", "application/json, text/html;q=0.5"))
                .isFalse();
        assertThat(ErrorPages.wantsHtml("/journal", "*/*")).isFalse();
        assertThat(ErrorPages.wantsHtml("/journal", null)).isFalse();
        assertThat(ErrorPages.wantsHtml("/journal", "not a media type")).isFalse();
    }

    @Test
    void namesProblemTypesAfterTheStatus() {
        assertThat(ErrorPages.forStatus(404).getType()).hasToString(Problems.TYPE_BASE + "not-found");
        assertThat(ErrorPages.forStatus(418).getType()).hasToString(Problems.TYPE_BASE + "http-418");
        assertThat(ErrorPages.unexpected("abc").getProperties()).containsEntry("traceId", "abc");
    }
}
