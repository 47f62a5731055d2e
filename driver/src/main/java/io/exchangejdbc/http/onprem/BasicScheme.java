package io.exchangejdbc.http.onprem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Basic (RFC 7617): the user name and password in every request, base64-encoded (so only ever
 * over HTTPS in production). Sent ahead once the server has asked for it, or from the first
 * request on when the transport is made to (EWS, where the scheme is known in advance).
 */
final class BasicScheme implements AuthScheme {

    private final Credentials credentials;
    private volatile boolean asked;

    BasicScheme(Credentials credentials) {
        this(credentials, false);
    }

    /** @param ahead whether to send the credentials from the first request on */
    BasicScheme(Credentials credentials, boolean ahead) {
        this.credentials = credentials;
        this.asked = ahead;
    }

    @Override
    public String name() {
        return "Basic";
    }

    @Override
    public String user() {
        return credentials.user();
    }

    @Override
    public String ahead(String method, String requestUri) {
        return asked ? value() : null;
    }

    private String value() {
        String pair = credentials.user() + ":" + credentials.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Attempt begin(String method, String requestUri) {
        return new Attempt() {
            private boolean answered;

            @Override
            public String answer(java.util.List<Challenge> challenges, boolean sentAhead) {
                if (answered || sentAhead) {
                    return null;
                }
                answered = true;
                asked = true;
                return value();
            }
        };
    }
}
