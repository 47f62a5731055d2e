package io.exchangejdbc.graph;

import java.sql.SQLException;

/**
 * What became of one {@link WriteRequest}.
 *
 * @param request the request
 * @param id      the id of the object a POST created, else null
 * @param failure why it failed, or null when the service applied it
 */
record WriteOutcome(WriteRequest request, String id, SQLException failure) {

    boolean succeeded() {
        return failure == null;
    }
}
