package org.lots.helpdesk.channel.telegram;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The connection to the Bot API: the telegrambots client (pointed at {@code telegram.base-url}), the HTTP clients
 * for sending and for long polling, and the Jackson 2 mapper telegrambots needs (Boot's own web stack uses Jackson 3).
 * The token never appears in logs: only the bot's numeric id does.
 */
public final class BotApi implements AutoCloseable {

    /** The Bot API serves files of at most 20 MB to bots. */
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    private final String token;
    private final String botId;
    private final TelegramUrl url;
    private final ObjectMapper json;
    private final OkHttpClient http;
    private final OkHttpClient pollingHttp;
    private final TelegramClient client;

    BotApi(TelegramProperties properties) {
        this.token = properties.token().trim();
        int colon = token.indexOf(':');
        this.botId = colon > 0 ? token.substring(0, colon) : "bot";
        URI base = URI.create(properties.baseUrl());
        int port = base.getPort() != -1 ? base.getPort() : base.getScheme().equals("https") ? 443 : 80;
        this.url = new TelegramUrl(base.getScheme(), base.getHost(), port, false);
        this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .build();
        // Long polling holds a request open for the polling timeout.
        this.pollingHttp = http.newBuilder()
                .readTimeout(properties.polling().timeout().plusSeconds(15))
                .build();
        this.client = new OkHttpTelegramClient(json, http, token, url);
    }

    public TelegramClient client() {
        return client;
    }

    public ObjectMapper json() {
        return json;
    }

    String token() {
        return token;
    }

    /** The bot's numeric id (the token's first part): keys stored update ids, since each bot counts its own. */
    public String botId() {
        return botId;
    }

    TelegramUrl url() {
        return url;
    }

    OkHttpClient pollingHttp() {
        return pollingHttp;
    }

    /**
     * Downloads a file by the {@code file_path} getFile returned. The URL is built from {@code telegram.base-url}
     * (telegrambots' own download ignores it and always goes to api.telegram.org). Empty for a file that is gone.
     */
    Optional<byte[]> download(String filePath) throws IOException {
        String fileUrl = url.getSchema() + "://" + url.getHost() + ":" + url.getPort() + "/file/bot" + token + "/" + filePath;
        try (Response response = http.newCall(new Request.Builder().url(fileUrl).get().build()).execute()) {
            if (response.code() == 404 || response.code() == 400) return Optional.empty();
            if (!response.isSuccessful()) throw new IOException("file download answered HTTP " + response.code());
            ResponseBody body = response.body();
            if (body == null) return Optional.empty();
            if (body.contentLength() > MAX_FILE_BYTES) throw new IOException("file larger than " + MAX_FILE_BYTES + " bytes");
            byte[] bytes = body.bytes();
            if (bytes.length > MAX_FILE_BYTES) throw new IOException("file larger than " + MAX_FILE_BYTES + " bytes");
            return Optional.of(bytes);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
