package io.exchangejdbc.graph;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.exchangejdbc.http.HttpResult;
import io.exchangejdbc.log.Redactor;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The translation of a Graph error response into an {@link SQLException} a user can act on: the
 * HTTP status, Graph's error code and message, the request-id for Microsoft support, and what to do
 * next. The vendor code of the exception is the HTTP status.
 *
 * <p>SQLStates by status: 400 gives 42000 (the query options were refused), 401 gives 28000 (the
 * token was refused), 403 gives 42501 (a permission is missing), 404 gives 42S02 (the mailbox or
 * collection does not exist), 429, 503 and 504 (after the transport's retries) and 502 give 08S01
 * (throttled or unavailable), anything else gives HY000.
 *
 * @see <a href="https://learn.microsoft.com/graph/errors">Microsoft Graph error responses</a>
 */
final class GraphErrors {

    /** Error bodies are small; more than this is not an error document worth quoting. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    /** A permission name as Graph spells them: {@code Mail.Read}, {@code User.Read.All}. */
    private static final Pattern PERMISSION = Pattern.compile(
            "\\b([A-Z][A-Za-z]+\\.(?:Read|ReadWrite|ReadBasic|Send|Write)"
                    + "(?:\\.[A-Z][A-Za-z]*)*)\\b");

    /** The read permission each kind of collection needs. */
    private static final Map<String, String> PERMISSION_BY_COLLECTION = Map.ofEntries(
            Map.entry("messages", "Mail.Read"),
            Map.entry("mailfolders", "Mail.Read"),
            Map.entry("childfolders", "Mail.Read"),
            Map.entry("events", "Calendars.Read"),
            Map.entry("calendars", "Calendars.Read"),
            Map.entry("calendarview", "Calendars.Read"),
            Map.entry("calendargroups", "Calendars.Read"),
            Map.entry("contacts", "Contacts.Read"),
            Map.entry("contactfolders", "Contacts.Read"),
            Map.entry("mailboxsettings", "MailboxSettings.Read"),
            Map.entry("users", "User.Read.All"),
            Map.entry("groups", "Group.Read.All"),
            Map.entry("members", "GroupMember.Read.All"),
            Map.entry("reports", "Reports.Read.All"));

    private GraphErrors() {
    }

    /**
     * What the scan was doing when the error came, for the message.
     *
     * @param table   the SQL table
     * @param mailbox the mailbox read, or null for the signed-in user or a directory collection
     */
    record Context(String table, String mailbox) {
    }

    /** The parts of a Graph error body; any may be null. */
    record ErrorBody(String code, String innerCode, String message, String requestId,
            String date) {
    }

    /**
     * The exception for an unsuccessful response; reads (at most 64 KB of) the body and closes
     * the result.
     *
     * @param tokenAdvice what to do when the token was refused (401)
     */
    static SQLException toException(HttpResult result, Context context, String tokenAdvice,
            Redactor redactor) {
        String text;
        try {
            text = result.readText(MAX_ERROR_BODY);
        } catch (SQLException e) {
            text = "";
        } finally {
            result.close();
        }
        ErrorBody body = parse(text);
        int status = result.status();
        String requestId = body.requestId() != null ? body.requestId() : result.requestId();
        String code = body.code() != null ? body.code() : reasonPhrase(status);
        String message = body.message() != null ? body.message() : bodySnippet(text);

        StringBuilder sb = new StringBuilder();
        String sqlState;
        switch (status) {
            case 429:
            case 503:
            case 504:
            case 502:
                sb.append(status == 429 ? "Microsoft Graph is throttling the requests"
                        : "Microsoft Graph is unavailable");
                sqlState = "08S01";
                break;
            default:
                sb.append("Microsoft Graph refused the request");
                sqlState = stateOf(status);
        }
        sb.append(" (HTTP ").append(status);
        if (code != null && !code.isEmpty()) {
            sb.append(' ').append(code);
        }
        sb.append(")");
        if (!message.isEmpty()) {
            sb.append(": ").append(message.strip());
            if (!message.strip().endsWith(".")) {
                sb.append('.');
            }
        } else {
            sb.append('.');
        }
        sb.append(' ').append(advice(status, body, message, result, context, tokenAdvice));
        sb.append(" [request-id ").append(requestId);
        if (!requestId.equals(result.clientRequestId())) {
            sb.append(", client-request-id ").append(result.clientRequestId());
        }
        if (body.date() != null) {
            sb.append(", date ").append(body.date());
        }
        sb.append(']');
        return new SQLException(redactor.redact(sb.toString()), sqlState, status);
    }

    /**
     * The exception for one item of a {@code $batch} that the service refused.
     *
     * @param what what the item read, such as {@code the collection of messageId 'AAMk...'}
     */
    static SQLException batchItem(String table, String what, int status, String text,
            String itemRequestId, Redactor redactor) {
        ErrorBody body = parse(text == null ? "" : text);
        String code = body.code() != null ? body.code() : reasonPhrase(status);
        String message = body.message() != null ? body.message().strip() : "";
        String requestId = body.requestId() != null ? body.requestId() : itemRequestId;
        boolean busy = status == 429 || status == 503 || status == 502 || status == 504;
        StringBuilder sb = new StringBuilder(busy ? "Microsoft Graph is throttling the requests"
                : "Microsoft Graph refused the request");
        sb.append(" for ").append(what).append(" of ").append(table)
                .append(" in a $batch (HTTP ").append(status).append(' ').append(code)
                .append(')');
        sb.append(message.isEmpty() ? "." : ": " + message + (message.endsWith(".") ? "" : "."));
        sb.append(busy ? " Try again later, or lower BatchSize." : status == 403
                ? " Check that the application has the permission to read it."
                : " Check the value.");
        if (requestId != null) {
            sb.append(" [request-id ").append(requestId).append(']');
        }
        return new SQLException(redactor.redact(sb.toString()), busy ? "08S01" : stateOf(status),
                status);
    }

    private static String stateOf(int status) {
        switch (status) {
            case 400:
                return "42000";
            case 401:
                return "28000";
            case 403:
                return "42501";
            case 404:
                return "42S02";
            default:
                return "HY000";
        }
    }

    private static String advice(int status, ErrorBody body, String message, HttpResult result,
            Context context, String tokenAdvice) {
        String request = "GET " + result.uri();
        switch (status) {
            case 400:
                return "The query options sent for table " + context.table() + " were refused ("
                        + request + "); rewrite the condition, or set DisableServerSideFiltering"
                        + "=true to evaluate it in the driver.";
            case 401:
                return tokenAdvice;
            case 403:
                return "The signed-in user or application may not read "
                        + target(context) + "; " + permissionAdvice(message, result);
            case 404:
                if (context.mailbox() != null && mailboxMissing(body, message)) {
                    return "The mailbox '" + context.mailbox() + "' was not found: check the"
                            + " UserId (a user principal name, an email address or a user id).";
                }
                return "Nothing exists at " + request + ": check the UserId and the folder or"
                        + " item named in the query.";
            case 429:
                return "The driver waited and retried " + (result.attempts() - 1)
                        + " time(s) within the Timeout; run the query again later, read fewer"
                        + " mailboxes at once, or raise the Timeout.";
            case 502:
            case 503:
            case 504:
                return "The service did not recover after " + result.attempts()
                        + " attempt(s) within the Timeout; run the query again later"
                        + (status == 504 ? ", or set a smaller Pagesize." : ".");
            default:
                return "The request was " + request + ".";
        }
    }

    private static String target(Context context) {
        String table = context.table() == null ? "this table" : "table " + context.table();
        return context.mailbox() == null ? table : table + " of mailbox '" + context.mailbox()
                + "'";
    }

    private static String permissionAdvice(String message, HttpResult result) {
        Matcher m = PERMISSION.matcher(message);
        if (m.find()) {
            return "the service names the permission " + m.group(1) + ": grant it to the app"
                    + " registration (an application permission needs admin consent).";
        }
        String permission = permissionFor(result.uri().getPath());
        return "grant the app registration " + permission + " (as an application permission"
                + " with admin consent for AzureServicePrincipal, or as a delegated permission"
                + " for a user sign-in); an application access policy of the tenant may also"
                + " restrict which mailboxes the app reaches.";
    }

    /** The read permission for the collection a request path reads. */
    static String permissionFor(String path) {
        String found = null;
        if (path != null) {
            for (String segment : path.split("/")) {
                String p = PERMISSION_BY_COLLECTION.get(segment.toLowerCase(Locale.ROOT));
                if (p != null && !segment.equalsIgnoreCase("users")) {
                    found = p;
                } else if (p != null && found == null) {
                    found = p;
                }
            }
        }
        return found != null ? found : "the read permission of that data (Mail.Read for mail)";
    }

    private static boolean mailboxMissing(ErrorBody body, String message) {
        String code = body.code() == null ? "" : body.code();
        String lower = message.toLowerCase(Locale.ROOT);
        return code.equals("ErrorInvalidUser") || code.equals("MailboxNotEnabledForRESTAPI")
                || code.equals("ResourceNotFound") || code.equals("Request_ResourceNotFound")
                || lower.contains("user") || lower.contains("mailbox");
    }

    /** The error document's fields, or all nulls when the text is not one. */
    static ErrorBody parse(String text) {
        String[] fields = new String[5];
        if (text == null || text.isBlank()) {
            return new ErrorBody(null, null, null, null, null);
        }
        try (JsonParser p = EntityRowReader.JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new ErrorBody(null, null, null, null, null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("error") && t == JsonToken.START_OBJECT) {
                    readError(p, fields, 0);
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            // A body that is not an error document; the caller quotes it as text instead.
        }
        return new ErrorBody(fields[0], fields[1], fields[2], fields[3], fields[4]);
    }

    /** Reads an error object; depth 0 is the top {@code error}, deeper ones are inner errors. */
    private static void readError(JsonParser p, String[] fields, int depth) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT && name.equalsIgnoreCase("innerError")) {
                readError(p, fields, depth + 1);
                continue;
            }
            if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT) {
                p.skipChildren();
                continue;
            }
            String v = p.getText();
            switch (name) {
                case "code":
                    if (depth == 0) {
                        fields[0] = v;
                    } else {
                        fields[1] = v;
                    }
                    break;
                case "message":
                    if (depth == 0 || fields[2] == null) {
                        fields[2] = v;
                    }
                    break;
                case "request-id":
                case "requestId":
                    fields[3] = v;
                    break;
                case "date":
                    fields[4] = v;
                    break;
                default:
                    break;
            }
        }
    }

    private static String bodySnippet(String text) {
        if (text == null) {
            return "";
        }
        String s = text.replaceAll("\\s+", " ").strip();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static String reasonPhrase(int status) {
        switch (status) {
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 429:
                return "Too Many Requests";
            case 500:
                return "Internal Server Error";
            case 502:
                return "Bad Gateway";
            case 503:
                return "Service Unavailable";
            case 504:
                return "Gateway Timeout";
            default:
                return null;
        }
    }
}
