package io.exchangejdbc.emulator.graph.odata;

import static java.util.Objects.requireNonNull;

/**
 * A query option that cannot be parsed or does not fit the entity type; the front answers it
 * with 400 and the code and message carried here.
 */
public final class ODataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Code Graph uses for an unknown property in a query option. */
    public static final String PARSE_URI = "RequestBroker--ParseUri";
    /** Code Graph uses for other malformed query options. */
    public static final String BAD_REQUEST = "BadRequest";

    private final String code;

    /** Creates an exception with an error code and message. */
    public ODataException(String code, String message) {
        super(message);
        this.code = requireNonNull(code, "code");
    }

    /** Returns the error code, e.g. {@code BadRequest}. */
    public String code() {
        return code;
    }

    /** Returns the error for a property the type does not have. */
    static ODataException unknownProperty(String property, String typeName) {
        return new ODataException(PARSE_URI, "Could not find a property named '" + property
                + "' on type '" + typeName + "'.");
    }
}
