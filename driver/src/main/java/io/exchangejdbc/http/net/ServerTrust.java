package io.exchangejdbc.http.net;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which server certificates a connection trusts, from {@code SSLServerCert}:
 * <ul>
 *   <li>not set: the JVM's trust store, with the host name checked, as any HTTPS client;</li>
 *   <li>a PEM certificate (the text, {@code -----BEGIN CERTIFICATE-----...}) or the path of a
 *       PEM or DER file: only that certificate (or the certificates it issued) is trusted,
 *       host name still checked;</li>
 *   <li>a SHA-256 thumbprint in hex, with or without colons or spaces: only the certificate with
 *       that thumbprint is accepted, whatever its issuer and names (the pin is the identity);</li>
 *   <li>{@code *}: any certificate is accepted. Unsafe: anyone on the network path can read and
 *       change the traffic, passwords included. For tests only.</li>
 * </ul>
 * The same trust serves the EWS transport and the Graph transport of the connection.
 */
public final class ServerTrust {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);
    private static final Pattern THUMBPRINT = Pattern.compile("[0-9a-fA-F]{64}");

    private final SSLContext context;
    private final String description;

    private ServerTrust(SSLContext context, String description) {
        this.context = context;
        this.description = description;
    }

    /**
     * The JVM's default trust: the trust store of {@code javax.net.ssl.trustStore}, else
     * {@code jssecacerts} or {@code cacerts}, as {@link SSLContext#getDefault()} has it. The
     * store is read at the first TLS handshake rather than here, so that a connection over plain
     * HTTP (the emulator, a proxy that terminates TLS) does not parse a hundred certificates
     * it never uses. When {@code javax.net.ssl.keyStore} is set the JVM's own default context is
     * used as is, for the client certificate it holds.
     */
    public static ServerTrust jvmDefault() {
        try {
            if (System.getProperty("javax.net.ssl.keyStore") != null) {
                return new ServerTrust(SSLContext.getDefault(), "the JVM's trust store");
            }
            return new ServerTrust(context(new JvmTrustOnDemand()), "the JVM's trust store");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no default TLS context", e);
        }
    }

    /**
     * The trust an {@code SSLServerCert} value gives (null or blank: the JVM's).
     *
     * @throws SQLException 08001 when the value is neither {@code *}, a thumbprint, a PEM
     *                      certificate nor a readable certificate file
     */
    public static ServerTrust of(String sslServerCert) throws SQLException {
        if (sslServerCert == null || sslServerCert.isBlank()) {
            return jvmDefault();
        }
        String v = sslServerCert.strip();
        if (v.equals("*")) {
            return new ServerTrust(context(new AnyCertificate()), "any certificate (SSLServerCert=*)");
        }
        String hex = v.replaceAll("[:\\s]", "");
        if (THUMBPRINT.matcher(hex).matches()) {
            return new ServerTrust(context(new Thumbprint(HexFormat.of().parseHex(hex))),
                    "the certificate with SHA-256 thumbprint " + hex.toUpperCase(Locale.ROOT));
        }
        byte[] bytes;
        String source;
        if (v.contains("-----BEGIN")) {
            bytes = v.getBytes(StandardCharsets.US_ASCII);
            source = "the PEM certificate of SSLServerCert";
        } else {
            Path path;
            try {
                path = Path.of(v);
            } catch (InvalidPathException e) {
                throw unreadable(null);
            }
            if (!Files.isRegularFile(path)) {
                throw unreadable(null);
            }
            try {
                bytes = Files.readAllBytes(path);
            } catch (IOException e) {
                throw unreadable(e);
            }
            source = "the certificate file " + path;
        }
        Collection<? extends java.security.cert.Certificate> certs;
        try {
            certs = certificates(bytes);
        } catch (CertificateException | IllegalArgumentException e) {
            throw new SQLException("SSLServerCert holds no certificate that can be read ("
                    + e.getMessage() + "). Give a PEM certificate (-----BEGIN CERTIFICATE-----"
                    + "...), the path of a PEM or DER file, a SHA-256 thumbprint in hex, or *.",
                    "08001", e);
        }
        if (certs.isEmpty()) {
            throw new SQLException("SSLServerCert holds no certificate. Give a PEM certificate,"
                    + " the path of a certificate file, a SHA-256 thumbprint in hex, or *.",
                    "08001");
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (java.security.cert.Certificate c : certs) {
                ks.setCertificateEntry("server-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return new ServerTrust(ctx, source);
        } catch (GeneralSecurityException | IOException e) {
            throw new SQLException("The certificate of SSLServerCert cannot be used: "
                    + e.getMessage() + ".", "08001", e);
        }
    }

    /**
     * The certificates of PEM text (blocks found wherever they are, their base64 read whatever
     * the line breaks, so a PEM on one line of a connection string works) or of DER bytes.
     */
    private static Collection<? extends java.security.cert.Certificate> certificates(byte[] bytes)
            throws CertificateException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        Matcher m = PEM.matcher(text);
        java.util.List<java.security.cert.Certificate> out = new java.util.ArrayList<>();
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(1).replaceAll("\\s", ""));
            out.add(cf.generateCertificate(new ByteArrayInputStream(der)));
        }
        if (!out.isEmpty()) {
            return out;
        }
        return cf.generateCertificates(new ByteArrayInputStream(bytes));
    }

    private static SQLException unreadable(IOException cause) {
        return new SQLException("SSLServerCert is neither *, a SHA-256 thumbprint (64 hex"
                + " digits), a PEM certificate (-----BEGIN CERTIFICATE-----...) nor the path of a"
                + " readable certificate file.", "08001", cause);
    }

    private static SSLContext context(TrustManager tm) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make a TLS context", e);
        }
    }

    /** The TLS context to open connections with. */
    public SSLContext sslContext() {
        return context;
    }

    /** What is trusted, for messages and logs. */
    public String description() {
        return description;
    }

    /**
     * Whether a failure is a refused server certificate (untrusted, expired or issued to another
     * host).
     */
    public static boolean isUntrusted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException || t instanceof CertPathBuilderException
                    || t instanceof CertPathValidatorException
                    || t instanceof SSLHandshakeException && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("cert")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The advice given when the server's certificate is refused. */
    public static String advice() {
        return "The server's certificate is not trusted. If the server uses a self-signed or"
                + " private certificate, set SSLServerCert to that certificate (PEM text or the"
                + " path of its file) or to its SHA-256 thumbprint; SSLServerCert=* accepts any"
                + " certificate but is unsafe outside tests.";
    }

    /**
     * The JVM's default trust manager, made at the first certificate it checks. It is the
     * extended (host-name checking) manager of the default trust manager factory, to which every
     * check goes as is.
     */
    static final class JvmTrustOnDemand extends X509ExtendedTrustManager {
        private volatile X509ExtendedTrustManager delegate;

        X509ExtendedTrustManager delegate() throws CertificateException {
            X509ExtendedTrustManager d = delegate;
            if (d == null) {
                synchronized (this) {
                    d = delegate;
                    if (d == null) {
                        d = jvmTrustManager();
                        delegate = d;
                    }
                }
            }
            return d;
        }

        private static X509ExtendedTrustManager jvmTrustManager() throws CertificateException {
            try {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(
                        TrustManagerFactory.getDefaultAlgorithm());
                tmf.init((KeyStore) null);
                for (TrustManager tm : tmf.getTrustManagers()) {
                    if (tm instanceof X509ExtendedTrustManager x) {
                        return x;
                    }
                }
                throw new CertificateException("the JVM's trust manager factory has no"
                        + " X.509 trust manager");
            } catch (GeneralSecurityException e) {
                throw new CertificateException("the JVM's trust store cannot be read: "
                        + e.getMessage(), e);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket s)
                throws CertificateException {
            delegate().checkClientTrusted(chain, authType, s);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket s)
                throws CertificateException {
            delegate().checkServerTrusted(chain, authType, s);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine e)
                throws CertificateException {
            delegate().checkClientTrusted(chain, authType, e);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine e)
                throws CertificateException {
            delegate().checkServerTrusted(chain, authType, e);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            delegate().checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            delegate().checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            try {
                return delegate().getAcceptedIssuers();
            } catch (CertificateException e) {
                return new X509Certificate[0];
            }
        }
    }

    /** Accepts every certificate: {@code SSLServerCert=*}. */
    private static final class AnyCertificate extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket s) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket s) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine e) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine e) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /**
     * Accepts the one certificate with the pinned SHA-256 thumbprint. Being an extended trust
     * manager that does not look at the host name, it also stands in for the host name check:
     * the pin names the server exactly.
     */
    private static final class Thumbprint extends X509ExtendedTrustManager {
        private final byte[] pinned;

        Thumbprint(byte[] pinned) {
            this.pinned = pinned;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server sent no certificate");
            }
            byte[] actual;
            try {
                actual = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
            } catch (GeneralSecurityException e) {
                throw new CertificateException(e);
            }
            if (!MessageDigest.isEqual(actual, pinned)) {
                throw new CertificateException("the server's certificate has SHA-256 thumbprint "
                        + HexFormat.of().withUpperCase().formatHex(actual)
                        + ", not the one of SSLServerCert");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket s)
                throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket s)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine e)
                throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine e)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            check(chain);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
