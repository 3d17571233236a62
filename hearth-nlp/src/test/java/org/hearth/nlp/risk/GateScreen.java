package org.hearth.nlp.risk;

import java.time.Duration;

/**
 * The full screen as shipped, loaded once for every test that measures what it decides (the gates,
 * the held-back sets, the everyday lines). Its model timeout is 20 s instead of 500 ms: these tests
 * measure decisions, not speed, and on a loaded build machine the shipped timeout is sometimes hit,
 * which would move the figures. Timeouts and their fail-closed result are tested in
 * DefaultRiskScreenTests. Closed when the test JVM exits.
 */
final class GateScreen {

    private static DefaultRiskScreen screen;

    private GateScreen() {}

    static synchronized DefaultRiskScreen shared() {
        if (screen == null) {
            DefaultRiskScreen created = DefaultRiskScreen.create(Duration.ofSeconds(20));
            Runtime.getRuntime().addShutdownHook(new Thread(created::close, "gate-screen-close"));
            screen = created;
        }
        return screen;
    }
}
