package io.exchangejdbc.graph;

import io.exchangejdbc.log.Redactor;
import java.sql.SQLException;

/**
 * The exceptions of create, update and delete requests the service refused: which row of which
 * table, the service's error code and message, what to do, and the request id for support.
 *
 * @see <a href="https://learn.microsoft.com/graph/errors">Microsoft Graph error responses</a>
 */
final class WriteErrors {

    private WriteErrors() {
    }

    /** The exception for one refused request (or batch item). */
    static SQLException refused(int status, GraphErrors.ErrorBody body, String requestId,
            WriteRequest r, String table, Redactor redactor) {
        String code = body.code();
        String message = body.message();
        StringBuilder sb = new StringBuilder();
        String action = r.method().equals("POST") ? "insert " + r.what() + " into"
                : r.method().equals("PATCH") ? "update " + r.what() + " of"
                : "delete " + r.what() + " from";
        boolean throttled = status == 429 || status == 503 || status == 504;
        sb.append(throttled ? "Microsoft Graph is throttling or unavailable and did not "
                : "Microsoft Graph refused to ").append(action).append(' ').append(table)
                .append(" (HTTP ").append(status);
        if (code != null && !code.isEmpty()) {
            sb.append(' ').append(code);
        }
        sb.append(')');
        if (message != null && !message.isBlank()) {
            sb.append(": ").append(message.strip());
            if (!message.strip().endsWith(".")) {
                sb.append('.');
            }
        } else {
            sb.append('.');
        }
        sb.append(' ').append(advice(status, r, table));
        String id = body.requestId() != null ? body.requestId() : requestId;
        if (id != null) {
            sb.append(" [request-id ").append(id).append(']');
        }
        return new SQLException(redactor.redact(sb.toString()), state(status), status);
    }

    private static String advice(int status, WriteRequest r, String table) {
        switch (status) {
            case 400:
                return "Nothing was changed for this row; check the values given (the service"
                        + " names what it refused).";
            case 401:
                return "The access token was refused; sign in again.";
            case 403:
                return "The signed-in user or application may not change " + table
                        + (r.mailbox() != null ? " in mailbox '" + r.mailbox() + "'" : "")
                        + "; grant the write permission (for example Mail.ReadWrite,"
                        + " Contacts.ReadWrite, MailboxSettings.ReadWrite, User.ReadWrite.All or"
                        + " Group.ReadWrite.All).";
            case 404:
                return "No such row: check the id and the mailbox (UserId); nothing was"
                        + " changed.";
            case 409:
                return "It conflicts with an existing object; nothing was changed.";
            case 429:
            case 503:
            case 504:
                return "The driver waited and sent it again as often as the retry policy allows;"
                        + " nothing was changed for this row. Run the statement again later.";
            default:
                return "Nothing was changed for this row.";
        }
    }

    private static String state(int status) {
        switch (status) {
            case 400:
                return "22023";
            case 401:
                return "28000";
            case 403:
                return "42501";
            case 409:
                return "23505";
            case 429:
            case 503:
            case 504:
                return "08S01";
            default:
                return "HY000";
        }
    }
}
