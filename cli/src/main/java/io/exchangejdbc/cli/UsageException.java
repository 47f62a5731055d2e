package io.exchangejdbc.cli;

/** Exception for a command line that {@code exsql} cannot run as given; exit status 2. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** An exception whose message says what is wrong with the command line. */
    public UsageException(String message) {
        super(message);
    }
}
