package io.exchangejdbc.emulator.ews;

import java.util.function.Consumer;

/**
 * Writes response messages, the common head of every EWS answer: {@code ResponseClass},
 * {@code MessageText} and {@code ResponseCode} (with {@code DescriptiveLinkKey} on errors), then
 * the operation's own content.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/responsecode">ResponseCode</a>
 */
final class ResponseMessages {

    private ResponseMessages() {
    }

    /**
     * Writes one response message.
     *
     * @param w the writer
     * @param qname the element, e.g. {@code m:GetItemResponseMessage}
     * @param error the error, or null for success
     * @param content writes what follows the head; told whether the message is a success
     */
    static void write(EwsWriter w, String qname, EwsException error, Consumer<Boolean> content) {
        w.start(qname).attr("ResponseClass", error == null ? "Success" : "Error");
        if (error == null) {
            w.leaf("m:ResponseCode", "NoError");
        } else {
            w.leaf("m:MessageText", error.getMessage()).leaf("m:ResponseCode",
                    error.responseCode()).leaf("m:DescriptiveLinkKey", 0);
        }
        content.accept(error == null);
        w.end();
    }

    /** Writes a response message with nothing after its head. */
    static void write(EwsWriter w, String qname, EwsException error) {
        write(w, qname, error, ok -> { });
    }
}
