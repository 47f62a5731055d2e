/**
 * The {@code exsql} command-line SQL shell: runs SQL against Microsoft Exchange through the
 * {@code jdbc:exchange:} driver, one-shot or interactively, and prints results as a table, CSV or
 * JSON.
 */
package io.exchangejdbc.cli;
