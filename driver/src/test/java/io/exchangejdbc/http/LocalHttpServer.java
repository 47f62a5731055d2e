package io.exchangejdbc.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server scripted by a test: each request is recorded and answered by the test's
 * handler, which sees how many requests came before it. For transport behaviour the emulator does
 * not script (a body that stops half-way, a connection closed without an answer).
 */
public final class LocalHttpServer implements AutoCloseable {

    /** A request as the server received it. */
    public record Request(String method, URI uri, Map<String, List<String>> headers, String body) {

        /** The first value of a header (any case), or null. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** Every value of a header (any case). */
        public List<String> headerValues(String name) {
            List<String> values = headers.get(name);
            return values == null ? List.of() : values;
        }
    }

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param index 0 for the first request the server received
         */
        void handle(HttpExchange exchange, Request request, int index) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    private LocalHttpServer(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "local-http-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
                Request r = new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
                        headers, body);
                int index;
                synchronized (requests) {
                    index = requests.size();
                    requests.add(r);
                }
                handler.handle(exchange, r, index);
            } catch (IOException | RuntimeException e) {
                exchange.close();
            }
        });
        server.start();
    }

    /** Starts a server answering with {@code handler}. */
    public static LocalHttpServer start(Handler handler) throws IOException {
        return new LocalHttpServer(handler);
    }

    /** {@code http://127.0.0.1:port}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort();
    }

    /** The requests received so far. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Sends a complete answer. */
    public static void respond(HttpExchange exchange, int status, String contentType, String body,
            String... headerPairs) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Sends a JSON answer. */
    public static void json(HttpExchange exchange, int status, String body, String... headers)
            throws IOException {
        respond(exchange, status, "application/json; odata.metadata=minimal", body, headers);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
