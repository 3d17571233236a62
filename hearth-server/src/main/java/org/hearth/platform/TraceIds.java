package org.hearth.platform;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The trace id of the current request, so an error answer and its log line can be matched. */
@Component
class TraceIds {

    private final ObjectProvider<Tracer> tracer;

    TraceIds(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    /** The current trace id, or a fresh random one when nothing is being traced. */
    String current() {
        Tracer available = tracer.getIfAvailable();
        Span span = available == null ? null : available.currentSpan();
        if (span != null) {
            return span.context().traceId();
        }
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
