package io.exchangejdbc.emulator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The truncated-body fault as a client sees it on the wire: the answer declares its full length,
 * half of the body follows, and then the server closes the connection, so that the client learns
 * at once that the body broke off instead of waiting for bytes that never come.
 */
class TruncatedBodyTest {

    private static Emulator emu;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().users(1).messagesPerUser(100).build().start();
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void closesTheConnectionAfterHalfTheBody() throws IOException {
        String token = emu.issueAppToken(emu.defaultClientId());
        emu.faults().next(FaultSpec.truncatedBody());
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), emu.port())) {
            // Far longer than a loopback answer takes; reaching it means the body stalled.
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /v1.0/users/" + emu.demoUser().id() + "/messages?$top=50 HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            boolean closed;
            try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    got.write(buf, 0, n);
                }
                closed = true;
            } catch (SocketTimeoutException e) {
                closed = false;
            }
            assertTrue(closed, "the server left the connection open after the partial body");
            String text = got.toString(StandardCharsets.UTF_8);
            int headersEnd = text.indexOf("\r\n\r\n");
            String headers = text.substring(0, headersEnd).toLowerCase();
            int declared = Integer.parseInt(headers.replaceAll("(?s).*content-length: (\\d+).*",
                    "$1"));
            int sent = got.size() - headersEnd - 4;
            assertEquals(declared / 2, sent);
        }
    }
}
