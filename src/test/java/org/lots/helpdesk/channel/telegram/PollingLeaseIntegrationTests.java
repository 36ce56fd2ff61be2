package org.lots.helpdesk.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lots.helpdesk.TestApps;
import org.lots.helpdesk.content.ContentService;
import org.lots.helpdesk.store.Leases;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * Long polling with two instances on one store: only the holder of the polling lease polls; when it is killed
 * (SIGKILL, a child JVM) the other takes the lease over once it ran out and answers what came meanwhile.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PollingLeaseIntegrationTests {

    @Test
    void whenThePollingInstanceDiesAnotherTakesOverTheLeaseAndAnswers() throws Exception {
        MongoServer database = new MongoServer(H2Backend.inMemory());
        database.bind("127.0.0.1", 0);
        String uri = database.getConnectionString() + "/helpdesk";
        FakeBotApi fake = FakeBotApi.start();
        List<String> args = new ArrayList<>(TestApps.arguments(null));
        args.addAll(List.of("--helpdesk.store=mongodb", "--spring.mongodb.uri=" + uri, "--telegram.token=" + FakeBotApi.TOKEN,
                "--telegram.base-url=" + fake.baseUrl(), "--telegram.mode=polling", "--telegram.polling.timeout=1s",
                "--telegram.cluster.polling-lease=2s", "--telegram.cluster.chat-lease=3s", "--telegram.cluster.claim-stale=3s",
                "--telegram.cluster.sweep-every=500ms", "--helpdesk.privacy.first-contact-notice=false",
                "--telegram.limits.per-chat-per-second=20"));
        String lease = "telegram-polling:" + FakeBotApi.TOKEN.split(":")[0];
        ChildApp first = null;
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> leases = client.getDatabase("helpdesk").getCollection("leases");
            first = ChildApp.start(System.getProperty("java.class.path"), "768m", args);
            String firstOwner = String.valueOf(first.pid());
            Await.until("the first instance to hold the polling lease", () -> owner(leases, lease).startsWith(firstOwner + "@"));
            try (ConfigurableApplicationContext second = TestApps.start(null, args.subList(TestApps.arguments(null).size(), args.size())
                    .toArray(String[]::new))) {
                ContentService content = second.getBean(ContentService.class);
                List<String> welcome = List.of(content.current().texts().format("en", "welcome.hello"),
                        content.current().texts().format("en", "welcome.menu_q"));
                fake.pushText(83_001, "en", "/start");
                Await.until("the first chat welcomed", () -> fake.texts(83_001).equals(welcome));
                assertTrue(owner(leases, lease).startsWith(firstOwner + "@"), "the lease stays where it is while its holder lives");
                assertTrue(!second.getBean(PollingReceiver.class).polling(), "the second instance does not poll meanwhile");

                first.kill();
                fake.pushText(83_002, "en", "/start"); // sent while nobody polls
                String secondOwner = second.getBean(Leases.class).owner();
                Await.until("the second instance to take the lease over", () -> owner(leases, lease).equals(secondOwner));
                Await.until("the second chat welcomed", () -> fake.texts(83_002).equals(welcome));
                assertEquals(welcome, fake.texts(83_001), "the first chat got nothing more");
            }
        } finally {
            if (first != null) first.kill();
            fake.close();
            database.shutdownNow();
        }
    }

    private static String owner(MongoCollection<Document> leases, String name) {
        Document d = leases.find(new Document("_id", name)).first();
        return d == null ? "" : d.getString("owner");
    }
}
