package io.exchangejdbc.http.onprem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sign-in computations against the published examples: MD4 (RFC 1320 appendix A.5), NTLMv2
 * ([MS-NLMP] section 4.2.4), Digest (RFC 7616 section 3.9.1), and the parsing of challenges.
 */
class KnownAnswersTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void md4TestSuite() {
        assertEquals("31d6cfe0d16ae931b73c59d7e0c089c0", md4(""));
        assertEquals("a448017aaf21d8525fc10ae87aa6729d", md4("abc"));
        assertEquals("d9130a8164549fe818874806e1c7014b", md4("message digest"));
        assertEquals("e33b4ddc9c38f2199c3e7b164fcc0536", md4(
                "1234567890123456789012345678901234567890123456789012345678901234567890"
                + "1234567890"));
    }

    private static String md4(String s) {
        return HEX.formatHex(Md4.digest(s.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void ntlmv2AsInMsNlmp() {
        byte[] key = NtlmMessages.ntowfv2("Password", "User", "Domain");
        assertEquals("0c868a403bfd7a93a3001ef22ef02e3f", HEX.formatHex(key));
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        for (Object[] av : new Object[][] {{2, "Domain"}, {1, "Server"}}) {
            byte[] v = ((String) av[1]).getBytes(StandardCharsets.UTF_16LE);
            info.writeBytes(new byte[] {(byte) (int) (Integer) av[0], 0, (byte) v.length, 0});
            info.writeBytes(v);
        }
        info.writeBytes(new byte[4]);
        byte[] clientChallenge = new byte[8];
        Arrays.fill(clientChallenge, (byte) 0xaa);
        byte[] blob = NtlmMessages.blob(0L, clientChallenge, info.toByteArray());
        byte[] proof = NtlmMessages.hmacMd5(key, NtlmMessages.concat(
                HEX.parseHex("0123456789abcdef"), blob));
        assertEquals("68cd0ab851e51c96aabc927bebef6a1c", HEX.formatHex(proof));
    }

    @Test
    void authenticateMessageCarriesTheNames() {
        NtlmMessages.ServerChallenge sc = new NtlmMessages.ServerChallenge(
                NtlmMessages.CLIENT_FLAGS, HEX.parseHex("0123456789abcdef"), new byte[4]);
        byte[] m = NtlmMessages.authenticate(sc, "alex", "CONTOSO", "pw", "WS");
        assertEquals(3, NtlmMessages.getInt(m, 8));
        int userLen = NtlmMessages.getShort(m, 36);
        int userOff = NtlmMessages.getInt(m, 40);
        assertEquals("alex", new String(m, userOff, userLen, StandardCharsets.UTF_16LE));
        int domLen = NtlmMessages.getShort(m, 28);
        int domOff = NtlmMessages.getInt(m, 32);
        assertEquals("CONTOSO", new String(m, domOff, domLen, StandardCharsets.UTF_16LE));
        assertArrayEquals(NtlmMessages.SIGNATURE, Arrays.copyOf(m, 8));
    }

    @Test
    void digestAsInRfc7616() {
        String nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        String cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", DigestScheme.response("MD5", "Mufasa",
                "http-auth@example.org", "Circle of Life", nonce, "00000001", cnonce, true,
                "GET", "/dir/index.html"));
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                DigestScheme.response("SHA-256", "Mufasa", "http-auth@example.org",
                        "Circle of Life", nonce, "00000001", cnonce, true, "GET",
                        "/dir/index.html"));
    }

    @Test
    void challengesAreParsed() {
        List<Challenge> all = Challenge.parseAll(List.of(
                "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\","
                        + " algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\","
                        + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"",
                "NTLM TlRMTVNTUAACAAAA==", "Negotiate", "Basic realm=\"x\", NTLM"));
        assertEquals(List.of("Digest", "NTLM", "Negotiate", "Basic", "NTLM"),
                all.stream().map(Challenge::scheme).toList());
        assertEquals("auth, auth-int", all.get(0).param("qop"));
        assertEquals("SHA-256", all.get(0).param("ALGORITHM"));
        assertEquals("TlRMTVNTUAACAAAA==", all.get(1).token());
        assertEquals(Map.of(), all.get(2).params());
        assertEquals("x", all.get(3).param("realm"));
    }

    @Test
    void userNamesSplitForNtlm() {
        Credentials a = new Credentials("CONTOSO\\alex", "p");
        assertEquals("alex", a.account());
        assertEquals("CONTOSO", a.domain());
        Credentials b = new Credentials("alex@contoso.com", "p");
        assertEquals("alex", b.account());
        assertEquals("contoso.com", b.domain());
        assertEquals("alex@contoso.com", b.toString());
    }
}
