package io.exchangejdbc.graph;

import io.exchangejdbc.http.HttpResult;
import io.exchangejdbc.http.RetryPolicy;
import io.exchangejdbc.log.Redactor;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The translation of a Graph error answer to an action into an {@link SQLException}: what was
 * being done, the HTTP status, Graph's code and message, the request-id, and whether the action
 * may have been carried out. The vendor code is the HTTP status.
 *
 * <p>SQLStates: 400 gives 22023 (a value was refused), 401 gives 28000, 403 gives 42501, 404
 * gives 42S02 (no such item, folder or mailbox), 413 gives 22001 (too large), 429 gives 08S01
 * (throttled: not carried out), 5xx gives 08S01 (possibly carried out), anything else HY000.
 *
 * @see <a href="https://learn.microsoft.com/graph/errors">Microsoft Graph error responses</a>
 */
final class ActionErrors {

    private static final int MAX_ERROR_BODY = 64 * 1024;

    private ActionErrors() {
    }

    /**
     * The exception for an unsuccessful answer; reads the body and closes the result.
     *
     * @param action      what was being done, e.g. "move of the message"
     * @param safe        whether the request changes nothing (a read), so that a 5xx leaves
     *                    nothing in doubt
     * @param tokenAdvice what to do about a refused token
     */
    static SQLException toException(HttpResult result, String action, boolean safe,
            String tokenAdvice, Redactor redactor) {
        String text;
        try {
            text = result.readText(MAX_ERROR_BODY);
        } catch (SQLException e) {
            text = "";
        } finally {
            result.close();
        }
        GraphErrors.ErrorBody body = GraphErrors.parse(text);
        int status = result.status();
        String requestId = body.requestId() != null ? body.requestId() : result.requestId();
        StringBuilder sb = new StringBuilder("Microsoft Graph did not carry out the ")
                .append(action).append(" (HTTP ").append(status);
        if (body.code() != null) {
            sb.append(' ').append(body.code());
        }
        sb.append(')');
        String message = body.message() != null ? body.message().strip()
                : text.replaceAll("\\s+", " ").strip();
        if (message.length() > 300) {
            message = message.substring(0, 300) + "...";
        }
        sb.append(message.isEmpty() ? "." : ": " + message + (message.endsWith(".") ? "" : "."));
        String state;
        switch (status) {
            case 400:
                state = "22023";
                sb.append(" Check the procedure's parameters.");
                break;
            case 401:
                state = "28000";
                sb.append(' ').append(tokenAdvice);
                break;
            case 403:
                state = "42501";
                sb.append(" The signed-in user or application lacks the permission for it"
                        + " (Mail.Send to send, Mail.ReadWrite to change messages and"
                        + " attachments, Calendars.ReadWrite for events).");
                break;
            case 404:
                state = "42S02";
                sb.append(" Check the ids given and the mailbox (UserId).");
                break;
            case 413:
                state = "22001";
                break;
            case 429:
                state = "08S01";
                Optional<Duration> wait = RetryPolicy.parseRetryAfter(
                        result.header("Retry-After"), Instant.now());
                sb.append(" The service throttled it and did nothing; run it again")
                        .append(wait.map(d -> " after " + Math.max(1, d.toSeconds()) + " s")
                                .orElse(" later")).append('.');
                break;
            default:
                state = status >= 500 ? "08S01" : "HY000";
                if (status >= 500 && !safe) {
                    sb.append(" It may have been carried out nevertheless; the driver did not"
                            + " send it again. Check the mailbox before running it again.");
                }
        }
        sb.append(" [request-id ").append(requestId);
        if (!requestId.equals(result.clientRequestId())) {
            sb.append(", client-request-id ").append(result.clientRequestId());
        }
        sb.append(']');
        return new SQLException(redactor.redact(sb.toString()), state, status);
    }
}
