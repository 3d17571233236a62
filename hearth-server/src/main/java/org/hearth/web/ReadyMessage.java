package org.hearth.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who just started Hearth where to open it. */
@Component
class ReadyMessage {

    private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);

    @EventListener
    void announce(WebServerInitializedEvent event) {
        log.info(
                "Hearth is running: open http://localhost:{}/ in a browser",
                event.getWebServer().getPort());
    }
}
