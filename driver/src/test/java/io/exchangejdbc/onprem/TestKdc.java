package io.exchangejdbc.onprem;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.onprem.NegotiateAcceptor;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kerby.kerberos.kerb.server.SimpleKdcServer;

/**
 * An in-process Kerberos KDC on loopback (TCP only) for Negotiate tests, with the service
 * principal {@code HTTP/127.0.0.1} whose keytab the emulator's gate accepts tickets with.
 */
final class TestKdc implements AutoCloseable {

    static final String REALM = "EXAMPLE.COM";
    static final String SERVICE = "HTTP/127.0.0.1@" + REALM;

    private final SimpleKdcServer kdc;
    private final Path dir;
    private final int port;

    private TestKdc(SimpleKdcServer kdc, Path dir, int port) {
        this.kdc = kdc;
        this.dir = dir;
        this.port = port;
    }

    /** Starts a KDC with the service principal. */
    static TestKdc start() throws Exception {
        Path dir = Files.createTempDirectory("kdc-test");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SimpleKdcServer kdc = new SimpleKdcServer();
        kdc.setWorkDir(dir.toFile());
        kdc.setKdcHost("127.0.0.1");
        kdc.setKdcRealm(REALM);
        kdc.setAllowUdp(false);
        kdc.setKdcTcpPort(port);
        kdc.init();
        kdc.start();
        kdc.createPrincipal(SERVICE, "service-key-1");
        return new TestKdc(kdc, dir, port);
    }

    /** {@code host:port} of the KDC, for {@code KerberosKDC}. */
    String address() {
        return "127.0.0.1:" + port;
    }

    /** Creates the principal {@code name@REALM} with a password. */
    void user(String name, String password) throws Exception {
        kdc.createPrincipal(name + "@" + REALM, password);
    }

    /** Exports the key of {@code name@REALM} to a keytab file and returns the file. */
    File keytab(String name) throws Exception {
        File keytab = dir.resolve(name + ".keytab").toFile();
        kdc.exportPrincipal(name + "@" + REALM, keytab);
        return keytab;
    }

    /** Lets the emulator's on-premises gate accept tickets for the service principal. */
    void acceptIn(Emulator emu) throws Exception {
        File keytab = dir.resolve("http.keytab").toFile();
        if (!keytab.exists()) {
            kdc.exportPrincipal(SERVICE, keytab);
        }
        emu.onPremGate().negotiate(new NegotiateAcceptor(SERVICE, keytab.toPath()));
    }

    @Override
    public void close() throws Exception {
        kdc.stop();
    }
}
