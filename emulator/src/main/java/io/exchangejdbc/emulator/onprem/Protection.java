package io.exchangejdbc.emulator.onprem;

import io.exchangejdbc.emulator.http.Request;
import io.exchangejdbc.emulator.http.Response;
import java.io.IOException;
import java.util.Set;

/**
 * Guards a request of any front with an {@link AuthGate}: one call that either lets the request
 * through (returning the account) or answers it with 401 and the gate's challenges.
 */
public final class Protection {

    private Protection() {
    }

    /**
     * Checks a request; when refused, the 401 (with its challenges and an empty body) is already
     * sent and the caller only returns.
     *
     * @param target the request target as the client sent it (path and query)
     */
    public static AuthGate.Outcome check(AuthGate gate, Set<AuthMethod> offered, Request request,
            Response response, String target) throws IOException {
        AuthGate.Outcome outcome = gate.check(offered, request.method(), target,
                request.header(gate.credentialsHeader()), request.connection());
        if (outcome.allowed()) {
            if (outcome.token() != null) {
                response.header(gate.challengeHeader(), "Negotiate " + outcome.token());
            }
            return outcome;
        }
        for (String c : outcome.challenges()) {
            response.header(gate.challengeHeader(), c);
        }
        response.send(gate.refusalStatus(), "text/plain; charset=utf-8",
                "401 - Unauthorized: Access is denied due to invalid credentials.");
        return outcome;
    }
}
