package io.exchangejdbc.emulator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javax.net.ssl.SSLContext;

/** A small HTTP/1.1 client for tests of the emulator's endpoints. */
public final class TestHttp {

    private final HttpClient client;

    /** Creates a client with the default TLS trust. */
    public TestHttp() {
        this(null);
    }

    /** Creates a client that uses the given TLS context (null for the default). */
    public TestHttp(SSLContext tls) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10));
        if (tls != null) {
            b.sslContext(tls);
        }
        this.client = b.build();
    }

    /**
     * A response.
     *
     * @param status the status code
     * @param headers the headers
     * @param body the body as text
     */
    public record Reply(int status, Map<String, List<String>> headers, String body) {

        /** Returns the first value of a header (ignoring case), or null. */
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        /** Returns the body parsed as a JSON object. */
        public Map<String, Object> json() {
            return TestJson.object(body);
        }

        /** Returns the body's {@code value} array (a Graph collection). */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> values() {
            return (List<Map<String, Object>>) json().get("value");
        }

        /** Returns {@code error.code} of a Graph error body. */
        @SuppressWarnings("unchecked")
        public String errorCode() {
            return (String) ((Map<String, Object>) json().get("error")).get("code");
        }

        /** Returns {@code error.message} of a Graph error body. */
        @SuppressWarnings("unchecked")
        public String errorMessage() {
            return (String) ((Map<String, Object>) json().get("error")).get("message");
        }
    }

    /** Sends a GET with a bearer token (null for none) and extra header name/value pairs. */
    public Reply get(String url, String token, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET()
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    /** Sends a form POST. */
    public Reply postForm(String url, Map<String, String> form, String... headers) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    /** Sends a request; connection failures surface as {@link UncheckedIOException}. */
    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encodes a query value (spaces as {@code %20}). */
    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
