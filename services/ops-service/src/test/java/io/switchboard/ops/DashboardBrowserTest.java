package io.switchboard.ops;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.switchboard.contracts.LifecycleEventType.OFFER_ACCEPTED;
import static io.switchboard.contracts.LifecycleEventType.OFFER_SHOWN;
import static io.switchboard.contracts.LifecycleEventType.QUEUED;
import static io.switchboard.contracts.LifecycleEventType.REPLY_FAILED;
import static io.switchboard.contracts.LifecycleEventType.REPLY_SENT;
import static io.switchboard.contracts.LifecycleEventType.SURVEY_ANSWERED;
import static io.switchboard.contracts.LifecycleEventType.SURVEY_SENT;
import static io.switchboard.ops.ContactEvents.routed;
import static io.switchboard.ops.ContactEvents.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live dashboard in Debian's headless Chromium ({@link Chromium}): it signs in with the token handed over in the URL fragment (and takes it out of the address), loads, shows the
 * numbers, and they change as contacts arrive; the feedback and revenue table shows NPS, CSAT, response rate and
 * revenue against cost per contact, in English and Dutch. The screenshots are kept for review as
 * {@code target/dashboard.png} and {@code target/dashboard-feedback.png}.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL)
class DashboardBrowserTest {

    private static final By STORE_RECEIVED = By.cssSelector("[data-channel='STORE'] [data-field='received']");
    private static final By STORE_WAITING = By.cssSelector("[data-channel='STORE'] [data-field='waiting']");
    private static final Function<String, By> WEBSHOP_FEEDBACK =
            field -> By.cssSelector("#feedback tr[data-channel='WEBSHOP'] [data-field='" + field + "']");

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @TestHTTPResource("/")
    URL dashboard;

    @Test
    void numbersChangeAsContactsArrive() throws Exception {
        WebDriver browser = Chromium.start();
        try (KafkaCompanion kafka = new KafkaCompanion(infrastructure.bootstrapServers())) {
            WebDriverWait wait = signIn(browser);
            assertThat(browser.getCurrentUrl()).doesNotContain("token");
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

    @Test
    void feedbackAndRevenuePerChannel() throws Exception {
        WebDriver browser = Chromium.start();
        try (KafkaCompanion kafka = new KafkaCompanion(infrastructure.bootstrapServers())) {
            WebDriverWait wait = signIn(browser);

            // A webshop order handled two hours ago (the other tests' windows stay untouched), its offer taken, and
            // three surveys answered 10, 9 and 4: NPS (2 − 1) / 3 = +33, CSAT 2 of 3, all answered.
            ContactEvents events = new ContactEvents(kafka);
            Instant now = Instant.now();
            ContactRouted order = events.handled(Channel.WEBSHOP, now.minus(Duration.ofHours(2)),
                    Duration.ofSeconds(30), Duration.ofMinutes(4));
            events.send(step(order, OFFER_SHOWN, order.routedAt(), order.routedAt().plusSeconds(60), "agent-1",
                            Map.of("product", "Extended warranty")),
                    step(order, OFFER_ACCEPTED, order.routedAt(), now.minusSeconds(20), "agent-1",
                            Map.of("product", "Extended warranty", "value", "59.00", "currency", "EUR",
                                    "source", "order")));
            String[] scores = {"10", "9", "4"};
            for (String score : scores) {
                ContactRouted surveyed = routed(Channel.WEBSHOP, now.minusSeconds(300));
                String surveyId = UUID.randomUUID().toString();
                events.send(step(surveyed, SURVEY_SENT, surveyed.routedAt(), now.minusSeconds(200), "agent-1",
                                Map.of("surveyId", surveyId)),
                        step(surveyed, SURVEY_ANSWERED, surveyed.routedAt(), now.minusSeconds(10), "agent-1",
                                Map.of("surveyId", surveyId, "score", score)));
            }

            wait.until(page -> page.findElement(WEBSHOP_FEEDBACK.apply("nps")).getText().equals("+33"));
            assertThat(browser.findElement(WEBSHOP_FEEDBACK.apply("nps")).getAttribute("class")).isEqualTo("sl-good");
            assertThat(browser.findElement(WEBSHOP_FEEDBACK.apply("csat")).getText()).isEqualTo("67 %");
            assertThat(browser.findElement(WEBSHOP_FEEDBACK.apply("responseRate")).getText()).isEqualTo("100 %");
            assertThat(browser.findElement(WEBSHOP_FEEDBACK.apply("answers")).getText()).isEqualTo("2 · 0 · 1");
            assertThat(browser.findElement(WEBSHOP_FEEDBACK.apply("takeUp")).getText()).isEqualTo("1 of 1");
            // Revenue against cost per contact, as the API has them (the webshop's completions are shared).
            JsonPath webshop = Tokens.asOps().get("/api/feedback?by=channel").then().statusCode(200).extract()
                    .jsonPath().setRootPath("groups.find { it.key == 'WEBSHOP' }.totals");
            double revenue = webshop.getDouble("offers.revenuePerContact");
            double cost = webshop.getDouble("costPerContact");
            assertThat(browser.findElement(WEBSHOP_FEEDBACK.apply("revenuePerContact")).getText())
                    .isEqualTo(String.format(Locale.ROOT, "%.2f", revenue));
            assertThat(browser.findElement(WEBSHOP_FEEDBACK.apply("revenuePerContact")).getAttribute("class"))
                    .isEqualTo(revenue >= cost ? "sl-good" : "sl-bad");
            assertThat(browser.findElement(WEBSHOP_FEEDBACK.apply("cost")).getText())
                    .isEqualTo(String.format(Locale.ROOT, "%.2f", cost));
            assertThat(browser.findElements(By.cssSelector("#feedback tbody tr"))).hasSize(5);

            // F jumps to the table; L switches it to Dutch.
            browser.findElement(By.tagName("body")).sendKeys("f");
            assertThat(browser.switchTo().activeElement().getAttribute("data-channel")).isEqualTo("PHONE");
            browser.findElement(By.tagName("body")).sendKeys("l");
            wait.until(page -> page.findElement(By.id("feedback-title")).getDomProperty("textContent")
                    .equals("Klantoordeel en opbrengst per kanaal"));
            wait.until(page -> page.findElement(WEBSHOP_FEEDBACK.apply("takeUp")).getText().equals("1 van 1"));

            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                    browser.findElement(By.id("feedback-revenue")));
            Path screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(screenshot, Path.of("target", "dashboard-feedback.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.quit();
        }
    }

    /** Opens the dashboard with an ops token in the URL fragment and waits for the first numbers. */
    private WebDriverWait signIn(WebDriver browser) {
        browser.get(dashboard + "#token=" + Tokens.ops());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // The board re-renders every refresh: an element found a moment ago may have been replaced since.
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(page -> !page.findElement(STORE_RECEIVED).getText().equals("–"));
        return wait;
    }

    private static long number(WebDriver page, By field) {
        String text = page.findElement(field).getText();
        return text.equals("–") ? 0 : Long.parseLong(text);
    }
}
