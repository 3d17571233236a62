package org.hearth.platform;

import java.io.PrintStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started Hearth where to open it. Printed plainly to standard output as well as
 * logged, because with JSON logs a person scanning the console would otherwise miss it.
 */
@Component
class ReadyAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncement.class);

    private final Environment environment;

    ReadyAnnouncement(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce(ApplicationReadyEvent ready) {
        if (ready.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            announce(
                    url(
                            environment.getProperty("hearth.public-url"),
                            web.getWebServer().getPort()),
                    System.out);
        }
    }

    void announce(String url, PrintStream out) {
        String line = "Hearth is ready at " + url;
        out.println(line);
        out.flush();
        log.info(line);
    }

    /** The configured public address when there is one, else this machine at the port actually bound. */
    static String url(@Nullable String publicUrl, int port) {
        if (publicUrl != null && !publicUrl.isBlank()) {
            return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        }
        return "http://localhost:" + port;
    }
}
