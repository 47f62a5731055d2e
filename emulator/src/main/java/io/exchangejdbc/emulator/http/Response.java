package io.exchangejdbc.emulator.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The response a front writes: status and headers first, then a body streamed through
 * {@link #body(int, String)} or {@link #json(int, String)}, or sent whole with
 * {@link #send(int, String, byte[])}.
 */
public final class Response {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final HttpExchange exchange;
    private final boolean truncate;
    private final boolean withheld;
    private final IntConsumer onStatus;
    private int status;
    private ResponseBody body;
    private Runnable beforeEnd;
    private Consumer<byte[]> capture;

    /**
     * Creates the response of an exchange; {@code onStatus} learns the status before any byte
     * is sent, so that the request log is complete when the client sees the answer.
     */
    Response(HttpExchange exchange, boolean truncate, IntConsumer onStatus) {
        this(exchange, truncate, false, onStatus);
    }

    /**
     * Creates a response that, when {@code withheld}, is written but never sent: the server then
     * drops the connection (a fault after the request was served).
     */
    Response(HttpExchange exchange, boolean truncate, boolean withheld, IntConsumer onStatus) {
        this.exchange = exchange;
        this.truncate = truncate;
        this.withheld = withheld;
        this.onStatus = onStatus;
    }

    /** Adds a response header; must come before the body. */
    public Response header(String name, String value) {
        checkNotStarted();
        exchange.getResponseHeaders().add(name, value);
        return this;
    }

    /** Replaces a response header; must come before the body. */
    public Response setHeader(String name, String value) {
        checkNotStarted();
        exchange.getResponseHeaders().set(name, value);
        return this;
    }

    /** Returns the status set so far, 0 if none. */
    public int status() {
        return status;
    }

    /** Tells whether a body has been started, after which headers and status are fixed. */
    public boolean started() {
        return body != null;
    }

    /** Starts a body of the given type and returns its stream; closing it ends the response. */
    public OutputStream body(int statusCode, String contentType) {
        checkNotStarted();
        this.status = statusCode;
        onStatus.accept(statusCode);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        body = new ResponseBody(exchange, statusCode, truncate, withheld, capture);
        if (beforeEnd != null) {
            body.beforeEnd(beforeEnd);
        }
        return body;
    }

    /**
     * Starts a JSON body and returns a generator writing it as UTF-8; closing the generator ends
     * the response.
     */
    public JsonGenerator json(int statusCode, String contentType) throws IOException {
        return JSON.createGenerator(body(statusCode, requireNonNull(contentType, "contentType")),
                JsonEncoding.UTF8);
    }

    /** Sends a whole body. */
    public void send(int statusCode, String contentType, byte[] bytes) throws IOException {
        try (OutputStream out = body(statusCode, contentType)) {
            out.write(bytes);
        }
    }

    /** Sends a whole text body. */
    public void send(int statusCode, String contentType, String text) throws IOException {
        send(statusCode, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a response without a body. */
    public void sendEmpty(int statusCode) throws IOException {
        body(statusCode, null).close();
    }

    /** Hands the whole body, once complete, to {@code sink} (for {@link PageCache}). */
    void capture(Consumer<byte[]> sink) {
        checkNotStarted();
        this.capture = sink;
    }

    /** The content type set, or null. */
    String contentType() {
        return exchange.getResponseHeaders().getFirst("Content-Type");
    }

    /** The response headers other than those the server sets itself. */
    Map<String, List<String>> extraHeaders() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        exchange.getResponseHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-length")
                    && !name.equalsIgnoreCase("Transfer-encoding")
                    && !name.equalsIgnoreCase("Date")) {
                out.put(name, List.copyOf(values));
            }
        });
        return out;
    }

    /** Runs {@code action} once the body is complete, just before its last bytes go out. */
    void beforeEnd(Runnable action) {
        this.beforeEnd = action;
    }

    /** Ends the response if the front left its body open. */
    void finish() throws IOException {
        if (body == null) {
            sendEmpty(status == 0 ? 204 : status);
        } else {
            body.close();
        }
    }

    private void checkNotStarted() {
        if (body != null) {
            throw new IllegalStateException("response body already started");
        }
    }
}
