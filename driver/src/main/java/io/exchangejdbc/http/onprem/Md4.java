package io.exchangejdbc.http.onprem;

/**
 * The MD4 message digest (RFC 1320), which NTLM uses to hash a password and which the JDK does
 * not offer through its public providers.
 */
final class Md4 {

    private Md4() {
    }

    /** Returns the 16-byte MD4 digest of {@code data}. */
    static byte[] digest(byte[] data) {
        long bitLength = (long) data.length * 8;
        int padded = ((data.length + 8) / 64 + 1) * 64;
        byte[] msg = new byte[padded];
        System.arraycopy(data, 0, msg, 0, data.length);
        msg[data.length] = (byte) 0x80;
        for (int i = 0; i < 8; i++) {
            msg[padded - 8 + i] = (byte) (bitLength >>> (8 * i));
        }
        int a = 0x67452301;
        int b = 0xefcdab89;
        int c = 0x98badcfe;
        int d = 0x10325476;
        int[] x = new int[16];
        for (int off = 0; off < padded; off += 64) {
            for (int i = 0; i < 16; i++) {
                int p = off + i * 4;
                x[i] = (msg[p] & 0xff) | (msg[p + 1] & 0xff) << 8 | (msg[p + 2] & 0xff) << 16
                        | (msg[p + 3] & 0xff) << 24;
            }
            int aa = a;
            int bb = b;
            int cc = c;
            int dd = d;
            int[] s1 = {3, 7, 11, 19};
            for (int i = 0; i < 16; i++) {
                int f = (b & c) | (~b & d);
                int t = Integer.rotateLeft(a + f + x[i], s1[i % 4]);
                a = d;
                d = c;
                c = b;
                b = t;
            }
            int[] s2 = {3, 5, 9, 13};
            int[] o2 = {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15};
            for (int i = 0; i < 16; i++) {
                int g = (b & c) | (b & d) | (c & d);
                int t = Integer.rotateLeft(a + g + x[o2[i]] + 0x5a827999, s2[i % 4]);
                a = d;
                d = c;
                c = b;
                b = t;
            }
            int[] s3 = {3, 9, 11, 15};
            int[] o3 = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};
            for (int i = 0; i < 16; i++) {
                int h = b ^ c ^ d;
                int t = Integer.rotateLeft(a + h + x[o3[i]] + 0x6ed9eba1, s3[i % 4]);
                a = d;
                d = c;
                c = b;
                b = t;
            }
            a += aa;
            b += bb;
            c += cc;
            d += dd;
        }
        byte[] out = new byte[16];
        int[] words = {a, b, c, d};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                out[i * 4 + j] = (byte) (words[i] >>> (8 * j));
            }
        }
        return out;
    }
}
