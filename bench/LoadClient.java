import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client for bench/load.sh (run as a single-file program: {@code java bench/LoadClient.java ...}). Each of N
 * clients logs in once through the console's form login, keeps its session (and keep-alive connection) and sends M
 * messages to one preview conversation, as an editor's script would. Every answer is checked: 200, at least one
 * reply, and a content dialog (not fallback, not a clarifying question), so "fast" never means "not understood".
 *
 * Usage: java -cp DRIVER_JARS bench/LoadClient.java BASE_URL THREADS MESSAGES USER PASSWORD [api [STORE_URI]]
 * api: "preview" (default). The web chat API can be added as another api (see {@link Api}).
 * STORE_URI (the embedded store's mongodb:// address, with the MongoDB driver on the class path): afterwards, checks
 * that every message is in the transcript, and measures the store's own limit in the same run: the same threads,
 * two writes per message (an upsert and an insert, as a conversation turn does), straight through the driver.
 */
public class LoadClient {

    /** Messages the bot understands in every run (each routes to a content dialog in its language). */
    static final String[] TEXTS = {"hur hittar jag jobb", "بدي شغل", "how do i register my company", "ስራሕ ክረክብ ደልየ",
            "хочу вивчати шведську", "komvux nedir", "where can i get a loan for my shop", "ich brauche einen lebenslauf",
            "how do i learn swedish", "jak znaleźć pracę w szwecji"};

    /** One way of talking to the bot: start a conversation, send a message; answers the dialog it is in. */
    interface Api {
        String start(HttpClient http) throws Exception;

        /** The dialog after this message, or throws when the answer is not a proper reply. */
        String send(HttpClient http, String conversation, String text) throws Exception;
    }

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern DIALOG = Pattern.compile("\"dialog\"\\s*:\\s*\"([^\"]+)\"");

    /** The preview API with a console session: log in once, then the cookie and CSRF header on every call. */
    static final class Preview implements Api {
        final String base, user, password;
        String csrf;
        Raw raw;

        Preview(String base, String user, String password) {
            this.base = base;
            this.user = user;
            this.password = password;
        }

        public String start(HttpClient http) throws Exception {
            String token = match(TOKEN, get(http, "/console/csrf"));
            String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/console/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.headers().map());
            }
            csrf = match(TOKEN, get(http, "/console/csrf")); // the session is new after login, and so is its token
            return match(ID, post(http, "/api/preview/conversations", "{}", 201));
        }

        public String send(HttpClient http, String conversation, String text) throws Exception {
            String path = "/api/preview/conversations/" + conversation + "/messages", json = "{\"text\":\"" + text.replace("\"", "\\\"") + "\"}";
            String body;
            if (RAW) {
                if (raw == null) {
                    String cookie = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                            .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow().getValue();
                    raw = new Raw(base, Map.of("Cookie", "JSESSIONID=" + cookie, "X-CSRF-TOKEN", csrf));
                }
                body = raw.post(path, json, 200);
            } else {
                body = post(http, path, json, 200);
            }
            if (!body.contains("\"replies\":[{")) throw new IllegalStateException("no reply: " + body);
            return match(DIALOG, body);
        }

        String get(HttpClient http, String path) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException(path + ": " + r.statusCode());
            return r.body();
        }

        String post(HttpClient http, String path, String json, int expected) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            if (csrf != null) b.header("X-CSRF-TOKEN", csrf);
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
            return r.body();
        }
    }

    /**
     * The public web chat API (CONTRACT.md section 8): start a conversation, then its Bearer token on every message, as
     * the widget does. Its answers do not name the dialog; whether each message was understood is checked afterwards
     * in the store (a message the bot did not understand, or asked to clarify, leaves an entry in {@code unanswered}).
     */
    static final class WebChat implements Api {
        final String base;
        String token;

        WebChat(String base) {
            this.base = base;
        }

        public String start(HttpClient http) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/webchat/conversations"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) throw new IllegalStateException("start: " + r.statusCode() + " " + r.body());
            token = match(TOKEN, r.body());
            return match(ID, r.body());
        }

        Raw raw;

        public String send(HttpClient http, String conversation, String text) throws Exception {
            if (RAW) {
                if (raw == null) raw = new Raw(base, Map.of("Authorization", "Bearer " + token));
                String body = raw.post("/webchat/conversations/" + conversation + "/messages",
                        "{\"text\":\"" + text.replace("\"", "\\\"") + "\"}", 200);
                if (!body.contains("\"replies\":[{")) throw new IllegalStateException("no reply: " + body);
                return "(see unanswered)";
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/webchat/conversations/" + conversation + "/messages"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text.replace("\"", "\\\"") + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("message: " + r.statusCode() + " " + r.body());
            if (!r.body().contains("\"replies\":[{")) throw new IllegalStateException("no reply: " + r.body());
            return "(see unanswered)";
        }
    }

    /**
     * CLIENT=raw: messages go over a plain keep-alive socket (HTTP/1.1 written and read here) instead of
     * java.net.http's client, whose own CPU per request (about 2 ms here, on the same two cores as the help desk)
     * is otherwise a quarter of what a run measures. Start and login still use java.net.http.
     */
    static final boolean RAW = "raw".equals(System.getenv("CLIENT"));

    /** One keep-alive HTTP/1.1 connection: POST a JSON body, read the status, headers and body (length or chunked). */
    static final class Raw {
        final String host;
        final int port;
        final Map<String, String> headers;
        java.net.Socket socket;
        java.io.InputStream in;
        java.io.OutputStream out;

        Raw(String base, Map<String, String> headers) {
            URI u = URI.create(base);
            host = u.getHost();
            port = u.getPort();
            this.headers = headers;
        }

        String post(String path, String json, int expected) throws Exception {
            if (socket == null) {
                socket = new java.net.Socket(host, port);
                socket.setTcpNoDelay(true);
                in = new java.io.BufferedInputStream(socket.getInputStream());
                out = new java.io.BufferedOutputStream(socket.getOutputStream());
            }
            byte[] b = json.getBytes(StandardCharsets.UTF_8);
            StringBuilder h = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port)
                    .append("\r\nContent-Type: application/json\r\nContent-Length: ").append(b.length).append("\r\n");
            headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
            out.write(h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(b);
            out.flush();
            String line = line();
            int status = Integer.parseInt(line.split(" ")[1]), length = -1;
            boolean chunked = false, close = false;
            while (!(line = line()).isEmpty()) {
                String l = line.toLowerCase(java.util.Locale.ROOT);
                if (l.startsWith("content-length:")) length = Integer.parseInt(l.substring(15).trim());
                else if (l.startsWith("transfer-encoding:") && l.contains("chunked")) chunked = true;
                else if (l.startsWith("connection:") && l.contains("close")) close = true;
            }
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            if (chunked) {
                for (int n; (n = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; line()) body.write(in.readNBytes(n));
                while (!line().isEmpty()) { } // trailers
            } else if (length >= 0) {
                body.write(in.readNBytes(length));
            }
            if (close) {
                socket.close();
                socket = null;
            }
            String text = body.toString(StandardCharsets.UTF_8);
            if (status != expected) throw new IllegalStateException(path + ": " + status + " " + text);
            return text;
        }

        private String line() throws java.io.IOException {
            StringBuilder sb = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) throw new java.io.EOFException("connection closed");
                if (c != '\r') sb.append((char) c);
            }
            return sb.toString();
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int threads = Integer.parseInt(args[1]), per = Integer.parseInt(args[2]);
        String user = args[3], password = args[4], kind = args.length > 5 ? args[5] : "preview";
        List<String> conversations = new ArrayList<>();
        double[] latencies = new double[threads * per];
        AtomicInteger errors = new AtomicInteger(), notUnderstood = new AtomicInteger();
        ConcurrentHashMap<String, Integer> dialogs = new ConcurrentHashMap<>();
        List<Thread> workers = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(threads), go = new CountDownLatch(1);
        for (int n = 0; n < threads; n++) {
            final int t = n;
            Api api = switch (kind) {
                case "preview" -> new Preview(base, user, password);
                case "webchat" -> new WebChat(base);
                default -> throw new IllegalArgumentException("unknown api " + kind);
            };
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .version(HttpClient.Version.HTTP_1_1).build();
            Thread w = new Thread(() -> {
                try {
                    String id = api.start(http);
                    synchronized (conversations) { conversations.add(id); }
                    ready.countDown();
                    go.await();
                    for (int i = 0; i < per; i++) {
                        String text = TEXTS[(t + i) % TEXTS.length];
                        long a = System.nanoTime();
                        try {
                            String dialog = api.send(http, id, text);
                            dialogs.merge(dialog, 1, Integer::sum);
                            if (dialog.equals("fallback") || dialog.equals("clarify")) notUnderstood.incrementAndGet();
                        } catch (Exception e) {
                            if (errors.incrementAndGet() <= 3) System.err.println("error: " + e);
                        }
                        latencies[t * per + i] = (System.nanoTime() - a) / 1e6;
                    }
                } catch (Exception e) {
                    System.err.println("client " + t + " failed: " + e);
                    errors.addAndGet(per);
                    ready.countDown();
                }
            });
            workers.add(w);
            w.start();
        }
        ready.await();
        long serverCpu0 = serverCpuMillis(), clientCpu0 = clientCpuMillis();
        long start = System.nanoTime();
        go.countDown();
        for (Thread w : workers) w.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        long serverCpu = serverCpuMillis() - serverCpu0, clientCpu = clientCpuMillis() - clientCpu0;
        Arrays.sort(latencies);
        int n = latencies.length;
        System.out.printf("%d clients x %d messages: %.0f messages/s, errors %d, not understood %d, "
                        + "latency p50 %.1f ms p95 %.1f ms p99 %.1f ms max %.1f ms%n", threads, per, n / seconds, errors.get(),
                notUnderstood.get(), latencies[n / 2], latencies[(int) (n * .95)], latencies[(int) (n * .99)], latencies[n - 1]);
        System.out.println("dialogs: " + dialogs);
        if (serverCpu0 >= 0) {
            System.out.printf("CPU per message in the measured run: server %.2f ms, this client %.2f ms%n",
                    (double) serverCpu / n, (double) clientCpu / n);
        }
        if (args.length > 6) {
            double rate = n / seconds;
            Store.check(args[6], conversations, per, threads, rate);
        }
    }

    /** The help desk's CPU so far (user + system), from /proc when SERVER_PID is set (bench/load.sh sets it). */
    static long serverCpuMillis() {
        String pid = System.getenv("SERVER_PID");
        if (pid == null) return -1;
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / 100; // clock ticks of 10 ms (CLK_TCK 100)
        } catch (Exception e) {
            return -1;
        }
    }

    static long clientCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    static String match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) throw new IllegalStateException("no " + p + " in " + s);
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Straight to the store through the MongoDB driver. */
    static final class Store {
        public static void check(String uri, List<String> conversations, int per, int threads, double rate) throws Exception {
            try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(uri)) {
                var db = client.getDatabase("helpdesk");
                var transcript = db.getCollection("transcript");
                int missing = 0;
                for (String id : conversations) {
                    long said = transcript.countDocuments(new org.bson.Document("conversationId", id).append("author", "NEWCOMER"));
                    long answered = transcript.countDocuments(new org.bson.Document("conversationId", id).append("author", "BOT"));
                    if (said != per || answered < per) missing++;
                }
                System.out.printf("persisted: %d of %d conversations have all %d messages and answers in the transcript%n",
                        conversations.size() - missing, conversations.size(), per);
                long unanswered = db.getCollection("unanswered").countDocuments(
                        new org.bson.Document("conversationId", new org.bson.Document("$in", conversations)));
                System.out.printf("unanswered entries (not understood or asked to clarify) of these conversations in the store: %d%n", unanswered);
                var state = db.getCollection("bench_state");
                var log = db.getCollection("bench_log");
                int messages = 1000;
                List<Thread> ts = new ArrayList<>();
                long start = System.nanoTime();
                for (int t = 0; t < threads; t++) {
                    final String key = "bench-" + t;
                    Thread w = new Thread(() -> {
                        for (int i = 0; i < messages; i++) {
                            state.updateOne(new org.bson.Document("_id", key), new org.bson.Document("$set", new org.bson.Document("i", i)),
                                    new com.mongodb.client.model.UpdateOptions().upsert(true));
                            log.insertOne(new org.bson.Document("key", key).append("i", i));
                        }
                    });
                    ts.add(w);
                    w.start();
                }
                for (Thread w : ts) w.join();
                double limit = threads * messages / ((System.nanoTime() - start) / 1e9);
                state.drop();
                log.drop();
                System.out.printf("store limit: %.0f two-write messages/s with %d threads; the help desk reached %.0f%% of it%n",
                        limit, threads, 100 * rate / limit);
            }
        }
    }
}
