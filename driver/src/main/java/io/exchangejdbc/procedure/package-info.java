/**
 * Stored procedures: recognising {@code EXEC}, {@code EXECUTE}, {@code CALL} and JDBC's
 * {@code {call ...}}, binding their arguments to the declared parameters, and running the
 * procedure that acts on the service.
 */
package io.exchangejdbc.procedure;
