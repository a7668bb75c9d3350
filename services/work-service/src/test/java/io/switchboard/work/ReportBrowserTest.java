package io.switchboard.work;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report page ({@code /reports/}) in Debian's headless Chromium against the real service: a supervisor signed in
 * through the URL fragment picks the day the clocks go back (25 hours), the channel and the interval, and reads
 * what the day's contacts did, in English and in Dutch; an agent's token is turned away. The screenshot is kept for
 * review as {@code target/reports.png}.
 */
@QuarkusTest
@TestProfile(ReportTest.OnReportClock.class)
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class ReportBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));
    private static final LocalDate DAY = LocalDate.of(2026, 10, 25);

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @Inject
    ReportClock clock;

    @TestHTTPResource("/reports/")
    URL reports;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void open() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("chromium and chromedriver are needed (deploy/test installs them: apt-get install chromium chromium-driver)")
                .isTrue();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--lang=en-GB", "--window-size=1600,900"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        // The report re-renders what it polls: an element found a moment ago may have been replaced since.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    @Test
    void supervisorReadsTheDayInEnglishAndDutch() throws Exception {
        try (ContactDay day = new ContactDay(clock, infrastructure,
                DAY.atTime(11, 0).atZone(ReportTest.AMSTERDAM).toInstant())) {
            String agent = day.agent(Office.FRONT_OFFICE, Channel.WHATSAPP);
            ContactRouted answered = day.contact(Channel.WHATSAPP, Office.FRONT_OFFICE, ContactDay.customer("Gert"),
                    Intent.INFORMATION, "Is mijn pakket al onderweg?");
            day.completed(agent, day.answered(answered, agent, Duration.ofSeconds(10)), Duration.ofSeconds(60));
            ContactRouted gaveUp = day.contact(Channel.WHATSAPP, Office.FRONT_OFFICE, ContactDay.customer("Hans"),
                    Intent.INFORMATION, "Hallo?");
            day.arrives(gaveUp);
            day.abandoned(gaveUp, Duration.ofSeconds(400));
        }

        browser.get(reports + "#token=" + Tokens.supervisor("sup-1"));
        assertThat(browser.getCurrentUrl()).doesNotContain("token");
        wait.until(page -> page.findElement(By.id("query")).isDisplayed());
        ((JavascriptExecutor) browser).executeScript("document.getElementById('from').value = arguments[0];"
                + "document.getElementById('to').value = arguments[1];"
                + "document.getElementById('channel').value = 'WHATSAPP';", DAY.toString(), DAY.plusDays(1).toString());
        browser.findElement(By.cssSelector("#query button[type='submit']")).click();
        wait.until(page -> page.findElements(By.cssSelector("#report tbody tr")).size() == 1);

        assertThat(cells()).startsWith("WhatsApp", "Front office", "2", "1", "1", "0", "50.0", "10", "1", "60");
        assertThat(browser.findElement(By.cssSelector("#report tbody td")).getText())
                .as("the day's start in the report's zone, whatever the browser's").isEqualTo("25/10/2026, 00:00");
        assertThat(browser.findElement(By.id("period")).getText())
                .contains("25/10/2026, 00:00 to 26/10/2026, 00:00 (Europe/Amsterdam)");
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "reports.png"), StandardCopyOption.REPLACE_EXISTING);

        browser.findElement(By.cssSelector("[data-language='nl']")).click();
        wait.until(page -> page.findElement(By.cssSelector("#report thead")).getText().contains("Aangeboden"));
        wait.until(page -> cells().contains("Frontoffice"));
        assertThat(cells()).contains("50,0");

        browser.findElement(By.id("logout")).click();
        browser.get("about:blank"); // a new fragment alone would not load the page again
        browser.get(reports + "#token=" + Tokens.agent("agent-1"));
        wait.until(page -> page.findElement(By.id("problem")).isDisplayed());
        assertThat(browser.findElement(By.id("problem")).getText()).contains("supervisor of ops");
        assertThat(browser.findElement(By.id("desk")).isDisplayed()).isFalse();
    }

    /** The first row's cells after its start: channel, office, then the figures. */
    private List<String> cells() {
        List<String> texts = browser.findElements(By.cssSelector("#report tbody tr:first-child td")).stream()
                .map(WebElement::getText).toList();
        return texts.isEmpty() ? texts : texts.subList(1, texts.size());
    }
}
