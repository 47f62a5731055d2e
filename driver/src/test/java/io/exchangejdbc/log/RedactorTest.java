package io.exchangejdbc.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the redactor masks, and what it leaves readable. */
class RedactorTest {

    private static final String JWT = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9"
            + ".eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20ifQ.c2lnbmF0dXJl";

    private final Redactor redactor = Redactor.PATTERNS_ONLY;

    @Test
    void authorizationHeaderKeepsOnlyItsScheme() {
        assertEquals("Bearer ****", redactor.header("Authorization", "Bearer abc.def.ghi"));
        assertEquals("Basic ****", redactor.header("authorization", "Basic dXNlcjpwdw=="));
        assertEquals("****", redactor.header("Cookie", "session=1"));
        assertEquals("application/json", redactor.header("Accept", "application/json"));
    }

    @Test
    void authorizationLinesAndBearerTokensInTextAreMasked() {
        assertEquals("Authorization: Bearer ****",
                redactor.redact("Authorization: Bearer opaque-token-1234"));
        assertEquals("sent Bearer **** to Graph",
                redactor.redact("sent Bearer abcDEF123.xyz to Graph"));
    }

    @Test
    void proseAboutSchemesStaysReadable() {
        assertEquals("Basic authentication is not supported",
                redactor.redact("Basic authentication is not supported"));
    }

    @Test
    void oauthParametersInFormsAndUrlsAreMasked() {
        String form = "client_id=app-1&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"
                + "&client_secret=s3cr3t~value&grant_type=client_credentials";
        String out = redactor.redact(form);
        assertFalse(out.contains("s3cr3t"), out);
        assertTrue(out.contains("client_secret=****"), out);
        assertTrue(out.contains("client_id=app-1"), out);
        assertTrue(out.contains("grant_type=client_credentials"), out);

        String url = "https://login/t/oauth2/v2.0/token?code=0.AAA-x&state=1"
                + "&refresh_token=r1&client_assertion=eyJz&password=pw";
        String u = redactor.redact(url);
        assertEquals("https://login/t/oauth2/v2.0/token?code=****&state=1"
                + "&refresh_token=****&client_assertion=****&password=****", u);
    }

    @Test
    void aParameterEndingInCodeIsNotTakenForTheAuthorizationCode() {
        assertEquals("errorcode=42&code=****", redactor.redact("errorcode=42&code=abc"));
    }

    @Test
    void tokenFieldsInJsonAreMaskedButGraphErrorCodesStay() {
        String json = "{\"token_type\":\"Bearer\",\"expires_in\":3599,"
                + "\"access_token\":\"abc\\\"def\",\"refresh_token\": \"r-1\"}";
        String out = redactor.redact(json);
        assertEquals("{\"token_type\":\"Bearer\",\"expires_in\":3599,"
                + "\"access_token\":\"****\",\"refresh_token\": \"****\"}", out);
        String error = "{\"error\":{\"code\":\"InefficientFilter\",\"message\":\"x\"}}";
        assertEquals(error, redactor.redact(error));
    }

    @Test
    void jsonWebTokensAreMaskedWhereverTheyAppear() {
        assertEquals("token ****, done", redactor.redact("token " + JWT + ", done"));
    }

    @Test
    void registeredSecretsAreMaskedAsIsAndPercentEncoded() {
        Redactor r = Redactor.of(List.of("p@ss word/1", "  ", "k-123"));
        assertEquals("pw=**** or ****, header ****",
                r.redact("pw=p@ss word/1 or p%40ss+word%2F1, header k-123"));
        assertEquals("x: ****", r.redact("x: p%40ss%20word%2F1"));
    }

    @Test
    void aSecretContainingAnotherIsMaskedWhole() {
        Redactor r = Redactor.of(List.of("abc", "abcdef"));
        assertEquals("[****]", r.redact("[abcdef]"));
    }

    @Test
    void nullAndEmptyPassThrough() {
        assertNull(redactor.redact(null));
        assertEquals("", redactor.redact(""));
        assertNull(redactor.header("Authorization", null));
    }

    @Test
    void redactsAVeryLongJsonSecretWithoutOverflowingTheStack() {
        String token = "x".repeat(200_000);
        String body = "{\"token_type\":\"Bearer\",\"refresh_token\":\"" + token
                + "\",\"expires_in\":3599}";
        String redacted = Redactor.of(java.util.List.of()).redact(body);
        org.junit.jupiter.api.Assertions.assertFalse(redacted.contains("xxxxxxxx"), redacted);
        org.junit.jupiter.api.Assertions.assertTrue(redacted.contains("expires_in"), redacted);
    }
}
