package io.exchangejdbc.cli;

import java.io.PrintStream;
import java.sql.SQLException;

/** Something that prints a result in one output format. */
public interface ResultWriter {

    /**
     * Prints all of {@code rows} to {@code out}.
     *
     * @return how many rows were printed
     * @throws SQLException when reading the rows fails; what was printed before stays printed
     */
    long write(Rows rows, PrintStream out) throws SQLException;
}
