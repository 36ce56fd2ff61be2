package org.lots.helpdesk.channel.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Telegram's Bot API for tests, spoken to by the real telegrambots client and long-polling
 * application over HTTP. It implements the methods the help desk calls (getUpdates, sendMessage,
 * editMessageReplyMarkup, answerCallbackQuery, getFile and file downloads, setWebhook, deleteWebhook, setMyCommands,
 * getMe), not the whole API.
 * <p>
 * It queues updates for getUpdates (with Telegram's offset semantics: an update is forgotten once a later
 * getUpdates asks for a higher offset) or, after {@link #deliverTo}, posts them to a webhook as Telegram does;
 * records every request; remembers the messages it accepted (so a test can press their buttons); serves files; and
 * can be told to answer sendMessage with 429 / 5xx / 403.
 * <p>
 * It enforces Telegram's limits and refuses with Telegram's own answers: text 1-4096 characters (UTF-16 units,
 * counted after entity parsing) or {@code {"ok":false,"error_code":400,"description":"Bad Request: message is too
 * long"}} / {@code "Bad Request: message text is empty"}; callback_data 1-64 bytes or {@code "Bad Request:
 * BUTTON_DATA_INVALID"}; button URLs only http(s) with a host, or tg, else {@code "Bad Request: inline keyboard
 * button URL is invalid"}.
 * Method names are matched case-insensitively (the client writes most in lower case, but deleteWebhook not).
 */
public final class FakeBotApi implements AutoCloseable {

    public static final String TOKEN = "4242424242:fake-Token_for-tests";
    private static final Pattern PATH = Pattern.compile("^/bot([^/]+)/([A-Za-z]+)/?$");
    private static final Pattern FILE_PATH = Pattern.compile("^/file/bot([^/]+)/(.+)$");

    /** One request the fake received, with what it answered. */
    /** @param error Telegram's description when the call was refused, else null */
    public record Call(String method, JsonNode params, Instant at, int status, String error) {
        public long chatId() {
            return params.path("chat_id").asLong();
        }

        public String text() {
            return params.path("text").asText(null);
        }

        public JsonNode keyboard() {
            return params.path("reply_markup").path("inline_keyboard");
        }

        /** Every button's label, row by row. */
        public List<String> labels() {
            List<String> labels = new ArrayList<>();
            keyboard().forEach(row -> row.forEach(b -> labels.add(b.path("text").asText())));
            return labels;
        }

        public List<JsonNode> buttons() {
            List<JsonNode> buttons = new ArrayList<>();
            keyboard().forEach(row -> row.forEach(buttons::add));
            return buttons;
        }

        public boolean ok() {
            return status == 200;
        }

        public int messageId() {
            return params.path("_message_id").asInt();
        }
    }

    /** How to answer one sendMessage: {@code code} 200 accepts it; {@code description} overrides the usual words. */
    private record Answer(int code, Integer retryAfter, String description) {
        Answer(int code, Integer retryAfter) {
            this(code, retryAfter, null);
        }
    }

    /** Telegram's limits (https://core.telegram.org/bots/api#sendmessage, #inlinekeyboardbutton). */
    public static final int MAX_TEXT = 4096;
    public static final int MAX_CALLBACK_BYTES = 64;
    public static final String TOO_LONG = "Bad Request: message is too long";
    public static final String EMPTY = "Bad Request: message text is empty";
    public static final String BUTTON_DATA_INVALID = "Bad Request: BUTTON_DATA_INVALID";
    public static final String BUTTON_URL_INVALID = "Bad Request: inline keyboard button URL is invalid";

    private final HttpServer server;
    private final ExecutorService threads;
    private final ObjectMapper json = new ObjectMapper();
    private final Object lock = new Object();
    private final List<ObjectNode> queue = new ArrayList<>();
    private final Map<Integer, ObjectNode> pushed = new HashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<Long, Deque<Answer>> plans = new HashMap<>();
    private final Map<Long, Answer> always = new HashMap<>();
    private final Deque<Answer> anyChat = new ArrayDeque<>();
    private final Map<Integer, ObjectNode> messages = new HashMap<>();
    private final Map<String, String> filePaths = new HashMap<>();
    private final Map<String, byte[]> files = new HashMap<>();
    private final AtomicInteger messageIds = new AtomicInteger(500);
    private final AtomicInteger callbackIds = new AtomicInteger(1);
    private int nextUpdateId = 10_000;
    private boolean closing;
    private volatile URI webhook;
    private volatile String webhookSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();

    private FakeBotApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-bot-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    public static FakeBotApi start() {
        try {
            return new FakeBotApi();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Ends waiting polls at once (empty), then stops. */
    @Override
    public void close() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        server.stop(1);
        threads.shutdownNow();
    }

    // ---------------------------------------------------------------- updates

    /** A text message from a newcomer in a private chat; returns its update_id. */
    public int pushText(long chatId, String languageCode, String text) {
        ObjectNode m = message(chatId, languageCode);
        m.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            m.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", end);
        }
        return pushUpdate("message", m);
    }

    /** A message with other content, e.g. {@code {"voice": {...}}}; returns its update_id. */
    public int pushMessage(long chatId, String languageCode, ObjectNode content) {
        ObjectNode m = message(chatId, languageCode);
        m.setAll(content);
        return pushUpdate("message", m);
    }

    public int pushEdited(long chatId, String languageCode, String text) {
        ObjectNode m = message(chatId, languageCode);
        m.put("text", text);
        m.put("edit_date", Instant.now().getEpochSecond());
        return pushUpdate("edited_message", m);
    }

    /**
     * The newcomer presses the button with this callback_data under a message the fake accepted earlier; returns
     * the callback query's id (what answerCallbackQuery must name).
     */
    public String pushCallback(long chatId, String languageCode, int messageId, String data) {
        ObjectNode q = json.createObjectNode();
        String id = "cb" + callbackIds.incrementAndGet();
        q.put("id", id);
        q.set("from", user(chatId, languageCode));
        ObjectNode shown;
        synchronized (lock) {
            shown = messages.get(messageId);
        }
        if (shown == null) throw new IllegalArgumentException("no message " + messageId + " was sent");
        q.set("message", shown.deepCopy());
        q.put("chat_instance", "ci" + chatId);
        q.put("data", data);
        pushUpdate("callback_query", q);
        return id;
    }

    /** The newcomer blocked ({@code kicked}) or unblocked ({@code member}) the bot. */
    public int pushMembership(long chatId, String status) {
        ObjectNode m = json.createObjectNode();
        m.set("chat", chat(chatId));
        m.set("from", user(chatId, "en"));
        m.put("date", Instant.now().getEpochSecond());
        m.set("old_chat_member", json.createObjectNode().put("status", "member").set("user", bot()));
        m.set("new_chat_member", json.createObjectNode().put("status", status).set("user", bot()));
        return pushUpdate("my_chat_member", m);
    }

    /** Builds an update without queueing it (for webhook calls); returns it with its update_id. */
    public ObjectNode textUpdate(long chatId, String languageCode, String text) {
        ObjectNode m = message(chatId, languageCode);
        m.put("text", text);
        synchronized (lock) {
            ObjectNode u = json.createObjectNode();
            u.put("update_id", nextUpdateId++);
            u.set("message", m);
            pushed.put(u.get("update_id").asInt(), u);
            return u;
        }
    }

    /** Queues an update Telegram already delivered once, as Telegram does when it was not confirmed. */
    public void pushAgain(int updateId) {
        synchronized (lock) {
            queue.add(pushed.get(updateId).deepCopy());
            lock.notifyAll();
        }
    }

    /** Queues a text update twice in a row, so that both copies come in the same getUpdates answer. */
    public int pushTextTwice(long chatId, String languageCode, String text) {
        synchronized (lock) {
            int id = pushText(chatId, languageCode, text);
            queue.add(pushed.get(id).deepCopy());
            return id;
        }
    }

    /** Updates queued and not yet confirmed by a higher offset. */
    public int unconfirmed() {
        synchronized (lock) {
            return queue.size();
        }
    }

    private int pushUpdate(String kind, ObjectNode content) {
        ObjectNode u = json.createObjectNode();
        int id;
        synchronized (lock) {
            id = nextUpdateId++;
            u.put("update_id", id);
            u.set(kind, content);
            pushed.put(id, u);
            if (webhook == null) {
                queue.add(u.deepCopy());
                lock.notifyAll();
                return id;
            }
        }
        post(u);
        return id;
    }

    /**
     * From now on updates are posted to this webhook with the secret header, as Telegram does after setWebhook,
     * instead of waiting for getUpdates. (The help desk announces its public URL, which a test cannot reach.)
     */
    public void deliverTo(URI url, String secret) {
        this.webhook = url;
        this.webhookSecret = secret;
    }

    /** Posts one update and, as Telegram does, tries again while the webhook answers 5xx (e.g. while it starts). */
    private void post(ObjectNode update) {
        HttpRequest request = HttpRequest.newBuilder(webhook).header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", webhookSecret).timeout(java.time.Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(update.toString())).build();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            try {
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (status == 200) return;
            if (status < 500 && status != -1) break;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the webhook answered " + status + " to update " + update.path("update_id").asInt());
    }

    private ObjectNode message(long chatId, String languageCode) {
        ObjectNode m = json.createObjectNode();
        m.put("message_id", messageIds.incrementAndGet());
        m.set("from", user(chatId, languageCode));
        m.set("chat", chat(chatId));
        m.put("date", Instant.now().getEpochSecond());
        return m;
    }

    private ObjectNode user(long id, String languageCode) {
        ObjectNode u = json.createObjectNode().put("id", id).put("is_bot", false).put("first_name", "Newcomer");
        if (languageCode != null) u.put("language_code", languageCode);
        return u;
    }

    private ObjectNode chat(long id) {
        return json.createObjectNode().put("id", id).put("type", "private").put("first_name", "Newcomer");
    }

    private ObjectNode bot() {
        return json.createObjectNode().put("id", 4242424242L).put("is_bot", true).put("first_name", "Lots");
    }

    // ---------------------------------------------------------------- failures and files

    /** The next {@code times} sendMessage calls to this chat fail with {@code code} (and retry_after for 429). */
    public void failNextSends(long chatId, int times, int code, Integer retryAfter) {
        synchronized (lock) {
            for (int i = 0; i < times; i++) plans.computeIfAbsent(chatId, c -> new ArrayDeque<>()).add(new Answer(code, retryAfter));
        }
    }

    /** The next {@code times} sendMessage calls to any chat fail with {@code code}. */
    public void failNextSends(int times, int code, Integer retryAfter) {
        synchronized (lock) {
            for (int i = 0; i < times; i++) anyChat.add(new Answer(code, retryAfter));
        }
    }

    /** The next {@code times} sendMessage calls to this chat are accepted (before any failure planned later). */
    public void acceptNextSends(long chatId, int times) {
        synchronized (lock) {
            for (int i = 0; i < times; i++) plans.computeIfAbsent(chatId, c -> new ArrayDeque<>()).add(new Answer(200, null));
        }
    }

    /** Once the plan for this chat is used up, every sendMessage to it fails with {@code code}; 0 clears that. */
    public void alwaysFailSends(long chatId, int code) {
        synchronized (lock) {
            if (code == 0) always.remove(chatId);
            else always.put(chatId, new Answer(code, code == 429 ? 30 : null));
        }
    }

    public void addFile(String fileId, String path, byte[] bytes) {
        synchronized (lock) {
            filePaths.put(fileId, path);
            files.put(path, bytes);
        }
    }

    // ---------------------------------------------------------------- what happened

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
    }

    /** sendMessage calls to this chat, accepted or not. */
    public List<Call> attempts(long chatId) {
        return calls("sendMessage").stream().filter(c -> c.chatId() == chatId).toList();
    }

    /** Messages the fake accepted for this chat, in order: what the newcomer sees. */
    public List<Call> sent(long chatId) {
        return attempts(chatId).stream().filter(Call::ok).toList();
    }

    public List<String> texts(long chatId) {
        return sent(chatId).stream().map(Call::text).toList();
    }

    public List<Call> edits(long chatId) {
        return calls("editMessageReplyMarkup").stream().filter(c -> c.chatId() == chatId).toList();
    }

    public List<Call> find(String method, Predicate<Call> p) {
        return calls(method).stream().filter(p).toList();
    }

    // ---------------------------------------------------------------- serving

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Matcher file = FILE_PATH.matcher(path);
            if (file.matches()) {
                serveFile(ex, file.group(1), file.group(2));
                return;
            }
            Matcher m = PATH.matcher(path);
            if (!m.matches()) {
                reply(ex, 404, error(404, "Not Found"));
                return;
            }
            byte[] body = readAll(ex.getRequestBody());
            String method = m.group(2).toLowerCase(Locale.ROOT);
            ObjectNode params = parse(ex.getRequestHeaders().getFirst("Content-Type"), body);
            if (!m.group(1).equals(TOKEN)) {
                reply(ex, 401, error(401, "Unauthorized"));
                return;
            }
            if (method.equals("getupdates")) {
                reply(ex, 200, ok(getUpdates(params)));
                return; // polls are not recorded: there are too many of them
            }
            Answer answer = new Answer(200, null);
            JsonNode result = json.getNodeFactory().booleanNode(true);
            switch (method) {
                case "sendmessage" -> {
                    answer = refusal(params);
                    if (answer == null) answer = planned(params.path("chat_id").asLong());
                    if (answer.code() == 200) {
                        ObjectNode sent = json.createObjectNode();
                        int id = messageIds.incrementAndGet();
                        sent.put("message_id", id);
                        sent.put("date", Instant.now().getEpochSecond());
                        sent.set("chat", chat(params.path("chat_id").asLong()));
                        sent.set("from", bot());
                        sent.put("text", params.path("text").asText());
                        if (params.has("reply_markup")) sent.set("reply_markup", params.get("reply_markup"));
                        synchronized (lock) {
                            messages.put(id, sent);
                        }
                        params.put("_message_id", id);
                        result = sent;
                    }
                }
                case "editmessagereplymarkup" -> {
                    ObjectNode shown;
                    synchronized (lock) {
                        shown = messages.get(params.path("message_id").asInt());
                    }
                    String refused = keyboardProblem(params.path("reply_markup"));
                    if (shown == null) {
                        answer = new Answer(400, null, "Bad Request: message to edit not found");
                    } else if (refused != null) {
                        answer = new Answer(400, null, refused);
                    } else {
                        synchronized (lock) {
                            shown.set("reply_markup", params.path("reply_markup"));
                        }
                        result = shown;
                    }
                }
                case "getfile" -> {
                    String filePath;
                    synchronized (lock) {
                        filePath = filePaths.get(params.path("file_id").asText());
                    }
                    if (filePath == null) {
                        answer = new Answer(400, null, "Bad Request: invalid file_id");
                    } else {
                        result = json.createObjectNode().put("file_id", params.path("file_id").asText())
                                .put("file_unique_id", "u" + params.path("file_id").asText())
                                .put("file_size", files.get(filePath).length).put("file_path", filePath);
                    }
                }
                case "getme" -> result = bot().put("username", "lots_test_bot");
                case "deletewebhook", "setwebhook", "setmycommands", "answercallbackquery" -> { }
                default -> answer = new Answer(404, null, "Not Found");
            }
            ObjectNode failure = answer.code() == 200 ? null : failure(answer);
            calls.add(new Call(method, params, Instant.now(), answer.code(), failure == null ? null : failure.path("description").asText()));
            if (failure == null) reply(ex, 200, ok(result));
            else reply(ex, answer.code(), failure);
        }
    }

    /** What Telegram itself would refuse in a sendMessage, or null when it is a valid request. */
    private Answer refusal(JsonNode params) {
        String text = params.path("text").asText("");
        String visible = "HTML".equalsIgnoreCase(params.path("parse_mode").asText()) ? html(text) : text;
        if (visible.isBlank()) return new Answer(400, null, EMPTY);
        if (visible.length() > MAX_TEXT) return new Answer(400, null, TOO_LONG);
        String keyboard = keyboardProblem(params.path("reply_markup"));
        return keyboard == null ? null : new Answer(400, null, keyboard);
    }

    /** The text a reader sees once Telegram parsed HTML entities (for the length limit). */
    private static String html(String text) {
        return text.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private static String keyboardProblem(JsonNode markup) {
        for (JsonNode row : markup.path("inline_keyboard")) {
            for (JsonNode b : row) {
                if (b.has("callback_data")) {
                    int bytes = b.path("callback_data").asText().getBytes(StandardCharsets.UTF_8).length;
                    if (bytes < 1 || bytes > MAX_CALLBACK_BYTES) return BUTTON_DATA_INVALID;
                }
                if (b.has("url") && !validUrl(b.path("url").asText())) return BUTTON_URL_INVALID;
            }
        }
        return null;
    }

    private static boolean validUrl(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("tg")) return true;
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && !u.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private Answer planned(long chatId) {
        synchronized (lock) {
            Deque<Answer> plan = plans.get(chatId);
            if (plan != null && !plan.isEmpty()) return plan.poll();
            if (always.containsKey(chatId)) return always.get(chatId);
            if (!anyChat.isEmpty()) return anyChat.poll();
            return new Answer(200, null);
        }
    }

    private ArrayNode getUpdates(JsonNode params) {
        long offset = params.path("offset").asLong(0);
        long timeoutMs = Math.min(5, params.path("timeout").asLong(0)) * 1000;
        int limit = params.path("limit").asInt(100);
        long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (lock) {
            if (offset > 0) queue.removeIf(u -> u.get("update_id").asLong() < offset); // confirmed
            while (queue.isEmpty() && !closing) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) break;
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            ArrayNode result = json.createArrayNode();
            for (Iterator<ObjectNode> it = queue.iterator(); it.hasNext() && result.size() < limit; ) {
                result.add(it.next());
            }
            return result;
        }
    }

    private void serveFile(HttpExchange ex, String token, String path) throws IOException {
        byte[] bytes;
        synchronized (lock) {
            bytes = files.get(path);
        }
        calls.add(new Call("file", json.createObjectNode().put("path", path), Instant.now(), bytes == null ? 404 : 200, null));
        if (!token.equals(TOKEN) || bytes == null) {
            ex.sendResponseHeaders(404, -1);
            return;
        }
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private ObjectNode parse(String contentType, byte[] body) throws IOException {
        if (body.length == 0) return json.createObjectNode();
        if (contentType != null && contentType.startsWith("multipart/form-data")) return multipart(contentType, body);
        JsonNode node = json.readTree(body);
        return node instanceof ObjectNode o ? o : json.createObjectNode();
    }

    /** Just enough multipart parsing for setWebhook's text fields. */
    private ObjectNode multipart(String contentType, byte[] body) {
        ObjectNode fields = json.createObjectNode();
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "");
        for (String part : new String(body, StandardCharsets.UTF_8).split(Pattern.quote(boundary))) {
            Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(part);
            int split = part.indexOf("\r\n\r\n");
            if (!name.find() || split < 0) continue;
            String value = part.substring(split + 4);
            if (value.endsWith("\r\n")) value = value.substring(0, value.length() - 2);
            fields.put(name.group(1), value);
        }
        return fields;
    }

    private ObjectNode ok(JsonNode result) {
        ObjectNode o = json.createObjectNode().put("ok", true);
        o.set("result", result);
        return o;
    }

    private ObjectNode error(int code, String description) {
        return json.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
    }

    private ObjectNode failure(Answer a) {
        if (a.description() != null) return error(a.code(), a.description());
        return switch (a.code()) {
            case 429 -> {
                ObjectNode e = error(429, "Too Many Requests: retry after " + a.retryAfter());
                e.putObject("parameters").put("retry_after", a.retryAfter());
                yield e;
            }
            case 403 -> error(403, "Forbidden: bot was blocked by the user");
            case 400 -> error(400, "Bad Request: chat not found");
            default -> error(a.code(), "Internal Server Error");
        };
    }

    private void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
