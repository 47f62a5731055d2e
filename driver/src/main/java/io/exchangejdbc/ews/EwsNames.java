package io.exchangejdbc.ews;

/**
 * The XML namespaces and the SOAP action of Exchange Web Services.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/ews-xml-elements-in-exchange">
 *     EWS XML elements in Exchange</a>
 */
public final class EwsNames {

    /** SOAP 1.1 envelope namespace. */
    public static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    /** Namespace of the request and response messages ({@code m:}). */
    public static final String MESSAGES =
            "http://schemas.microsoft.com/exchange/services/2006/messages";
    /** Namespace of the types ({@code t:}). */
    public static final String TYPES = "http://schemas.microsoft.com/exchange/services/2006/types";

    private EwsNames() {
    }

    /** The {@code SOAPAction} header of an operation. */
    public static String soapAction(String operation) {
        return MESSAGES + "/" + operation;
    }
}
