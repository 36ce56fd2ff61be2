package org.lots.helpdesk.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lots.helpdesk.TestApps;
import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.store.EmbeddedStore;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The database goes away under a running help desk ({@code mongodb} mode against a wire-protocol server the test
 * stops and starts again on the same file and port): health turns DOWN, Telegram's webhook calls are refused with a
 * non-200 (so Telegram keeps and retries them), and once the database is back the retried update is answered and
 * nothing stored before is lost.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class StoreOutageIntegrationTests {

    /** Anonymous, as a load balancer asks (a login would need the database itself). */
    static HttpResponse<String> health(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(java.time.Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void healthIsDownWhileTheDatabaseIsAwayAndTheRefusedUpdateIsAnsweredWhenItReturns() throws Exception {
        Path file = Files.createTempDirectory("helpdesk-outage-").resolve("store.mv");
        MongoServer database = EmbeddedStore.server(file);
        database.bind("127.0.0.1", 0);
        int port = database.getLocalAddress().getPort();
        // Short driver timeouts, as an operator sets them: an unreachable database is noticed in a second.
        String uri = "mongodb://127.0.0.1:" + port + "/helpdesk?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000";
        FakeBotApi fake = FakeBotApi.start();
        List<String> args = new ArrayList<>(List.of("--helpdesk.store=mongodb", "--spring.mongodb.uri=" + uri));
        args.addAll(TwoInstancesIntegrationTests.webhook(fake));
        try (ConfigurableApplicationContext app = TestApps.start(null, args.toArray(String[]::new))) {
            int web = TestApps.port(app);
            ContentService content = app.getBean(ContentService.class);
            MongoTemplate mongo = app.getBean(MongoTemplate.class);
            long chat = 82_000;
            String hello = content.current().texts().format("en", "welcome.hello"), menu = content.current().texts().format("en", "welcome.menu_q");
            assertEquals(200, health(web).statusCode(), "UP");
            ObjectNode start = fake.textUpdate(chat, "en", "/start");
            Await.until("the /start acknowledged", () -> TwoInstancesIntegrationTests.deliver(web, start));
            Await.until("the welcome sent", () -> fake.texts(chat).equals(List.of(hello, menu))
                    && mongo.count(Query.query(Criteria.where("chatId").is(chat)), OutboxStore.COLLECTION) == 0);

            database.shutdownNow();
            HttpResponse<String> down = Await.until("health DOWN", () -> health(web), r -> r.statusCode() == 503);
            assertTrue(down.body().contains("\"DOWN\""), down.body());
            ObjectNode later = fake.textUpdate(chat, "en", "/menu");
            int refused = TwoInstancesIntegrationTests.status(web, later);
            assertNotEquals(200, refused, "an update that cannot be recorded is not acknowledged");

            database = EmbeddedStore.server(file);
            database.bind(new InetSocketAddress("127.0.0.1", port), 1, 4); // the same database, back at its address
            Await.until("health UP again", () -> health(web).statusCode() == 200);
            // Telegram delivers the refused update again; it is answered once, after what came before.
            Await.until("the retried /menu acknowledged", () -> TwoInstancesIntegrationTests.deliver(web, later));
            Await.until("the menu sent", () -> fake.texts(chat).size() >= 3
                    && mongo.count(Query.query(Criteria.where("chatId").is(chat)), OutboxStore.COLLECTION) == 0);
            assertEquals(List.of(hello, menu, menu), fake.texts(chat));
            assertEquals(1, mongo.count(Query.query(Criteria.where("channel").is("telegram").and("address").is(String.valueOf(chat))),
                    "conversations"), "the conversation kept");
        } finally {
            database.shutdownNow();
            fake.close();
        }
    }
}
