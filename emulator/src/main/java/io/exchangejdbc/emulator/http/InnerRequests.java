package io.exchangejdbc.emulator.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves a request that arrived inside another one (an item of a JSON batch) with a front, as
 * if it had come on its own, and hands back its whole answer instead of sending it.
 */
public final class InnerRequests {

    private InnerRequests() {
    }

    /**
     * The answer to an inner request.
     *
     * @param headers the response headers, first value of each
     */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    /** Serves {@code request} with {@code front}, errors included, and returns its answer. */
    public static Answer serve(Front front, Request request) throws IOException {
        MemoryExchange exchange = new MemoryExchange(request);
        Response response = new Response(exchange, false, s -> { });
        front.handle(request, response);
        response.finish();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.responseHeaders.forEach((k, v) -> {
            if (!v.isEmpty()) {
                headers.put(k, v.get(0));
            }
        });
        return new Answer(exchange.code, headers, exchange.out.toByteArray());
    }

    /** An exchange whose answer stays in memory. */
    private static final class MemoryExchange extends HttpExchange {
        private final Request request;
        private final Headers requestHeaders = new Headers();
        private final Headers responseHeaders = new Headers();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final Map<String, Object> attributes = new HashMap<>();
        private int code;

        MemoryExchange(Request request) {
            this.request = request;
            for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
                requestHeaders.put(h.getKey(), h.getValue());
            }
        }

        @Override
        public Headers getRequestHeaders() {
            return requestHeaders;
        }

        @Override
        public Headers getResponseHeaders() {
            return responseHeaders;
        }

        @Override
        public URI getRequestURI() {
            return URI.create(request.rawPath()
                    + (request.rawQuery() == null ? "" : "?" + request.rawQuery()));
        }

        @Override
        public String getRequestMethod() {
            return request.method();
        }

        @Override
        public HttpContext getHttpContext() {
            return null;
        }

        @Override
        public void close() {
        }

        @Override
        public InputStream getRequestBody() {
            return new ByteArrayInputStream(request.body());
        }

        @Override
        public OutputStream getResponseBody() {
            return out;
        }

        @Override
        public void sendResponseHeaders(int rCode, long responseLength) {
            this.code = rCode;
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return null;
        }

        @Override
        public int getResponseCode() {
            return code;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return null;
        }

        @Override
        public String getProtocol() {
            return "HTTP/1.1";
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void setStreams(InputStream i, OutputStream o) {
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return null;
        }
    }
}
