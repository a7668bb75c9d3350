package io.switchboard.ops;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.ops.WorkServiceStub.InjectWorkService;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.switchboard.contracts.ClassificationCorrection.Source.AGENT;
import static io.switchboard.contracts.Intent.COMPLEX_INQUIRY;
import static io.switchboard.contracts.Intent.INFORMATION;
import static io.switchboard.contracts.Rst.ROUTINE;
import static io.switchboard.contracts.Rst.SPECIALIST;
import static io.switchboard.ops.ContactEvents.correction;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor's dashboard in headless Chromium, against the ops-service with a WireMock stand-in for the
 * work-service: the agents with state, reason, load and items, the queues with stranded work and why, a channel
 * closed by its business hours ("closed, opens ...") and one whose calendar is unknown, the week's routing
 * corrections from the real broker; reached with the keyboard (S, arrows) and switched to Dutch with L. The
 * screenshot is kept for review as {@code target/dashboard-supervisor.png}.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = WorkServiceStub.class, scope = TestResourceScope.GLOBAL)
class SupervisorDashboardBrowserTest {

    private static final By PHONE_CALENDAR = By.cssSelector("[data-channel='PHONE'] [data-field='calendar']");

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @InjectWorkService
    WireMockServer workService;

    @TestHTTPResource("/")
    URL dashboard;

    @Test
    void supervisorsSeeAgentsQueuesBusinessHoursAndCorrections() throws Exception {
        workService.stubFor(get(urlPathMatching("/api/calendar/.*")).willReturn(okJson("""
                {"open": true, "holiday": false, "nextChange": null}""")));
        workService.stubFor(get(urlPathEqualTo("/api/calendar/PHONE")).willReturn(okJson("""
                {"open": false, "holiday": false, "nextChange": "%s"}"""
                .formatted(Instant.now().plus(Duration.ofHours(10)).truncatedTo(ChronoUnit.MINUTES)))));
        workService.stubFor(get(urlPathEqualTo("/api/calendar/WHATSAPP")).willReturn(serverError()));
        workService.stubFor(get("/api/supervisor/agents").willReturn(okJson(WorkServiceSamples.AGENTS)));
        workService.stubFor(get("/api/queues").willReturn(okJson(WorkServiceSamples.QUEUES)));

        WebDriver browser = Chromium.start();
        try (KafkaCompanion kafka = new KafkaCompanion(infrastructure.bootstrapServers())) {
            new ContactEvents(kafka).send(correction(UUID.randomUUID().toString(), SPECIALIST, COMPLEX_INQUIRY,
                    ROUTINE, INFORMATION, AGENT, Instant.parse("2026-05-12T10:00:00Z")));
            browser.get(dashboard + "#token=" + Tokens.token("sup-1", "supervisor"));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            // The board re-renders every refresh: an element found a moment ago may have been replaced since.
            wait.ignoring(StaleElementReferenceException.class);

            WebElement anna = wait.until(page -> page.findElement(By.cssSelector("#agents tr[data-agent='anna']")));
            assertThat(anna.getText()).contains("Anna de Jong", "front office", "available", "whatsapp 2", "0f6c8a52");
            assertThat(browser.findElement(By.cssSelector("#agents tr[data-agent='bram']")).getText())
                    .contains("away", "break");
            WebElement stranded = browser.findElement(By.cssSelector("#work-queues tr[data-queue='BACK_OFFICE:WHATSAPP']"));
            assertThat(stranded.getText()).contains("back office · whatsapp", "skill 2, language 1");
            assertThat(stranded.getAttribute("class")).isEqualTo("sl-bad");

            wait.until(page -> page.findElement(PHONE_CALENDAR).getText().startsWith("closed, opens "));
            assertThat(browser.findElement(By.cssSelector("[data-channel='PHONE'] [data-field='open']")).getText())
                    .isEqualTo("closed");
            assertThat(browser.findElement(By.cssSelector("[data-channel='WHATSAPP'] [data-field='calendar']"))
                    .getText()).isEqualTo("calendar unknown");
            wait.until(page -> page.findElement(By.cssSelector("#corrections tr[data-week='2026-W20']")).getText()
                    .contains("SPECIALIST → ROUTINE"));

            // The keyboard: S goes to the agents, the arrows move between them; L switches to Dutch.
            WebElement body = browser.findElement(By.tagName("body"));
            body.sendKeys("s");
            assertThat(browser.switchTo().activeElement().getAttribute("data-agent")).isEqualTo("anna");
            browser.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
            assertThat(browser.switchTo().activeElement().getAttribute("data-agent")).isEqualTo("bram");
            body.sendKeys("l");
            assertThat(browser.findElement(By.id("supervision-title")).getDomProperty("textContent"))
                    .isEqualTo("Supervisor: medewerkers en wachtrijen");
            wait.until(page -> page.findElement(PHONE_CALENDAR).getText().startsWith("dicht, opent "));

            Path screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(screenshot, Path.of("target", "dashboard-supervisor.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.quit();
        }
    }
}
