package io.exchangejdbc.ews;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;

/**
 * The answer to a {@link SoapRequest}: its HTTP status, headers and streaming body. Closing it
 * releases the connection.
 */
public interface SoapResponse extends AutoCloseable {

    /** The HTTP status code. */
    int status();

    /** The first value of a response header (any letter case), or null. */
    String header(String name);

    /** The body, read once. */
    InputStream body();

    /** A short description of the request for messages: the operation and the server. */
    String describe();

    /**
     * The exception for a failure while reading {@link #body()}: by default SQLState 08S01 (the
     * connection was cut); implementations tell a timeout or a cancellation apart.
     */
    default SQLException readFailure(IOException cause) {
        return new SQLException("The connection was lost while reading the answer of "
                + describe() + ": " + cause.getMessage() + ". Run the statement again.",
                "08S01", cause);
    }

    /** Releases the response; never throws. */
    @Override
    void close();
}
