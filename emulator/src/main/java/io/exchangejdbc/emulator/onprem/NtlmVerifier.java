package io.exchangejdbc.emulator.onprem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * NTLM as a server checks it ([MS-NLMP]): a NEGOTIATE message is answered with a CHALLENGE (a
 * fresh server challenge, remembered for the connection), and the AUTHENTICATE message's NTLMv2
 * response is recomputed from the named user's password and compared. LM and NTLMv1 responses
 * are refused.
 */
final class NtlmVerifier {

    /** The CHALLENGE to send (base64), or the user signed in; both null: refused. */
    record Step(String challenge, String user) {
    }

    private static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DOMAIN = "CONTOSO";
    private static final String COMPUTER = "EXCH01";

    private final Accounts accounts;
    private final Map<String, byte[]> pending = new ConcurrentHashMap<>();

    NtlmVerifier(Accounts accounts) {
        this.accounts = accounts;
    }

    void forget(String connection) {
        pending.remove(connection);
    }

    Step step(String connection, String token) {
        byte[] m;
        try {
            m = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return new Step(null, null);
        }
        if (m.length < 12 || !Arrays.equals(Arrays.copyOf(m, 8), SIGNATURE)) {
            return new Step(null, null);
        }
        int type = getInt(m, 8);
        if (type == 1) {
            byte[] challenge = new byte[8];
            RANDOM.nextBytes(challenge);
            pending.put(connection, challenge);
            return new Step(Base64.getEncoder().encodeToString(challengeMessage(challenge)), null);
        }
        byte[] challenge = pending.remove(connection);
        if (type != 3 || challenge == null || m.length < 64) {
            return new Step(null, null);
        }
        byte[] nt = buffer(m, 20);
        String domain = new String(buffer(m, 28), StandardCharsets.UTF_16LE);
        String user = new String(buffer(m, 36), StandardCharsets.UTF_16LE);
        if (nt == null || nt.length < 16 + 28) {
            return new Step(null, null);
        }
        Accounts.Account account = accounts.find(domain.isEmpty() ? user
                : user.contains("@") ? user : domain + "\\" + user);
        if (account == null && !domain.isEmpty()) {
            account = accounts.find(user + "@" + domain);
        }
        if (account == null) {
            return new Step(null, null);
        }
        byte[] key = hmac(md4(account.password().getBytes(StandardCharsets.UTF_16LE)),
                (user.toUpperCase(Locale.ROOT) + domain).getBytes(StandardCharsets.UTF_16LE));
        byte[] proof = Arrays.copyOf(nt, 16);
        byte[] blob = Arrays.copyOfRange(nt, 16, nt.length);
        byte[] expected = hmac(key, concat(challenge, blob));
        return MessageDigest.isEqual(proof, expected) ? new Step(null, account.name())
                : new Step(null, null);
    }

    private static byte[] challengeMessage(byte[] challenge) {
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        avPair(info, 2, DOMAIN);
        avPair(info, 1, COMPUTER);
        info.writeBytes(new byte[4]);
        byte[] target = DOMAIN.getBytes(StandardCharsets.UTF_16LE);
        byte[] ti = info.toByteArray();
        byte[] m = new byte[48 + target.length + ti.length];
        System.arraycopy(SIGNATURE, 0, m, 0, 8);
        putInt(m, 8, 2);
        putShort(m, 12, target.length);
        putShort(m, 14, target.length);
        putInt(m, 16, 48);
        putInt(m, 20, 0x00000001 | 0x00000004 | 0x00000200 | 0x00008000 | 0x00010000
                | 0x00080000 | 0x00800000 | 0x20000000 | 0x80000000);
        System.arraycopy(challenge, 0, m, 24, 8);
        putShort(m, 40, ti.length);
        putShort(m, 42, ti.length);
        putInt(m, 44, 48 + target.length);
        System.arraycopy(target, 0, m, 48, target.length);
        System.arraycopy(ti, 0, m, 48 + target.length, ti.length);
        return m;
    }

    private static void avPair(ByteArrayOutputStream out, int id, String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_16LE);
        out.write(id);
        out.write(0);
        out.write(v.length);
        out.write(v.length >>> 8);
        out.writeBytes(v);
    }

    private static byte[] buffer(byte[] m, int at) {
        int len = (m[at] & 0xff) | (m[at + 1] & 0xff) << 8;
        int off = getInt(m, at + 4);
        if (off < 0 || off + len > m.length) {
            return null;
        }
        return Arrays.copyOfRange(m, off, off + len);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static void putShort(byte[] m, int at, int v) {
        m[at] = (byte) v;
        m[at + 1] = (byte) (v >>> 8);
    }

    private static void putInt(byte[] m, int at, int v) {
        for (int i = 0; i < 4; i++) {
            m[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private static int getInt(byte[] m, int at) {
        return (m[at] & 0xff) | (m[at + 1] & 0xff) << 8 | (m[at + 2] & 0xff) << 16
                | (m[at + 3] & 0xff) << 24;
    }

    /** MD4 (RFC 1320), which the NT hash of a password needs and the JDK does not offer. */
    static byte[] md4(byte[] data) {
        int padded = ((data.length + 8) / 64 + 1) * 64;
        byte[] msg = Arrays.copyOf(data, padded);
        msg[data.length] = (byte) 0x80;
        long bits = (long) data.length * 8;
        for (int i = 0; i < 8; i++) {
            msg[padded - 8 + i] = (byte) (bits >>> (8 * i));
        }
        int[] h = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
        int[] x = new int[16];
        int[][] shifts = {{3, 7, 11, 19}, {3, 5, 9, 13}, {3, 9, 11, 15}};
        int[][] order = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
            {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15},
            {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15}};
        int[] constants = {0, 0x5a827999, 0x6ed9eba1};
        for (int off = 0; off < padded; off += 64) {
            for (int i = 0; i < 16; i++) {
                x[i] = getInt(msg, off + i * 4);
            }
            int a = h[0];
            int b = h[1];
            int c = h[2];
            int d = h[3];
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 16; i++) {
                    int f = round == 0 ? (b & c) | (~b & d)
                            : round == 1 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
                    int t = Integer.rotateLeft(a + f + x[order[round][i]] + constants[round],
                            shifts[round][i % 4]);
                    a = d;
                    d = c;
                    c = b;
                    b = t;
                }
            }
            h[0] += a;
            h[1] += b;
            h[2] += c;
            h[3] += d;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 4; i++) {
            putInt(out, i * 4, h[i]);
        }
        return out;
    }
}
