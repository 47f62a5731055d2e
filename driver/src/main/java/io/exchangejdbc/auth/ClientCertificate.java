package io.exchangejdbc.auth;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.security.auth.x500.X500Principal;

/**
 * The certificate and private key of an app registration for
 * {@code AuthScheme=AzureServicePrincipalCert}, read from {@code OAuthJWTCert} as
 * {@code OAuthJWTCertType} says: a PEM file or text (a PKCS#8 key, plain or encrypted with
 * {@code OAuthJWTCertPassword}, or a PKCS#1 RSA key, and the certificate chain), a PKCS#12 (PFX)
 * file or its base64 text, or a Java key store. {@code OAuthJWTCertSubject} chooses among the
 * key entries of a store: {@code *} the first, else the entry whose subject matches (the whole
 * distinguished name, or its CN).
 *
 * @param key   the private key that signs client assertions
 * @param chain the certificate and its issuers, the certificate first
 * @see <a href=
 *     "https://learn.microsoft.com/entra/identity-platform/certificate-credentials">Microsoft
 *     identity platform application authentication certificate credentials</a>
 */
record ClientCertificate(PrivateKey key, List<X509Certificate> chain) {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([^-]+)-----END \\1-----");

    ClientCertificate {
        requireNonNull(key, "key");
        chain = List.copyOf(chain);
    }

    /** Loads the certificate; SQLState 28000 with what to fix when it cannot. */
    static ClientCertificate load(String cert, String type, String password, String subject)
            throws SQLException {
        String t = type == null ? "PFXFILE" : type.strip().toUpperCase(Locale.ROOT);
        char[] pw = password == null ? new char[0] : password.toCharArray();
        try {
            return switch (t) {
                case "PEMKEY_FILE" -> pem(Files.readString(Path.of(cert.strip()),
                        StandardCharsets.US_ASCII), pw);
                case "PEMKEY_BLOB" -> pem(cert, pw);
                case "PFXFILE" -> store("PKCS12", Files.readAllBytes(Path.of(cert.strip())), pw,
                        subject);
                case "PFXBLOB" -> store("PKCS12", Base64.getMimeDecoder().decode(cert), pw,
                        subject);
                case "JKSFILE" -> store("JKS", Files.readAllBytes(Path.of(cert.strip())), pw,
                        subject);
                default -> throw new SQLException("OAuthJWTCertType=" + type + " (a Windows"
                        + " certificate store) is not available in Java; export the certificate"
                        + " with its key to a PFX file and use OAuthJWTCertType=PFXFILE.",
                        "0A000");
            };
        } catch (IOException e) {
            throw new SQLException("Cannot read the certificate file of OAuthJWTCert ("
                    + e.getClass().getSimpleName() + "): check the path and that this user may"
                    + " read it.", "28000", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // The library's message may name key material; keep only what helps.
            throw new SQLException("Cannot read the certificate and private key of"
                    + " OAuthJWTCert as " + t + " (" + e.getClass().getSimpleName() + "): check"
                    + " OAuthJWTCertType and OAuthJWTCertPassword.", "28000", e);
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
    }

    private static ClientCertificate store(String kind, byte[] content, char[] password,
            String subject) throws GeneralSecurityException, IOException, SQLException {
        KeyStore ks = KeyStore.getInstance(kind);
        ks.load(new ByteArrayInputStream(content), password);
        List<String> seen = new ArrayList<>();
        for (String alias : Collections.list(ks.aliases())) {
            if (!ks.isKeyEntry(alias)) {
                continue;
            }
            Certificate[] chain = ks.getCertificateChain(alias);
            if (chain == null || chain.length == 0
                    || !(chain[0] instanceof X509Certificate first)) {
                continue;
            }
            String dn = first.getSubjectX500Principal().getName(X500Principal.RFC2253);
            seen.add(dn);
            if (matches(first, subject)) {
                Key key = ks.getKey(alias, password);
                if (key instanceof PrivateKey pk) {
                    List<X509Certificate> certs = new ArrayList<>();
                    for (Certificate c : chain) {
                        certs.add((X509Certificate) c);
                    }
                    return new ClientCertificate(pk, certs);
                }
            }
        }
        throw new SQLException("OAuthJWTCert holds no certificate with a private key"
                + (subject == null || subject.strip().equals("*") ? ""
                        : " whose subject is '" + subject + "'")
                + "; subjects found: " + (seen.isEmpty() ? "none" : String.join("; ", seen))
                + ". Check OAuthJWTCertSubject.", "28000");
    }

    private static boolean matches(X509Certificate cert, String subject) {
        if (subject == null || subject.isBlank() || subject.strip().equals("*")) {
            return true;
        }
        String wanted = subject.strip();
        X500Principal principal = cert.getSubjectX500Principal();
        try {
            if (principal.equals(new X500Principal(wanted))) {
                return true;
            }
        } catch (IllegalArgumentException e) {
            // Not a distinguished name: compare with the CN below.
        }
        String dn = principal.getName(X500Principal.RFC2253);
        for (String rdn : dn.split(",")) {
            if (rdn.regionMatches(true, 0, "CN=", 0, 3)
                    && (rdn.substring(3).equalsIgnoreCase(wanted)
                            || ("CN=" + rdn.substring(3)).equalsIgnoreCase(wanted))) {
                return true;
            }
        }
        return false;
    }

    private static ClientCertificate pem(String text, char[] password)
            throws GeneralSecurityException, IOException, SQLException {
        PrivateKey key = null;
        List<X509Certificate> chain = new ArrayList<>();
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            String label = m.group(1);
            byte[] der = Base64.getMimeDecoder().decode(m.group(2).strip());
            switch (label) {
                case "CERTIFICATE" -> chain.add((X509Certificate) cf.generateCertificate(
                        new ByteArrayInputStream(der)));
                case "PRIVATE KEY" -> key = pkcs8(der);
                case "RSA PRIVATE KEY" -> key = KeyFactory.getInstance("RSA")
                        .generatePrivate(new PKCS8EncodedKeySpec(wrapPkcs1(der)));
                case "ENCRYPTED PRIVATE KEY" -> {
                    EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
                    SecretKeyFactory f = SecretKeyFactory.getInstance(info.getAlgName());
                    key = pkcs8(info.getKeySpec(f.generateSecret(new PBEKeySpec(password)))
                            .getEncoded());
                }
                default -> {
                    // Other blocks (parameters, requests) are not needed.
                }
            }
        }
        if (key == null || chain.isEmpty()) {
            throw new SQLException("The PEM of OAuthJWTCert must hold a private key and its"
                    + " certificate (BEGIN PRIVATE KEY and BEGIN CERTIFICATE blocks).", "28000");
        }
        return new ClientCertificate(key, chain);
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        }
    }

    /** A PKCS#1 RSAPrivateKey wrapped in a PKCS#8 PrivateKeyInfo. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octet = concat(header(0x04, pkcs1.length), pkcs1);
        byte[] body = concat(concat(version, algorithm), octet);
        return concat(header(0x30, body.length), body);
    }

    private static byte[] header(int tag, int length) {
        if (length < 0x80) {
            return new byte[] {(byte) tag, (byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) tag, (byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {(byte) tag, (byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) tag, (byte) 0x83, (byte) (length >> 16), (byte) (length >> 8),
            (byte) length};
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Whether the key is RSA, which Entra's client assertions require. */
    boolean isRsa() {
        return chain.get(0).getPublicKey() instanceof RSAPublicKey;
    }

    @Override
    public String toString() {
        return "certificate " + chain.get(0).getSubjectX500Principal().getName();
    }
}
