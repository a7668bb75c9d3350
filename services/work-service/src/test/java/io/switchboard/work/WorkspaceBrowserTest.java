package io.switchboard.work;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.DeliveryState;
import io.switchboard.contracts.Json;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.ReplyStatus;
import io.switchboard.contracts.Topics;
import io.switchboard.runtime.test.InjectInfrastructure;
import io.switchboard.runtime.test.SwitchboardTestResource;
import io.switchboard.runtime.test.TestInfrastructure;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.work.AgentApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The agent's workspace ({@code /workspace/}) in Debian's headless Chromium, driven through Debian's chromedriver
 * by the keyboard, against the real service, Kafka broker and PostgreSQL: signed in through the URL fragment, the
 * agent becomes available, a routed contact arrives by long poll with its conversation, explanation, the customer's
 * timeline across channels and a next-best offer; accepted, the offer recorded as taken with its value, and
 * completed; the next one escalated in Dutch. The header names the agent and office, problem details are shown, a
 * refused token sends the agent back to sign in and an agent without a profile is told so at sign-in; an automatic answer in closed hours is marked in the thread. The screenshot is kept for review as
 * {@code target/workspace.png}.
 */
@QuarkusTest
// A person at a screen needs more than the few seconds the other tests watch reservations and presence run out in.
@TestProfile(ReportTest.OnReportClock.class)
@WithTestResource(value = SwitchboardTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "true"))
class WorkspaceBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));

    @InjectInfrastructure
    TestInfrastructure infrastructure;

    @TestHTTPResource("/workspace/")
    URL workspace;

    private KafkaCompanion kafka;
    private RoutedContacts routed;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void open() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("chromium and chromedriver are needed (deploy/test installs them: apt-get install chromium chromium-driver)")
                .isTrue();
        kafka = new KafkaCompanion(infrastructure.bootstrapServers());
        routed = new RoutedContacts(kafka);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--lang=en-GB", "--window-size=1366,768"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        // The page re-renders what it polls: an element found a moment ago may have been replaced since.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void close() {
        browser.quit();
        kafka.close();
    }

    @Test
    void agentPullsAcceptsCompletesAndEscalatesByKeyboard() throws Exception {
        // A language no other test's agents or contacts use, so only this test's contacts come to this agent.
        String n = UUID.randomUUID().toString().substring(0, 8);
        String language = "q" + n;
        String agentId = "agent-ws-" + n;
        String customer = "phone:+3161" + Math.abs(n.hashCode() % 10_000_000);
        register(agentId, "Anna de Vries", Office.FRONT_OFFICE, language, Map.of("WHATSAPP", 2, "PHONE", 1));
        as(Tokens.supervisor("sup-1")).contentType("text/csv").body("""
                customerKey,name,segment,products
                %s,Jan Jansen,ws-%s,internet
                ws-a-%s,A,ws-%s,internet;tv
                ws-b-%s,B,ws-%s,tv;mobile
                """.formatted(customer, n, n, n, n, n)).post("/api/customers/profiles").then().statusCode(200);
        // The customer called the back office yesterday: the timeline shows it next to today's WhatsApp message.
        publish(RoutedContacts.contact(Channel.PHONE, Office.BACK_OFFICE).customer(customer).language(language)
                .text("Mijn factuur klopt niet").build(), List.of("intent COMPLAINT: 'factuur'"));

        browser.get(workspace + "#token=" + Tokens.agent(agentId));
        assertThat(browser.getCurrentUrl()).doesNotContain("token");
        wait.until(page -> page.findElement(By.id("presence")).isDisplayed());
        wait.until(page -> text("agent").equals("Anna de Vries · Front office"));
        press("a");
        wait.until(page -> "true".equals(page.findElement(By.cssSelector("[data-status='AVAILABLE']")).getAttribute("aria-pressed")));
        wait.until(page -> text("idle-text").startsWith("Waiting for work"));

        publish(RoutedContacts.contact(Channel.WHATSAPP, Office.FRONT_OFFICE).customer(customer).language(language)
                .text("Hoe laat zijn jullie morgen open?").build(),
                List.of("rule opening-hours: 'hoe laat' → INFORMATION", "office FRONT_OFFICE: routine work"));

        wait.until(page -> page.findElement(By.id("item")).isDisplayed());
        String itemId = browser.findElement(By.id("item")).getAttribute("data-id");
        assertThat(text("item-channel")).isEqualTo("WhatsApp");
        assertThat(text("item-customer")).isEqualTo("Jan Jansen");
        assertThat(text("item-state")).isEqualTo("Reserved for you");
        assertThat(text("thread")).contains("Hoe laat zijn jullie morgen open?");
        assertThat(text("explanation")).contains("rule opening-hours: 'hoe laat' → INFORMATION");
        assertThat(browser.getTitle()).contains("New work");
        wait.until(page -> page.findElement(By.id("customer")).isDisplayed());
        assertThat(browser.findElements(By.cssSelector("#timeline li[data-channel='PHONE']"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#timeline li[data-channel='WHATSAPP']"))).hasSize(1);
        assertThat(text("offer")).contains("tv");
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "workspace.png"),
                StandardCopyOption.REPLACE_EXISTING);

        press(Keys.ENTER);
        wait.until(page -> "ACCEPTED".equals(page.findElement(By.id("item")).getAttribute("data-state")));
        // The offer shown is recorded; the customer takes it, and the agent records what it is worth.
        WebElement offerValue = wait.until(page -> page.findElement(By.id("offer-value")));
        offerValue.sendKeys("12.50");
        browser.findElement(By.id("offer-taken")).click();
        wait.until(page -> text("offer").contains("Taken: €12.50"));
        as(Tokens.agent(agentId)).post("/api/work/" + itemId + "/offer/shown").then().statusCode(200)
                .body("product", equalTo("tv")).body("source", equalTo("agent")).body("value", equalTo(12.5f));
        // The agent answers from the reply box (Enter sends), which offers the office's canned responses; the reply
        // shows in the thread with its delivery state.
        wait.until(page -> page.findElement(By.id("canned")).isDisplayed());
        assertThat(text("canned")).contains("Bedankt voor uw bericht.");
        WebElement replyBox = browser.findElement(By.id("reply-text"));
        replyBox.click();
        replyBox.sendKeys("Morgen zijn we open", Keys.chord(Keys.SHIFT, Keys.ENTER), "van 9 tot 18 uur.", Keys.ENTER);
        wait.until(page -> !page.findElements(By.cssSelector("#thread li.outbound")).isEmpty());
        String replyId = as(Tokens.agent(agentId)).get("/api/work/" + itemId).then().statusCode(200)
                .body("messages[1].direction", equalTo("OUTBOUND"))
                .body("messages[1].text", equalTo("Morgen zijn we open\nvan 9 tot 18 uur."))
                .extract().path("messages[1].replyId");
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CONTACTS_DELIVERY, replyId,
                RoutedContacts.json(new ReplyStatus(ReplyStatus.SCHEMA_VERSION, UUID.randomUUID().toString(), replyId,
                        Channel.WHATSAPP, "whatsapp-cloud-api", "wamid.ws-" + n, DeliveryState.DELIVERED, null,
                        Instant.now())))).awaitCompletion(Duration.ofSeconds(30));
        wait.until(page -> "DELIVERED".equals(page.findElement(By.cssSelector("#thread li.outbound"))
                .getAttribute("data-state")) && page.findElement(By.cssSelector("#thread li.outbound")).getText()
                .contains("delivered"));
        ((JavascriptExecutor) browser).executeScript("document.activeElement.blur()");
        press("c");
        WebElement resolution = browser.switchTo().activeElement();
        assertThat(resolution.getAttribute("id")).isEqualTo("resolution");
        resolution.sendKeys("ANSWERED");
        browser.findElement(By.id("notes")).sendKeys("Open 9-18");
        resolution.sendKeys(Keys.ENTER);
        wait.until(page -> !page.findElement(By.id("item")).isDisplayed());
        as(Tokens.supervisor("sup-1")).get("/api/work/" + itemId).then().statusCode(200)
                .body("state", equalTo("COMPLETED")).body("resolution", equalTo("ANSWERED"))
                .body("firstContactResolution", equalTo(true)).body("notes", equalTo("Open 9-18"));
        // An agent with a wrap-up time is not offered work right after completing: the page shows the API's 409
        // and A ends the wrap-up.
        wait.until(page -> text("problem").equals("Completed.") || text("problem").contains("(409)"));
        if (text("problem").contains("(409)")) {
            press("a");
        }

        press("l");
        wait.until(page -> text("idle-text").startsWith("Wachten op werk"));
        publish(RoutedContacts.contact(Channel.PHONE, Office.FRONT_OFFICE).customer("phone:+3162" + Math.abs(n.hashCode() % 10_000_000))
                .language(language).text("Ik wil mijn contract opzeggen").build(), List.of("intent COMPLEX_INQUIRY: 'contract'"));
        wait.until(page -> page.findElement(By.id("item")).isDisplayed());
        String escalatedId = browser.findElement(By.id("item")).getAttribute("data-id");
        assertThat(text("item-channel")).isEqualTo("Telefoon");
        press(Keys.ENTER);
        wait.until(page -> "ACCEPTED".equals(page.findElement(By.id("item")).getAttribute("data-state")));
        press("e");
        WebElement reason = browser.switchTo().activeElement();
        assertThat(reason.getAttribute("id")).isEqualTo("reason");
        reason.sendKeys("contractgeschil", Keys.ENTER);
        wait.until(page -> text("problem").equals("Doorgezet naar Back office."));
        as(Tokens.supervisor("sup-1")).get("/api/work/" + escalatedId).then().statusCode(200)
                .body("state", equalTo("QUEUED")).body("office", equalTo("BACK_OFFICE"))
                .body("escalations[0].reason", equalTo("contractgeschil"))
                .body("escalations[0].agentId", equalTo(agentId));

        // A refused token sends the agent back to sign in.
        ((JavascriptExecutor) browser).executeScript(
                "sessionStorage.setItem('switchboard.workspace.token', arguments[0])", "not.a-token.at-all");
        press("w");
        wait.until(page -> page.findElement(By.id("login")).isDisplayed());
        assertThat(text("problem")).contains("geweigerd");
        browser.findElement(By.id("token")).sendKeys(Tokens.agent("nobody-" + n));
        browser.findElement(By.cssSelector("#login button[type='submit']")).click();
        // An agent nobody registered is told so at sign-in (GET /api/agents/me answers 404), not at the first pull.
        wait.until(page -> text("problem").equals(
                "Je bent niet geregistreerd als agent (nobody-" + n + ") — vraag het een supervisor."));
        assertThat(browser.findElement(By.id("presence")).isDisplayed()).isFalse();
    }

    @Test
    void theAutomaticAnswerInClosedHoursIsMarkedInTheThread() {
        // Tests' calendar: the technicians' webshop is closed on Saturdays, so the message got an automatic answer.
        String n = UUID.randomUUID().toString().substring(0, 8);
        String language = "q" + n;
        String agentId = "agent-ws-" + n;
        register(agentId, "Piet Smit", Office.TECHNICIANS, language, Map.of("WEBSHOP", 1));
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        Instant saturday = LocalDate.now(amsterdam).with(TemporalAdjusters.next(DayOfWeek.SATURDAY)).atTime(11, 0)
                .atZone(amsterdam).toInstant();
        publish(RoutedContacts.contact(Channel.WEBSHOP, Office.TECHNICIANS).customer("webshop:" + n).language(language)
                .provider("webshop").receivedAt(saturday).text("Mijn modem knippert rood").build(), List.of("test"));

        browser.get(workspace + "#token=" + Tokens.agent(agentId));
        wait.until(page -> text("agent").equals("Piet Smit · Technicians"));
        press("a");
        wait.until(page -> page.findElement(By.id("item")).isDisplayed());
        WebElement automatic = browser.findElement(By.cssSelector("#thread li.outbound.automatic"));
        assertThat(automatic.getText()).contains("switchboard, automatic reply").contains("Thank you for your message.");
        press("l");
        wait.until(page -> page.findElement(By.cssSelector("#thread li.automatic")).getText()
                .contains("switchboard, automatisch antwoord"));
        assertThat(browser.findElements(By.cssSelector("#thread li.automatic"))).hasSize(1);
    }

    private static void register(String agentId, String name, Office office, String language,
            Map<String, Integer> capacity) {
        as(Tokens.supervisor("sup-1"))
                .body(Map.of("name", name, "office", office, "skills", List.of(), "languages", List.of(language),
                        "regions", List.of(), "capacity", capacity))
                .put("/api/agents/" + agentId).then().statusCode(200);
    }

    /** Publishes a routed contact with the routing engine's explanation of its decision. */
    private void publish(ContactRouted contact, List<String> explanation) {
        ObjectNode json = Json.mapper().valueToTree(contact);
        json.set("explanation", Json.mapper().valueToTree(explanation));
        routed.publishRaw(contact.contact().customer().key(), json.toString());
    }

    private void press(CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
