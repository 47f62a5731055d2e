package io.exchangejdbc.emulator.ews;

/**
 * One EWS operation: given its request element (e.g. {@code m:FindItem}), it writes the content
 * of its response element ({@code m:FindItemResponse}), which the front opens and closes.
 */
interface EwsOperation {

    /** Returns the schema version that introduced the operation. */
    default EwsVersion since() {
        return EwsVersion.EXCHANGE2007;
    }

    /**
     * Tells whether the operation's response messages must hold an {@code m:Items} element even
     * when they report an error (those of {@code m:ItemInfoResponseMessageType}).
     */
    default boolean itemsRequired() {
        return false;
    }

    /**
     * Writes an error of the request as a whole inside the open response element; by default
     * one error message in {@code m:ResponseMessages}.
     */
    default void writeError(String requestName, EwsException e, EwsWriter w) {
        w.start("m:ResponseMessages");
        ResponseMessages.write(w, "m:" + requestName + "ResponseMessage", e, ok -> {
            if (itemsRequired()) {
                w.empty("m:Items");
            }
        });
        w.end();
    }

    /** Serves the request. */
    void execute(EwsContext ctx, XmlElement request, EwsWriter w);
}
