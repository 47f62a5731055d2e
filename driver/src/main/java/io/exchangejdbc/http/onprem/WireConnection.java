package io.exchangejdbc.http.onprem;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One TCP connection (possibly through a proxy, possibly TLS) owned by one
 * {@link OnPremTransport}, carrying one HTTP/1.1 request at a time. It remembers whether a
 * connection-oriented scheme (NTLM, Negotiate) signed it in.
 */
final class WireConnection implements Closeable {

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final String route;
    private boolean signedIn;
    /** Whether the last request was written out whole (so the server may have acted on it). */
    private boolean written;

    private WireConnection(Socket socket, String route) throws IOException {
        this.route = route;
        attach(socket);
    }

    /** Opens a TCP connection to {@code host:port} within {@code timeoutMillis} (0: none). */
    static WireConnection connect(String host, int port, int timeoutMillis, String route)
            throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            s.setTcpNoDelay(true);
            return new WireConnection(s, route);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void attach(Socket s) throws IOException {
        this.socket = s;
        this.in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        this.out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
    }

    /**
     * Starts TLS on this connection (directly or inside a proxy tunnel) with the host name
     * checked by the trust managers of {@code context}.
     */
    void startTls(SSLContext context, String host, int port) throws IOException {
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, host, port,
                true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (!host.isEmpty() && !Character.isDigit(host.charAt(0)) && !host.contains(":")) {
            params.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(params);
        ssl.startHandshake();
        attach(ssl);
    }

    /** The route this connection serves: scheme, host, port and proxy. */
    String route() {
        return route;
    }

    boolean signedIn() {
        return signedIn;
    }

    void signedIn(boolean v) {
        this.signedIn = v;
    }

    /** Writes a request and reads the response's status line and headers. */
    WireResponse exchange(String method, String target, Map<String, String> headers, byte[] body)
            throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        head.writeBytes((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getValue() != null) {
                head.writeBytes((h.getKey() + ": " + h.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        if (body != null || method.equals("POST") || method.equals("PUT")) {
            head.writeBytes(("Content-Length: " + (body == null ? 0 : body.length) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        written = false;
        out.write(head.toByteArray());
        if (body != null) {
            out.write(body);
        }
        out.flush();
        written = true;
        return WireResponse.read(in, method);
    }

    /**
     * Whether the last {@link #exchange} wrote its whole request before it failed: then the
     * server may have received it and acted on it, and only a request that is safe to repeat may
     * be sent again.
     */
    boolean requestWritten() {
        return written;
    }

    /**
     * Whether an idle connection can no longer carry a request: the server closed it (or sent
     * something unasked). Looks without waiting more than a millisecond.
     */
    boolean stale() {
        if (socket.isClosed() || socket.isInputShutdown()) {
            return true;
        }
        int timeout = 0;
        try {
            timeout = socket.getSoTimeout();
            socket.setSoTimeout(1);
            // an end of stream, or bytes no request asked for: either way not reusable
            in.read();
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        } finally {
            try {
                if (!socket.isClosed()) {
                    socket.setSoTimeout(timeout);
                }
            } catch (IOException e) {
                // the next exchange finds the connection broken
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket that failed changes nothing for the caller
        }
    }

    boolean isClosed() {
        return socket.isClosed();
    }
}
