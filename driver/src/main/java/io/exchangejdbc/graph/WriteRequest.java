package io.exchangejdbc.graph;

import static java.util.Objects.requireNonNull;

/**
 * One create, update or delete request of a statement, before it is sent alone or inside a
 * {@code $batch}.
 *
 * @param method  POST, PATCH or DELETE
 * @param path    the path below {@code {GraphUrl}/v1.0}, starting with {@code /}, as a batch item's
 *                {@code url} names it
 * @param mailbox the mailbox written ({@code "me"} for the signed-in user's), or null for a
 *                directory object; the transport keeps it within that mailbox's limits
 * @param body    the JSON body, or null
 * @param row     the position of the row in the statement (or of the statement in a batch)
 * @param what    the row as a message names it ("message 'AAMk...'", "new row 2")
 */
record WriteRequest(String method, String path, String mailbox, byte[] body, int row,
        String what) {

    WriteRequest {
        requireNonNull(method, "method");
        requireNonNull(path, "path");
        requireNonNull(what, "what");
    }

    /** The same request counted as row {@code newRow} of a batch. */
    WriteRequest atRow(int newRow) {
        return new WriteRequest(method, path, mailbox, body, newRow, what);
    }
}
