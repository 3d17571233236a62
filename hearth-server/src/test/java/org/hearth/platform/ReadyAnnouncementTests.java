package org.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ReadyAnnouncementTests {

    @Test
    void namesTheBoundPortWithoutAPublicUrl() {
        assertThat(ReadyAnnouncement.url(null, 51234)).isEqualTo("http://localhost:51234");
        assertThat(ReadyAnnouncement.url(" ", 8080)).isEqualTo("http://localhost:8080");
    }

    @Test
    void prefersTheConfiguredPublicUrl() {
        assertThat(ReadyAnnouncement.url("https://care.example.org/", 8080)).isEqualTo("https://care.example.org");
    }

    @Test
    void printsTheLinePlainly() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ReadyAnnouncement(new MockEnvironment())
                .announce("http://localhost:8080", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("Hearth is ready at http://localhost:8080" + System.lineSeparator());
    }
}
