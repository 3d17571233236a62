package org.hearth.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * JUnit extension behind {@link BrowserTest}: launches Debian's Chromium through Playwright once
 * per test run, gives each test method a fresh {@link Page} (own cookies, base URL set to the
 * application's random port), saves a screenshot to {@code target/screenshots/} when a test fails,
 * and fails a test whose pages broke the content security policy or threw a script error.
 *
 * <p>Without Chromium the browser tests are skipped with a message, so a developer machine can
 * still run {@code ./mvnw verify}; with {@code -Dhearth.require-browser=true} (CI) they fail instead.
 * Playwright must never download a browser (there is no network for it): the driver is told so
 * and pointed at the system's binary.
 */
public final class BrowserSupport
        implements ExecutionCondition, BeforeAllCallback, AfterEachCallback, ParameterResolver {

    static final Path CHROMIUM = Path.of(System.getProperty("hearth.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> CHROMIUM_ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserSupport.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (chromiumPresent() || browserRequired()) {
            return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM);
        }
        return ConditionEvaluationResult.disabled("Browser tests skipped: no Chromium at " + CHROMIUM
                + ". Install it (apt-get install chromium) to run them; CI passes -Dhearth.require-browser=true"
                + " and fails instead of skipping.");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!chromiumPresent()) {
            throw new IllegalStateException("Chromium is required (hearth.require-browser=true) but " + CHROMIUM
                    + " is missing or not executable: install it with apt-get install chromium");
        }
        browser(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Page.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context)
                .getEnvironment()
                .getRequiredProperty("local.server.port");
        BrowserContext browserContext = browser(context)
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL("http://127.0.0.1:" + port)
                        .setViewportSize(1280, 900)
                        .setLocale("en-GB")
                        .setTimezoneId("Europe/London"));
        Page page = browserContext.newPage();
        List<String> problems = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error") && message.text().contains("Content Security Policy")) {
                problems.add(message.text());
            }
        });
        page.onPageError(error -> problems.add("Script error: " + error));
        context.getStore(NAMESPACE).put("page", new OpenPage(browserContext, page, problems));
        return page;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        OpenPage open = context.getStore(NAMESPACE).remove("page", OpenPage.class);
        if (open == null) {
            return;
        }
        try {
            if (context.getExecutionException().isPresent()) {
                screenshot(
                        open.page(),
                        context.getRequiredTestClass().getSimpleName() + "-"
                                + context.getRequiredTestMethod().getName() + "-failed");
            } else if (!open.problems().isEmpty()) {
                screenshot(
                        open.page(),
                        context.getRequiredTestClass().getSimpleName() + "-"
                                + context.getRequiredTestMethod().getName() + "-problems");
                throw new AssertionError("The pages reported problems: " + open.problems());
            }
        } finally {
            open.context().close();
        }
    }

    /** Saves a full-page screenshot as {@code target/screenshots/<name>.png} and returns its path. */
    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /**
     * Copies a screenshot to the path in system property {@code hearth.readme-screenshot}, if set,
     * so that the README's picture can be refreshed on purpose without every build touching it.
     */
    static void publishForReadme(Path screenshot) {
        String target = System.getProperty("hearth.readme-screenshot");
        if (target == null || target.isBlank()) {
            return;
        }
        try {
            Path destination = Path.of(target);
            Files.createDirectories(destination.toAbsolutePath().getParent());
            Files.copy(screenshot, destination, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean browserRequired() {
        return Boolean.getBoolean("hearth.require-browser");
    }

    private static boolean chromiumPresent() {
        return Files.isExecutable(CHROMIUM);
    }

    // One Chromium for the whole run, closed by JUnit when the root store closes.
    private static Browser browser(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent("browser", key -> SharedBrowser.launch(), SharedBrowser.class)
                .browser();
    }

    private record OpenPage(BrowserContext context, Page page, List<String> problems) {}

    private record SharedBrowser(Playwright playwright, Browser browser) implements AutoCloseable {

        static SharedBrowser launch() {
            Playwright playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            Browser browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(CHROMIUM)
                            .setHeadless(true)
                            .setArgs(CHROMIUM_ARGS));
            return new SharedBrowser(playwright, browser);
        }

        @Override
        public void close() {
            browser.close();
            playwright.close();
        }
    }
}
