package io.exchangejdbc.ews;

import static java.util.Objects.requireNonNull;

/**
 * One SOAP envelope to post.
 *
 * @param operation     the EWS operation ({@code FindItem}), which names the {@code SOAPAction}
 * @param envelope      the UTF-8 bytes of the whole envelope
 * @param anchorMailbox the mailbox the request acts on, sent as {@code X-AnchorMailbox} (needed
 *                      with impersonation so that the request reaches the mailbox's server), or
 *                      null
 * @param readOnly      whether repeating the request after a lost connection or a throttling
 *                      answer is harmless (reads are; sending mail is not)
 */
public record SoapRequest(String operation, byte[] envelope, String anchorMailbox,
        boolean readOnly) {

    public SoapRequest {
        requireNonNull(operation, "operation");
        requireNonNull(envelope, "envelope");
    }

    /** The {@code SOAPAction} header value. */
    public String soapAction() {
        return EwsNames.soapAction(operation);
    }
}
