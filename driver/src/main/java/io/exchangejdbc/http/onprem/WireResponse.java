package io.exchangejdbc.http.onprem;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP/1.1 response as read from a {@link WireConnection}: status line, headers and a body
 * framed by {@code Content-Length}, chunked transfer coding or the end of the connection.
 */
final class WireResponse {

    private static final int MAX_LINE = 64 * 1024;

    private final int status;
    private final String reason;
    private final Map<String, List<String>> headers;
    private final InputStream body;
    private final boolean keepAlive;

    private WireResponse(int status, String reason, Map<String, List<String>> headers,
            InputStream body, boolean keepAlive) {
        this.status = status;
        this.reason = reason;
        this.headers = headers;
        this.body = body;
        this.keepAlive = keepAlive;
    }

    /** Reads the status line and headers; the body is left to read through {@link #body()}. */
    static WireResponse read(InputStream in, String method) throws IOException {
        String statusLine;
        do {
            statusLine = line(in);
        } while (statusLine.isEmpty());
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + printable(statusLine));
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("bad status line: " + printable(statusLine));
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(h.substring(0, colon).strip(), k -> new ArrayList<>())
                        .add(h.substring(colon + 1).strip());
            }
        }
        if (status >= 100 && status < 200) {
            return read(in, method);
        }
        boolean http10 = parts[0].equals("HTTP/1.0");
        String connection = first(headers, "Connection");
        boolean keepAlive = connection == null ? !http10
                : connection.toLowerCase(java.util.Locale.ROOT).contains("keep-alive")
                        || !connection.toLowerCase(java.util.Locale.ROOT).contains("close") && !http10;
        InputStream body;
        String te = first(headers, "Transfer-Encoding");
        String cl = first(headers, "Content-Length");
        if (method.equals("HEAD") || status == 204 || status == 304
                || method.equals("CONNECT") && status / 100 == 2) {
            body = InputStream.nullInputStream();
        } else if (te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
            body = new Chunked(in);
        } else if (cl != null) {
            long n;
            try {
                n = Long.parseLong(cl.strip());
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length: " + printable(cl));
            }
            body = new Bounded(in, n);
        } else {
            body = in;
            keepAlive = false;
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            e.setValue(Collections.unmodifiableList(e.getValue()));
        }
        return new WireResponse(status, parts.length > 2 ? parts[2] : "",
                Collections.unmodifiableMap(headers), body, keepAlive);
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    Map<String, List<String>> headers() {
        return headers;
    }

    List<String> headers(String name) {
        List<String> v = headers.get(name);
        return v == null ? List.of() : v;
    }

    String header(String name) {
        return first(headers, name);
    }

    InputStream body() {
        return body;
    }

    /** Whether the connection may carry another request once the body is read. */
    boolean keepAlive() {
        return keepAlive;
    }

    /** Reads and discards the body (of a challenge, which is small), at most 1 MiB. */
    void drain() throws IOException {
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = body.read(buf)) > 0) {
            total += n;
            if (total > 1 << 20) {
                throw new IOException("a challenge with a body over 1 MiB");
            }
        }
    }

    /** Reads the body as text, at most {@code max} bytes. */
    String text(int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while (out.size() < max && (n = body.read(buf, 0, Math.min(buf.length, max - out.size())))
                > 0) {
            out.write(buf, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String printable(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return t.replaceAll("[^\\x20-\\x7e]", "?");
    }

    static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (sb.length() == 0) {
                    throw new EOFException("the server closed the connection");
                }
                return sb.toString();
            }
            if (c == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            if (sb.length() >= MAX_LINE) {
                throw new IOException("a header line over " + MAX_LINE + " bytes");
            }
            sb.append((char) c);
        }
    }

    /** A body of a known length. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long left;

        Bounded(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                // not an EOFException: XML parsers take that for the end of the document
                throw new IOException("the response body ended " + left + " bytes early");
            }
            left -= n;
            return n;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), left);
        }
    }

    /** A body in chunked transfer coding. */
    private static final class Chunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                int semi = size.indexOf(';');
                try {
                    left = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size");
                }
                if (left == 0) {
                    while (!line(in).isEmpty()) {
                        // trailers are ignored
                    }
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException("the response body ended inside a chunk");
            }
            left -= n;
            if (left == 0) {
                line(in);
            }
            return n;
        }
    }
}
