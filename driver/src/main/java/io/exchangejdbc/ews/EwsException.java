package io.exchangejdbc.ews;

import java.sql.SQLException;

/**
 * An error Exchange reported for a request or for one item of it: a SOAP fault or a response
 * message with {@code ResponseClass="Error"}. The message quotes the {@code ResponseCode} and
 * Exchange's {@code MessageText}, and says what to do where the code makes that clear.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/responsecode">
 *     ResponseCode</a>
 */
public final class EwsException extends SQLException {

    private static final long serialVersionUID = 1L;

    /** The code Exchange throttles with; it says how long to wait in BackOffMilliseconds. */
    public static final String SERVER_BUSY = "ErrorServerBusy";

    private final String responseCode;
    private final long backOffMillis;

    EwsException(String operation, String responseCode, String messageText, long backOffMillis) {
        super(message(operation, responseCode, messageText), sqlState(responseCode));
        this.responseCode = responseCode;
        this.backOffMillis = backOffMillis;
    }

    /** The EWS ResponseCode, such as {@code ErrorItemNotFound}. */
    public String responseCode() {
        return responseCode;
    }

    /** The wait Exchange asked for before a retry (ErrorServerBusy), or 0. */
    public long backOffMillis() {
        return backOffMillis;
    }

    /** Whether Exchange is throttling the account. */
    public boolean serverBusy() {
        return SERVER_BUSY.equals(responseCode);
    }

    private static String message(String operation, String code, String text) {
        StringBuilder sb = new StringBuilder("Exchange refused ").append(operation).append(": ")
                .append(code == null ? "error" : code);
        if (text != null && !text.isBlank()) {
            sb.append(" (").append(text.strip()).append(')');
        }
        String advice = advice(code);
        sb.append('.');
        if (advice != null) {
            sb.append(' ').append(advice);
        }
        return sb.toString();
    }

    private static String advice(String code) {
        if (code == null) {
            return null;
        }
        switch (code) {
            case "ErrorItemNotFound":
            case "ErrorInvalidIdMalformed":
            case "ErrorInvalidIdNotAnItemAttachmentId":
            case "ErrorInvalidId":
                return "Check the id: it may be from another mailbox, or the item was moved or"
                        + " deleted.";
            case "ErrorIrresolvableConflict":
                return "The item changed since its ChangeKey was read; read it again and retry.";
            case "ErrorImpersonateUserDenied":
            case "ErrorImpersonationDenied":
                return "The account needs the ApplicationImpersonation role to act as"
                        + " ImpersonationUser.";
            case "ErrorNonExistentMailbox":
                return "Check the mailbox address (SharedMailboxEmail or ImpersonationUser).";
            case "ErrorAccessDenied":
                return "The account lacks permission on that mailbox or folder.";
            case SERVER_BUSY:
                return "Exchange is throttling this account; retry later or lower the request"
                        + " rate.";
            case "ErrorInvalidServerVersion":
            case "ErrorInvalidRequest":
            case "ErrorSchemaValidation":
                return "Check that Platform matches the Exchange server's version.";
            default:
                return null;
        }
    }

    private static String sqlState(String code) {
        if (code == null) {
            return "HY000";
        }
        switch (code) {
            case "ErrorItemNotFound":
            case "ErrorInvalidIdMalformed":
            case "ErrorInvalidId":
            case "ErrorFolderNotFound":
            case "ErrorAttachmentNotFound":
            case "ErrorInvalidIdNotAnItemAttachmentId":
            case "ErrorNonExistentMailbox":
                return "22023";
            case "ErrorAccessDenied":
            case "ErrorImpersonateUserDenied":
            case "ErrorImpersonationDenied":
                return "28000";
            case "ErrorIrresolvableConflict":
                return "40001";
            case "ErrorInvalidServerVersion":
            case "ErrorSchemaValidation":
            case "ErrorInvalidRequest":
                return "42000";
            default:
                return "HY000";
        }
    }
}
