package io.exchangejdbc.emulator.ews;

import static java.util.Objects.requireNonNull;

/**
 * An EWS error: either a response message with {@code ResponseClass="Error"} (the default; it
 * fails one item of a batch, or the whole operation) or, for requests Exchange cannot process at
 * all (malformed XML, schema violations, a busy server), a SOAP fault.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/responsecode">ResponseCode</a>
 */
public final class EwsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String responseCode;
    private final boolean fault;
    private final int httpStatus;
    private final long backOffMillis;

    private EwsException(String responseCode, String message, boolean fault, int httpStatus,
            long backOffMillis) {
        super(message, null, false, false);
        this.responseCode = requireNonNull(responseCode, "responseCode");
        this.fault = fault;
        this.httpStatus = httpStatus;
        this.backOffMillis = backOffMillis;
    }

    /** Returns a response-message error with a response code and message text. */
    public static EwsException of(String responseCode, String messageText) {
        return new EwsException(responseCode, messageText, false, 200, -1);
    }

    /** Returns a SOAP fault for a request that does not follow the schema (HTTP 500). */
    public static EwsException schema(String detail) {
        return new EwsException("ErrorSchemaValidation",
                "The request failed schema validation: " + detail, true, 500, -1);
    }

    /** Returns a SOAP fault with a response code (HTTP 500). */
    public static EwsException fault(String responseCode, String message) {
        return new EwsException(responseCode, message, true, 500, -1);
    }

    /** Returns the SOAP fault of a busy server, with its back-off hint (HTTP 500). */
    public static EwsException serverBusy(long backOffMillis) {
        return new EwsException("ErrorServerBusy",
                "The server cannot service this request right now. Try again later.", true, 500,
                backOffMillis);
    }

    /** Returns an {@code ErrorItemNotFound} error. */
    public static EwsException itemNotFound() {
        return of("ErrorItemNotFound", "The specified object was not found in the store.");
    }

    /** Returns an {@code ErrorFolderNotFound} error. */
    public static EwsException folderNotFound() {
        return of("ErrorFolderNotFound", "The specified folder could not be found in the store.");
    }

    /** Returns an {@code ErrorInvalidIdMalformed} error. */
    public static EwsException malformedId() {
        return of("ErrorInvalidIdMalformed", "Id is malformed.");
    }

    /** Returns the EWS response code, e.g. {@code ErrorItemNotFound}. */
    public String responseCode() {
        return responseCode;
    }

    /** Tells whether the error is answered with a SOAP fault rather than a response message. */
    public boolean isFault() {
        return fault;
    }

    /** Returns the HTTP status of a fault. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Returns the back-off hint in milliseconds, or -1 for none. */
    public long backOffMillis() {
        return backOffMillis;
    }
}
