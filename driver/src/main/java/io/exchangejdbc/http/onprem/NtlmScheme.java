package io.exchangejdbc.http.onprem;

import java.sql.SQLException;
import java.util.Base64;
import java.util.List;

/**
 * NTLM with NTLMv2 responses: a NEGOTIATE message, the server's CHALLENGE, then AUTHENTICATE, all
 * on one TCP connection, which the server then treats as signed in. The account and domain come
 * from <code>DOMAIN&#92;user</code> or {@code user@domain}.
 */
final class NtlmScheme implements AuthScheme {

    private final Credentials credentials;
    private final String prefix;

    /**
     * @param credentials the user and password
     * @param prefix      the scheme word of the header: {@code NTLM}
     */
    NtlmScheme(Credentials credentials, String prefix) {
        this.credentials = credentials;
        this.prefix = prefix;
    }

    @Override
    public String name() {
        return "NTLM";
    }

    @Override
    public String user() {
        return credentials.user();
    }

    @Override
    public boolean connectionOriented() {
        return true;
    }

    @Override
    public Attempt begin(String method, String requestUri) {
        return new Attempt() {
            private int step;

            @Override
            public String answer(List<Challenge> challenges, boolean sentAhead)
                    throws SQLException {
                Challenge ch = challenges.get(0);
                if (ch.token() == null) {
                    if (step != 0) {
                        return null;
                    }
                    step = 1;
                    return prefix + " " + Base64.getEncoder().encodeToString(
                            NtlmMessages.negotiate());
                }
                if (step != 1) {
                    return null;
                }
                step = 2;
                NtlmMessages.ServerChallenge sc;
                try {
                    sc = NtlmMessages.readChallenge(Base64.getDecoder().decode(ch.token()));
                } catch (IllegalArgumentException e) {
                    throw new SQLException("The server's NTLM challenge cannot be read: "
                            + e.getMessage() + ".", "08S01");
                }
                return prefix + " " + Base64.getEncoder().encodeToString(
                        NtlmMessages.authenticate(sc, credentials.account(),
                                credentials.domain(), credentials.password(), workstation()));
            }
        };
    }

    private static String workstation() {
        return "EXCHANGE-JDBC";
    }
}
