package io.exchangejdbc.http.onprem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The three NTLM messages ([MS-NLMP]) as the client writes and reads them: NEGOTIATE (type 1),
 * CHALLENGE (type 2, from the server) and AUTHENTICATE (type 3) with the NTLMv2 response. The
 * older LM and NTLMv1 responses are never sent.
 */
final class NtlmMessages {

    static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    static final int NEGOTIATE_UNICODE = 0x00000001;
    static final int REQUEST_TARGET = 0x00000004;
    static final int NEGOTIATE_NTLM = 0x00000200;
    static final int NEGOTIATE_ALWAYS_SIGN = 0x00008000;
    static final int NEGOTIATE_EXTENDED_SESSIONSECURITY = 0x00080000;
    static final int NEGOTIATE_TARGET_INFO = 0x00800000;
    static final int NEGOTIATE_128 = 0x20000000;
    static final int NEGOTIATE_56 = 0x80000000;
    static final int CLIENT_FLAGS = NEGOTIATE_UNICODE | REQUEST_TARGET | NEGOTIATE_NTLM
            | NEGOTIATE_ALWAYS_SIGN | NEGOTIATE_EXTENDED_SESSIONSECURITY | NEGOTIATE_TARGET_INFO
            | NEGOTIATE_128 | NEGOTIATE_56;

    private static final SecureRandom RANDOM = new SecureRandom();

    private NtlmMessages() {
    }

    /** The NEGOTIATE message: flags only, no domain or workstation. */
    static byte[] negotiate() {
        byte[] m = new byte[32];
        System.arraycopy(SIGNATURE, 0, m, 0, 8);
        putInt(m, 8, 1);
        putInt(m, 12, CLIENT_FLAGS);
        return m;
    }

    /** What the CHALLENGE message says. */
    record ServerChallenge(int flags, byte[] challenge, byte[] targetInfo) {
    }

    /** Reads a CHALLENGE message, or throws IllegalArgumentException when it is not one. */
    static ServerChallenge readChallenge(byte[] m) {
        if (m.length < 32 || !Arrays.equals(Arrays.copyOf(m, 8), SIGNATURE) || getInt(m, 8) != 2) {
            throw new IllegalArgumentException("not an NTLM CHALLENGE message");
        }
        int flags = getInt(m, 20);
        byte[] challenge = Arrays.copyOfRange(m, 24, 32);
        byte[] info = new byte[0];
        if (m.length >= 48) {
            int len = getShort(m, 40);
            int off = getInt(m, 44);
            if (len > 0 && off >= 0 && off + len <= m.length) {
                info = Arrays.copyOfRange(m, off, off + len);
            }
        }
        return new ServerChallenge(flags, challenge, info);
    }

    /** The AUTHENTICATE message answering {@code challenge} with NTLMv2 and LMv2 responses. */
    static byte[] authenticate(ServerChallenge challenge, String account, String domain,
            String password, String workstation) {
        byte[] clientChallenge = new byte[8];
        RANDOM.nextBytes(clientChallenge);
        long filetime = (System.currentTimeMillis() + 11_644_473_600_000L) * 10_000L;
        byte[] key = ntowfv2(password, account, domain);
        byte[] blob = blob(filetime, clientChallenge, challenge.targetInfo());
        byte[] ntProof = hmacMd5(key, concat(challenge.challenge(), blob));
        byte[] nt = concat(ntProof, blob);
        byte[] lm = concat(hmacMd5(key, concat(challenge.challenge(), clientChallenge)),
                clientChallenge);
        byte[] dom = utf16(domain);
        byte[] user = utf16(account);
        byte[] ws = utf16(workstation);
        int flags = CLIENT_FLAGS & (challenge.flags() | NEGOTIATE_UNICODE);
        int offset = 64;
        byte[] m = new byte[offset + lm.length + nt.length + dom.length + user.length + ws.length];
        System.arraycopy(SIGNATURE, 0, m, 0, 8);
        putInt(m, 8, 3);
        offset = putBuffer(m, 12, offset, lm);
        offset = putBuffer(m, 20, offset, nt);
        offset = putBuffer(m, 28, offset, dom);
        offset = putBuffer(m, 36, offset, user);
        offset = putBuffer(m, 44, offset, ws);
        putBuffer(m, 52, offset, new byte[0]);
        putInt(m, 60, flags);
        return m;
    }

    /** NTOWFv2: HMAC-MD5 keyed by MD4(password) over the upper-case user and the domain. */
    static byte[] ntowfv2(String password, String account, String domain) {
        byte[] ntHash = Md4.digest(utf16(password));
        return hmacMd5(ntHash, utf16(account.toUpperCase(Locale.ROOT) + domain));
    }

    /** The NTLMv2 client blob. */
    static byte[] blob(long filetime, byte[] clientChallenge, byte[] targetInfo) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {1, 1, 0, 0, 0, 0, 0, 0});
        byte[] t = new byte[8];
        for (int i = 0; i < 8; i++) {
            t[i] = (byte) (filetime >>> (8 * i));
        }
        b.writeBytes(t);
        b.writeBytes(clientChallenge);
        b.writeBytes(new byte[4]);
        b.writeBytes(targetInfo);
        b.writeBytes(new byte[4]);
        return b.toByteArray();
    }

    static byte[] hmacMd5(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is missing from the JDK", e);
        }
    }

    static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static int putBuffer(byte[] m, int at, int offset, byte[] data) {
        putShort(m, at, data.length);
        putShort(m, at + 2, data.length);
        putInt(m, at + 4, offset);
        System.arraycopy(data, 0, m, offset, data.length);
        return offset + data.length;
    }

    static void putShort(byte[] m, int at, int v) {
        m[at] = (byte) v;
        m[at + 1] = (byte) (v >>> 8);
    }

    static void putInt(byte[] m, int at, int v) {
        for (int i = 0; i < 4; i++) {
            m[at + i] = (byte) (v >>> (8 * i));
        }
    }

    static int getShort(byte[] m, int at) {
        return (m[at] & 0xff) | (m[at + 1] & 0xff) << 8;
    }

    static int getInt(byte[] m, int at) {
        return (m[at] & 0xff) | (m[at + 1] & 0xff) << 8 | (m[at + 2] & 0xff) << 16
                | (m[at + 3] & 0xff) << 24;
    }
}
