package io.exchangejdbc.emulator.onprem;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small forward proxy on loopback for tests: plain HTTP requests in absolute form are passed
 * on (one per connection to the origin, answered with {@code Connection: close}), and
 * {@code CONNECT} opens a tunnel. Every request must first pass the proxy's own
 * {@link AuthGate} (Basic, Digest or NTLM, answered with 407). It records what it let through.
 */
public final class TestProxy implements AutoCloseable {

    private final AuthGate gate;
    private final Set<AuthMethod> offered;
    private final List<String> passed = Collections.synchronizedList(new ArrayList<>());
    private ServerSocket server;

    /**
     * @param gate    the proxy's gate (made with {@code forProxy = true})
     * @param offered the schemes the proxy offers; empty for a proxy without sign-in
     */
    public TestProxy(AuthGate gate, Set<AuthMethod> offered) {
        this.gate = gate;
        this.offered = offered;
    }

    /** Starts listening on an ephemeral loopback port. */
    public TestProxy start() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::acceptLoop, "test-proxy");
        t.setDaemon(true);
        t.start();
        return this;
    }

    /** The port listened on. */
    public int port() {
        return server.getLocalPort();
    }

    /** What was let through, in order: {@code "CONNECT host:port by user"}. */
    public List<String> passed() {
        synchronized (passed) {
            return List.copyOf(passed);
        }
    }

    /** The gate. */
    public AuthGate gate() {
        return gate;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "test-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        String conn = "proxy:" + client.getRemoteSocketAddress();
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (true) {
                String line = line(in);
                if (line == null) {
                    return;
                }
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split(" ");
                String method = parts[0];
                String target = parts.length > 1 ? parts[1] : "";
                Map<String, String> headers = new LinkedHashMap<>();
                for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                    int colon = h.indexOf(':');
                    if (colon > 0) {
                        headers.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
                    }
                }
                byte[] body = new byte[0];
                String cl = header(headers, "Content-Length");
                if (cl != null) {
                    body = in.readNBytes(Integer.parseInt(cl.strip()));
                }
                String user = null;
                if (!offered.isEmpty()) {
                    AuthGate.Outcome o = gate.check(offered, method, target,
                            header(headers, "Proxy-Authorization"), conn);
                    if (!o.allowed()) {
                        StringBuilder sb = new StringBuilder(
                                "HTTP/1.1 407 Proxy Authentication Required\r\n");
                        for (String c : o.challenges()) {
                            sb.append("Proxy-Authenticate: ").append(c).append("\r\n");
                        }
                        sb.append("Content-Length: 0\r\n\r\n");
                        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        continue;
                    }
                    user = o.user();
                }
                passed.add(method + " " + target + " by " + user);
                if (method.equals("CONNECT")) {
                    tunnel(client, in, out, target);
                } else {
                    forward(in, out, method, target, headers, body);
                }
                return;
            }
        } catch (IOException | RuntimeException e) {
            // the client or the origin went away: the connection ends
        } finally {
            gate.closed(conn);
        }
    }

    private static void tunnel(Socket client, InputStream in, OutputStream out, String target)
            throws IOException {
        int colon = target.lastIndexOf(':');
        try (Socket origin = new Socket(target.substring(0, colon),
                Integer.parseInt(target.substring(colon + 1)))) {
            out.write("HTTP/1.1 200 Connection established\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread up = new Thread(() -> copy(in, origin), "test-proxy-up");
            up.setDaemon(true);
            up.start();
            origin.getInputStream().transferTo(out);
        }
    }

    private static void copy(InputStream in, Socket origin) {
        try {
            in.transferTo(origin.getOutputStream());
            origin.shutdownOutput();
        } catch (IOException e) {
            // one side closed
        }
    }

    private static void forward(InputStream in, OutputStream out, String method, String target,
            Map<String, String> headers, byte[] body) throws IOException {
        URI uri = URI.create(target);
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        try (Socket origin = new Socket(uri.getHost(), port)) {
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/"
                    : uri.getRawPath()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            req.writeBytes((method + " " + path + " HTTP/1.1\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (Map.Entry<String, String> h : headers.entrySet()) {
                String n = h.getKey().toLowerCase(Locale.ROOT);
                if (!n.startsWith("proxy-") && !n.equals("connection")
                        && !n.equals("keep-alive")) {
                    req.writeBytes((h.getKey() + ": " + h.getValue() + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            req.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            req.writeBytes(body);
            origin.getOutputStream().write(req.toByteArray());
            origin.getOutputStream().flush();
            InputStream oin = new BufferedInputStream(origin.getInputStream());
            StringBuilder head = new StringBuilder(line(oin)).append("\r\n");
            for (String h = line(oin); h != null && !h.isEmpty(); h = line(oin)) {
                String n = h.toLowerCase(Locale.ROOT);
                if (!n.startsWith("connection:") && !n.startsWith("keep-alive:")) {
                    head.append(h).append("\r\n");
                }
            }
            head.append("Connection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            oin.transferTo(out);
            out.flush();
        }
    }

    private static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }
}
