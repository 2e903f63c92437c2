package org.claimdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.RestAssured;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}, or whatever {@link Tools} finds;
 * nothing downloaded) pointed at the test app, with a fresh profile each time. Waits are explicit: a click does not wait for the POST and redirect.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("claimdesk.screenshots", "target/screenshots"));

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;
    private final boolean javascript;

    private Browser(boolean javascript, int width, int height) {
        ToolCondition.assume(Tools.Tool.BROWSER);
        try {
            profile = Files.createTempDirectory("claimdesk-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Tools.chromium().orElseThrow().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        if (!javascript) {
            options.addArguments("--blink-settings=scriptEnabled=false");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Tools.chromedriver().orElseThrow()
                .toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        baseUrl = "http://localhost:" + RestAssured.port;
        this.javascript = javascript;
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

    /** Whether this browser runs the pages' scripts. */
    public boolean javascript() {
        return javascript;
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

    /** Waits up to 15 s for {@code condition}; on time-out, saves a screenshot and says where the browser was. */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
        } catch (TimeoutException e) {
            Path shot = screenshot("failed-" + System.currentTimeMillis(), 3000);
            throw new TimeoutException("waited in vain on " + path() + " (focus on <" + focused().getTagName() + "> \""
                    + focused().getText() + "\"); the page is in " + shot, e);
        }
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

    /** Runs a script that calls its last argument when done, and returns what it passed. */
    public Object asyncScript(String javascript, Object... args) {
        return driver.executeAsyncScript(javascript, args);
    }

    /** The elements matching {@code css} now (none is fine). */
    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until an element matching {@code css} is shown, and returns it. */
    public WebElement waitFor(String css) {
        return waitUntil(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null));
    }

    /** Waits until the element matching {@code css} holds {@code text}, and returns its whole text. */
    public String waitForText(String css, String text) {
        return waitUntil(d -> d.findElements(By.cssSelector(css)).stream().map(WebElement::getText)
                .filter(t -> t.contains(text)).findFirst().orElse(null));
    }

    /** The path and query of the page shown, without the host. */
    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    /** Presses keys on whatever has the focus, as a person at the keyboard would. */
    public Browser press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** Presses a key while holding a modifier (Ctrl, Shift...) down. */
    public Browser pressWith(Keys modifier, CharSequence key) {
        new Actions(driver).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
        return this;
    }

    /** Presses keys and waits for the page they lead to. */
    public Browser pressAndWait(CharSequence... keys) {
        WebElement html = driver.findElement(By.tagName("html"));
        press(keys);
        waitUntil(d -> isStale(html) && "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    /**
     * Chooses an option of a drop-down by typing its label, as at the keyboard. (Selenium's own Select refuses the
     * claims filters, which sit in a details element that CSS keeps open on wide screens.)
     */
    public Browser choose(String css, String label) {
        script("arguments[0].focus()", find(css));
        press(label);
        waitUntil(d -> label.equals(script("const s = arguments[0]; return s.options[s.selectedIndex].text", find(css))));
        return this;
    }

    /**
     * Presses Tab (or Shift+Tab going {@code back}) until the focused element's text contains {@code text} or its
     * value is {@code text} (a button or a radio button), as someone at the keyboard looks for a link, and returns it.
     */
    public WebElement tabTo(String text, boolean back) {
        for (int i = 0; i < 120; i++) {
            if (back) {
                pressWith(Keys.SHIFT, Keys.TAB);
            } else {
                press(Keys.TAB);
            }
            WebElement now = focused();
            if ("body".equals(now.getTagName())) {
                continue; // between the page's last element and its first
            }
            if (now.getText().contains(text) || text.equalsIgnoreCase(now.getAttribute("value"))) {
                return now;
            }
        }
        throw new AssertionError("no focusable element says \"" + text + "\" on " + path());
    }

    public WebElement tabTo(String text) {
        return tabTo(text, false);
    }

    /** Whether the focused element shows it has the focus (an outline or a box shadow), as a sighted user needs. */
    public boolean focusIsVisible() {
        return Boolean.TRUE.equals(script("""
                const s = getComputedStyle(document.activeElement);
                return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';"""));
    }

    /** Messages the pages logged to the console at level SEVERE, such as scripts or styles the CSP refused. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** The element that has the keyboard focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Runs axe-core's WCAG 2.1 A and AA rules on the page shown. */
    public Axe.Result axe() {
        return Axe.run(this);
    }

    /** Shows the page as it prints (CSS print media), or back as on screen. */
    public Browser print(boolean print) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : ""));
        return this;
    }

    /** Sets the window's inner width (CSS pixels), as a phone or a desk would have it. */
    public Browser width(int width) {
        Dimension now = driver.manage().window().getSize();
        long inner = ((Number) script("return window.innerWidth")).longValue();
        driver.manage().window().setSize(new Dimension((int) (width + now.getWidth() - inner), now.getHeight()));
        return this;
    }

    /**
     * Saves the page shown, from its top down to at most {@code maxHeight} CSS pixels, as
     * {@code target/screenshots/{name}-{width}.png}.
     */
    public Path screenshot(String name, int maxHeight) {
        long width = ((Number) script("return window.innerWidth")).longValue();
        long height = Math.min(maxHeight,
                ((Number) script("return document.documentElement.scrollHeight")).longValue());
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Path file = SCREENSHOTS.resolve(name + "-" + width + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            // asked in the instant the old page goes, chromedriver says so in other words
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
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
