package org.lots.helpdesk.channel.telegram;


import java.io.IOException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;

import java.util.concurrent.ConcurrentHashMap;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;



import org.lots.helpdesk.Api;


import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Webhook traffic for many chats into a help desk in a child JVM, killed with SIGKILL at random moments and
 * started again on the same data folder, as Telegram would see it: an update is acknowledged by a 200, and an
 * update not acknowledged is delivered again (in order per chat) until it is. Every chat sends {@code /menu}
 * again and again; each acknowledged update must be answered, and only a message in flight at a kill may be
 * answered twice. Used by {@link TelegramCrashIntegrationTests} and by {@code bench/crash.sh} (its main).
 */
public final class CrashUnderLoad {

    static final String SECRET = "Crash-test_secret";

    /** @param seed chooses the kill moments; @param minRun/maxRun how long the app runs under load between kills */
    record Plan(int chats, int kills, Duration minRun, Duration maxRun, long seed, String classpath) {}

    /**
     * @param acknowledged updates answered 200 by the app (all of them, in the end)
     * @param answered     menu replies the fake Bot API accepted
     * @param lost         acknowledged updates without an answer (must be 0)
     * @param twice        answers beyond one per acknowledged update
     * @param worstChat    the most answers one chat got twice
     */
    record Result(int chats, int kills, int acknowledged, int answered, int lost, int twice, int worstChat, int refusedDeliveries,
                  long seconds) {
        @Override
        public String toString() {
            return chats + " chats, " + kills + " kills: " + acknowledged + " updates acknowledged, " + answered + " answers, "
                    + lost + " lost, " + twice + " answered twice (worst chat " + worstChat + "), " + refusedDeliveries
                    + " deliveries refused or cut off (Telegram would retry), " + seconds + " s";
        }
    }

    private final Plan plan;
    private final FakeBotApi api = FakeBotApi.start();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Long, Deque<ObjectNode>> unacknowledged = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private String menu;
    /** Menu-text messages each chat got in the warm-up (the welcome ends with the same text). */
    private final Map<Long, Integer> baseline = new ConcurrentHashMap<>();

    CrashUnderLoad(Plan plan) {
        this.plan = plan;
    }

    Result run() throws Exception {
        long started = System.nanoTime();
        Path data = Files.createTempDirectory("helpdesk-crash-");
        Random random = new Random(plan.seed());
        try {
            ChildApp app = start(data);
            int port = app.port();
            warmUp(port);
            for (int k = 0; k < plan.kills(); k++) {
                long runMs = plan.minRun().toMillis() + (long) (random.nextDouble() * (plan.maxRun().toMillis() - plan.minRun().toMillis()));
                int p = port;
                // The kill comes while webhook calls are in flight: the load goes on a little past it.
                Thread traffic = new Thread(() -> load(p, runMs + 1000), "crash-traffic");
                traffic.start();
                Thread.sleep(runMs);
                app.kill(); // SIGKILL: no shutdown hook, no last commit
                traffic.join();
                app = start(data);
                port = app.port();
            }
            // After the last restart: load once more, then deliver whatever is still unacknowledged.
            load(port, plan.minRun().toMillis());
            while (unacknowledged.values().stream().anyMatch(q -> !q.isEmpty())) load(port, 0);
            // A last /menu per chat as a sync point: a chat's answers go out in order, so once this one arrived, all did.
            for (long chat : chats()) queue(chat);
            while (unacknowledged.values().stream().anyMatch(q -> !q.isEmpty())) load(port, 0);
            for (long chat : chats()) Await.until("chat " + chat + " answered", () -> answers(chat) >= acknowledged.get(chat).get());
            app.close();
            int ack = 0, answered = 0, lost = 0, twice = 0, worst = 0;
            for (long chat : chats()) {
                int a = acknowledged.get(chat).get(), n = answers(chat);
                ack += a;
                answered += n;
                lost += Math.max(0, a - n);
                twice += Math.max(0, n - a);
                worst = Math.max(worst, n - a);
            }
            return new Result(plan.chats(), plan.kills(), ack, answered, lost, twice, worst, refused.get(),
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
        } finally {
            api.close();
        }
    }

    private List<Long> chats() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < plan.chats(); i++) ids.add(70_000L + i);
        return ids;
    }

    /** Each chat starts; then one /menu shows what a menu answer looks like. Not counted. */
    private void warmUp(int port) throws InterruptedException {
        long first = chats().get(0);
        for (long chat : chats()) {
            acknowledged.put(chat, new AtomicInteger());
            unacknowledged.put(chat, new ArrayDeque<>());
            while (!deliver(port, api.textUpdate(chat, "en", "/start"))) Thread.sleep(200);
        }
        for (long chat : chats()) Await.until("the welcome of " + chat, () -> api.sent(chat).size() >= 2);
        int before = api.sent(first).size();
        while (!deliver(port, api.textUpdate(first, "en", "/menu"))) Thread.sleep(200);
        menu = Await.until("the menu", () -> api.sent(first), l -> l.size() > before).get(before).text();
        acknowledged.values().forEach(a -> a.set(0)); // the warm-up is not part of the count
        for (long chat : chats()) baseline.put(chat, (int) api.sent(chat).stream().filter(c -> menu.equals(c.text())).count());
    }

    private int answers(long chat) {
        return (int) api.sent(chat).stream().filter(c -> menu.equals(c.text())).count() - baseline.get(chat);
    }

    private void queue(long chat) {
        unacknowledged.get(chat).addLast(api.textUpdate(chat, "en", "/menu"));
    }

    /** Four senders, each with its share of the chats, for {@code ms} (0: one pass over what is unacknowledged). */
    private void load(int port, long ms) {
        long end = System.currentTimeMillis() + ms;
        AtomicBoolean down = new AtomicBoolean();
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            int share = s;
            Thread t = new Thread(() -> {
                List<Long> mine = chats().stream().filter(c -> c % 4 == share).toList();
                do {
                    for (long chat : mine) {
                        Deque<ObjectNode> q = unacknowledged.get(chat);
                        if (q.isEmpty() && ms > 0) queue(chat);
                        if (q.isEmpty()) continue;
                        if (deliver(port, q.peekFirst())) q.removeFirst();
                        else down.set(true);
                    }
                    if (down.getAndSet(false)) pause(200); // the app is starting or gone; Telegram also waits a little
                } while (System.currentTimeMillis() < end);
            }, "crash-sender-" + s);
            t.start();
            senders.add(t);
        }
        for (Thread t : senders) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One webhook call; true when the app acknowledged the update (200). */
    private boolean deliver(int port, ObjectNode update) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .header(WebhookController.SECRET_HEADER, SECRET).POST(HttpRequest.BodyPublishers.ofString(update.toString())).build();
            boolean ok = http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            if (ok) acknowledged.get(update.get("message").get("chat").get("id").asLong()).incrementAndGet();
            else refused.incrementAndGet();
            return ok;
        } catch (IOException e) {
            refused.incrementAndGet();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ChildApp start(Path data) throws Exception {
        return ChildApp.start(plan.classpath(), "1g", List.of(
                "--server.port=0", "--helpdesk.data-dir=" + data, "--helpdesk.content-dir=.",
                "--helpdesk.bootstrap.admin-password=" + Api.ADMIN_PASSWORD,
                "--telegram.token=" + FakeBotApi.TOKEN, "--telegram.base-url=" + api.baseUrl(), "--telegram.mode=webhook",
                "--telegram.webhook.secret=" + SECRET, "--telegram.limits.messages-per-second=1000",
                "--telegram.limits.per-chat-per-second=100", "--telegram.limits.per-chat-burst=50",
                // a restart is a new owner: the chats its last life held are taken over once these leases ran out
                "--telegram.cluster.chat-lease=3s", "--telegram.cluster.claim-stale=3s",
                "--helpdesk.limits.chat-per-minute=100000", "--helpdesk.limits.chat-burst=10000"));
    }

    /** {@code bench/crash.sh}: prints the numbers for BENCHMARKS.md. */
    public static void main(String[] args) throws Exception {
        Plan plan = new Plan(Integer.getInteger("chats", 50), Integer.getInteger("kills", 5), Duration.ofSeconds(2),
                Duration.ofSeconds(Integer.getInteger("maxRun", 8)), Long.getLong("seed", 1L), System.getProperty("java.class.path"));
        Result r = new CrashUnderLoad(plan).run();
        System.out.println(r);
        System.exit(r.lost() == 0 && r.worstChat() <= 2 * r.kills() ? 0 : 1); // see TelegramCrashIntegrationTests
    }
}
