package io.exchangejdbc.auth;

import com.microsoft.aad.msal4j.MsalServiceException;
import io.exchangejdbc.log.Redactor;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The translation of failed sign-ins to Microsoft Entra ID into the driver's exceptions: a refused
 * sign-in becomes SQLState 28000 quoting the {@code AADSTS} code and the first sentence of its
 * description plus what to check; an unreachable or overloaded sign-in service keeps the
 * transport's SQLState. Messages go through the connection's {@link Redactor}, so a secret echoed
 * by the service is never repeated.
 *
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/reference-error-codes">
 *     Microsoft Entra authentication and authorization error codes</a>
 */
final class SignInErrors {

    /** SQLState of a refused sign-in. */
    static final String INVALID_AUTHORIZATION = "28000";

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)\\s*:?\\s*");

    /** What to check for the codes users meet most with client credentials. */
    private static final Map<String, String> ADVICE = Map.of(
            "7000215", "Check OAuthClientSecret: it must be the secret's value, not its id.",
            "7000222", "The client secret has expired: create a new one for the app registration"
                    + " and set it in OAuthClientSecret.",
            "7000218", "Set OAuthClientSecret to a client secret of the app registration.",
            "90002", "Check AzureTenant: no tenant of that name or id exists.",
            "900023", "Check AzureTenant: it must be a domain such as contoso.onmicrosoft.com or"
                    + " the tenant id (a GUID).",
            "700016", "Check OAuthClientId and AzureTenant: the application is not registered"
                    + " in that tenant, or the tenant has not consented to it.",
            "70011", "Check the Scope connection property: the service refused the scope"
                    + " asked for.",
            "1002012", "Check the Scope connection property: an application sign-in needs a"
                    + " scope ending in /.default.",
            "700027", "Check OAuthJWTCert and OAuthJWTCertSubject: the certificate is not one"
                    + " registered for the application (Certificates & secrets).");

    private SignInErrors() {
    }

    /**
     * The exception for a sign-in failure.
     *
     * @param failure  what msal4j threw (unwrapped from its future)
     * @param who      names the application and tenant, for the message
     * @param redactor masks secrets in the message
     */
    static SQLException of(Throwable failure, String who, Redactor redactor) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                // The transport already said what went wrong (host unreachable, timeout).
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (failure instanceof MsalServiceException service) {
            return refused(service, who, redactor);
        }
        String detail = failure.getMessage() != null ? failure.getMessage()
                : failure.getClass().getSimpleName();
        return new SQLException(redactor.redact("Could not sign in " + who + ": " + detail
                + ". Check AzureTenant, OAuthClientId, OAuthClientSecret and LoginUrl."),
                "08001", failure);
    }

    private static SQLException refused(MsalServiceException e, String who, Redactor redactor) {
        Integer status = e.statusCode();
        String description = e.getMessage() == null ? "" : e.getMessage();
        Matcher m = AADSTS.matcher(description);
        String code = null;
        String sentence;
        if (m.find()) {
            code = m.group(1);
            sentence = firstSentence(description.substring(m.end()));
        } else {
            sentence = firstSentence(description);
        }
        StringBuilder msg = new StringBuilder();
        if (status != null && (status == 429 || status >= 500)) {
            msg.append("The Microsoft Entra sign-in service is unavailable (HTTP ").append(status)
                    .append(")");
        } else {
            msg.append("Microsoft Entra ID refused to sign in ").append(who);
        }
        msg.append(": ");
        if (code != null) {
            msg.append("AADSTS").append(code).append(": ");
        } else if (e.errorCode() != null) {
            msg.append(e.errorCode()).append(": ");
        }
        msg.append(sentence);
        if (!sentence.endsWith(".")) {
            msg.append('.');
        }
        String advice = code == null ? null : ADVICE.get(code);
        if (status != null && (status == 429 || status >= 500)) {
            msg.append(" Try again later.");
            return new SQLException(redactor.redact(msg.toString()), "08S01",
                    status, e);
        }
        msg.append(' ').append(advice != null ? advice
                : "Check AzureTenant, OAuthClientId and OAuthClientSecret.");
        if (e.correlationId() != null) {
            msg.append(" [correlation-id ").append(e.correlationId()).append(']');
        }
        return new SQLException(redactor.redact(msg.toString()), INVALID_AUTHORIZATION,
                status == null ? 0 : status, e);
    }

    /** The text up to the first full stop followed by a space or the end, trimmed. */
    static String firstSentence(String text) {
        String t = text.strip();
        int cut = -1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ((c == '.' && (i + 1 == t.length() || Character.isWhitespace(t.charAt(i + 1))))
                    || c == '\n' || c == '\r') {
                cut = c == '.' ? i + 1 : i;
                break;
            }
        }
        return (cut < 0 ? t : t.substring(0, cut)).strip();
    }
}
