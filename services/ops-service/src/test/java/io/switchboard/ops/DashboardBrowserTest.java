package io.switchboard.ops;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.switchboard.contracts.LifecycleEventType.QUEUED;
import static io.switchboard.contracts.LifecycleEventType.REPLY_FAILED;
import static io.switchboard.contracts.LifecycleEventType.REPLY_SENT;
import static io.switchboard.ops.ContactEvents.routed;
import static io.switchboard.ops.ContactEvents.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live dashboard in Debian's headless Chromium ({@link Chromium}): it signs in with the token handed over in the URL fragment (and takes it out of the address), loads, shows the
 * numbers, and they change as contacts arrive. The screenshot is kept for review as
 * {@code target/dashboard.png}.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class DashboardBrowserTest {

    private static final By STORE_RECEIVED = By.cssSelector("[data-channel='STORE'] [data-field='received']");
    private static final By STORE_WAITING = By.cssSelector("[data-channel='STORE'] [data-field='waiting']");

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @TestHTTPResource("/")
    URL dashboard;

    @Test
    void numbersChangeAsContactsArrive() throws Exception {
        WebDriver browser = Chromium.start();
        try (KafkaCompanion kafka = new KafkaCompanion(infrastructure.bootstrapServers())) {
            browser.get(dashboard + "#token=" + Tokens.ops());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            assertThat(browser.getCurrentUrl()).doesNotContain("token");
            wait.until(page -> !page.findElement(STORE_RECEIVED).getText().equals("–"));
            long received = number(browser, STORE_RECEIVED);
            long waiting = number(browser, STORE_WAITING);
            assertThat(browser.findElements(By.cssSelector("article.card"))).hasSize(5);
            assertThat(browser.findElement(By.id("login")).isDisplayed()).as("no sign-in form once signed in").isFalse();
            assertThat(browser.findElement(By.id("supervision")).isDisplayed()).as("for supervisors only").isFalse();

            ContactEvents events = new ContactEvents(kafka);
            Instant now = Instant.now();
            for (int i = 0; i < 6; i++) {
                events.handled(Channel.STORE, now.minusSeconds(40L * i), Duration.ofSeconds(20 + 15L * i),
                        Duration.ofSeconds(90));
            }
            for (int i = 0; i < 2; i++) {
                ContactRouted visitor = routed(Channel.STORE, now.minusSeconds(30));
                events.send(visitor);
                events.send(step(visitor, QUEUED, visitor.routedAt(), visitor.routedAt()));
            }

            wait.until(page -> number(page, STORE_RECEIVED) == received + 8 && number(page, STORE_WAITING) == waiting + 2);
            assertThat(browser.findElement(By.cssSelector("#throughput polyline[data-channel='STORE']"))
                    .getAttribute("points")).isNotBlank();
            assertThat(browser.findElement(By.id("connection")).getAttribute("class")).contains("live");

            // One WhatsApp reply sent, one refused: the card's reply row says so, in red.
            ContactRouted answered = routed(Channel.WHATSAPP, now);
            events.send(step(answered, REPLY_SENT, now, now, "agent-1", Map.of("replyId", "d-1", "kind", "REPLY")),
                    step(answered, REPLY_FAILED, now, now, "agent-1",
                            Map.of("replyId", "d-2", "kind", "REPLY", "error", "400 131047 Re-engagement message")));
            By whatsAppReplies = By.cssSelector("[data-channel='WHATSAPP'] [data-field='replies']");
            wait.until(page -> page.findElement(whatsAppReplies).getText().equals("1 sent · 1 failed"));
            assertThat(browser.findElement(whatsAppReplies).getAttribute("class")).isEqualTo("sl-bad");

            Path screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(screenshot, Path.of("target", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);

            browser.findElement(By.id("logout")).click();
            assertThat(browser.findElement(By.id("login")).isDisplayed()).isTrue();
            browser.navigate().refresh();
            assertThat(browser.findElement(By.id("login")).isDisplayed()).as("signed out for good").isTrue();
        } finally {
            browser.quit();
        }
    }

    private static long number(WebDriver page, By field) {
        String text = page.findElement(field).getText();
        return text.equals("–") ? 0 : Long.parseLong(text);
    }
}
