package org.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RedactedThrowableTests {

    @Test
    void keepsClassesAndFramesButNoMessages() {
        IllegalStateException original =
                new IllegalStateException("outer: my secret", new IllegalArgumentException("inner: my secret"));
        original.addSuppressed(new RuntimeException("suppressed: my secret"));
        StringWriter printed = new StringWriter();
        RedactedThrowable.of(original).printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString())
                .contains("java.lang.IllegalStateException (message withheld)")
                .contains("java.lang.IllegalArgumentException (message withheld)")
                .contains("java.lang.RuntimeException (message withheld)")
                .contains("RedactedThrowableTests.keepsClassesAndFramesButNoMessages")
                .doesNotContain("my secret");
    }
}
