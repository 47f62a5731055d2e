package io.exchangejdbc.emulator.onprem;

import io.exchangejdbc.emulator.http.Front;
import io.exchangejdbc.emulator.http.Request;
import io.exchangejdbc.emulator.http.Response;
import io.exchangejdbc.emulator.store.Store;
import java.io.IOException;
import java.util.Set;

/**
 * A protected test service at {@code /onprem/<schemes>/...}, where {@code <schemes>} names what
 * the gate offers ({@code basic}, {@code digest}, {@code digest-md5}, {@code digest-sha256},
 * {@code ntlm}, {@code negotiate}, {@code any}, or several joined with {@code +}). A signed-in
 * request is answered 200 with the account, the scheme and the size of the body it sent, as JSON;
 * others get the gate's 401 challenge.
 */
public final class OnPremFront implements Front {

    /** The path prefix served. */
    public static final String PREFIX = "/onprem/";

    private final AuthGate gate;
    private final Store store;

    public OnPremFront(AuthGate gate, Store store) {
        this.gate = gate;
        this.store = store;
    }

    /** The gate of this front. */
    public AuthGate gate() {
        return gate;
    }

    @Override
    public String name() {
        return "onprem";
    }

    @Override
    public boolean serves(Request request) {
        return request.rawPath().startsWith(PREFIX);
    }

    @Override
    public boolean acceptsFaults() {
        return false;
    }

    @Override
    public void handle(Request request, Response response) throws IOException {
        Set<AuthMethod> offered = request.segments().size() < 2 ? Set.of()
                : AuthMethod.parse(request.segments().get(1));
        if (offered.isEmpty()) {
            sendError(request, response, 404, "NotFound", "Name the schemes: /onprem/ntlm/...");
            return;
        }
        String target = request.rawPath() + (request.rawQuery() == null ? ""
                : "?" + request.rawQuery());
        AuthGate.Outcome outcome = Protection.check(gate, offered, request, response, target);
        if (!outcome.allowed()) {
            return;
        }
        int messages = 0;
        try {
            messages = store.mailbox(outcome.user()).messageCount();
        } catch (RuntimeException e) {
            messages = -1;
        }
        response.send(200, "application/json", "{\"user\":\"" + outcome.user()
                + "\",\"scheme\":\"" + outcome.scheme() + "\",\"bodyBytes\":"
                + request.body().length + ",\"messages\":" + messages + "}");
    }

    @Override
    public void sendError(Request request, Response response, int status, String code,
            String message) throws IOException {
        response.send(status, "application/json", "{\"error\":{\"code\":\"" + code
                + "\",\"message\":\"" + message.replace("\"", "'") + "\"}}");
    }
}
