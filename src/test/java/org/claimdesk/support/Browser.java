package org.claimdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.RestAssured;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}, nothing downloaded) pointed at the
 * test app, with a fresh profile each time. Waits are explicit: a click does not wait for the POST and redirect.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("claimdesk.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("claimdesk.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    private Browser(boolean javascript, int width, int height) {
        try {
            profile = Files.createTempDirectory("claimdesk-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        if (!javascript) {
            options.addArguments("--blink-settings=scriptEnabled=false");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER)
                .toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        baseUrl = "http://localhost:" + RestAssured.port;
    }

    /** A desktop-sized browser with JavaScript on. */
    public static Browser open() {
        return new Browser(true, 1280, 900);
    }

    /** A browser with JavaScript switched off, to prove that pages work without it. */
    public static Browser withoutJavaScript() {
        return new Browser(false, 1280, 900);
    }

    /** A phone-sized browser (390 px wide). */
    public static Browser phone() {
        return new Browser(true, 390, 844);
    }

    public WebDriver driver() {
        return driver;
    }

    public String url(String path) {
        return baseUrl + path;
    }

    public Browser go(String path) {
        driver.get(url(path));
        return this;
    }

    /** Logs in through the login form and waits until the desk's front page has loaded. */
    public Browser logIn(String username, String password) {
        go("/login");
        driver.findElement(By.name("j_username")).sendKeys(username);
        driver.findElement(By.name("j_password")).sendKeys(password);
        WebElement form = driver.findElement(By.cssSelector("form[action='/j_security_check']"));
        String before = driver.getCurrentUrl();
        form.submit();
        waitUntil(d -> !d.getCurrentUrl().equals(before) && !d.getCurrentUrl().contains("/login"));
        return this;
    }

    /** Submits a form (through its button, as a person would) and waits for the next page to load. */
    public Browser submit(WebElement button) {
        WebElement html = driver.findElement(By.tagName("html"));
        button.click();
        waitUntil(d -> isStale(html) && "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    public String title() {
        return driver.getTitle();
    }

    public Object script(String javascript, Object... args) {
        return driver.executeScript(javascript, args);
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
