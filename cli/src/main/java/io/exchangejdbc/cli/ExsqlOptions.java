package io.exchangejdbc.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The options of one {@code exsql} run, as parsed from its command line.
 *
 * @param sources     the SQL to run, in command-line order
 * @param connect     the connection string given with {@code -c}, or null
 * @param demo        whether to start the built-in emulator and connect to it
 * @param interactive whether {@code -i} asked for the interactive shell
 * @param format      the output format
 * @param maxWidth    the widest a table column may be, 0 for no limit
 * @param verbose     whether errors also print their causes and stack trace
 * @param help        whether to print the usage and stop
 * @param version     whether to print the version and stop
 */
public record ExsqlOptions(
        List<SqlSource> sources,
        String connect,
        boolean demo,
        boolean interactive,
        ResultFormat format,
        int maxWidth,
        boolean verbose,
        boolean help,
        boolean version) {

    /** The default of {@code --max-width}. */
    public static final int DEFAULT_MAX_WIDTH = 60;

    /** What {@code exsql --help} prints. */
    public static final String USAGE = String.join("\n",
            "Usage: exsql [options] [SQL]",
            "",
            "Runs SQL against Microsoft Exchange through the jdbc:exchange: driver.",
            "With SQL (the last argument, -e or -f) it runs the statements and exits; without,",
            "it opens an interactive shell when standard input is a terminal and otherwise",
            "reads statements, each ended by ';', from standard input.",
            "",
            "Options:",
            "  -c, --connect STRING  connection string, Name=Value;... with or without the",
            "                        jdbc:exchange: prefix (default: $EXCHANGE_JDBC_URL)",
            "  -e, --execute SQL     run SQL: one or more statements separated by ';'",
            "  -f, --file FILE       run the statements in FILE ('-' for standard input)",
            "  -i, --interactive     open the interactive shell (after any -e/-f/SQL)",
            "      --demo            start the built-in Exchange emulator with sample data",
            "                        and connect to it (no Exchange account needed)",
            "      --format FORMAT   table (default), csv or json",
            "      --max-width N     cut table values to N characters (default "
                    + DEFAULT_MAX_WIDTH + ", 0: never)",
            "  -v, --verbose         on errors, also print the causes and the stack trace",
            "  -h, --help            print this help and exit",
            "  -V, --version         print the version and exit",
            "",
            "Interactive commands: \\help, \\tables, \\d TABLE, \\format table|csv|json, \\q",
            "",
            "Exit status: 0 success, 1 SQL or connection error, 2 usage error.",
            "",
            "Examples:",
            "  exsql --demo \"SELECT subject, from_emailAddress_address FROM Messages LIMIT 5\"",
            "  export EXCHANGE_JDBC_URL=\"AuthScheme=AzureServicePrincipal;AzureTenant=contoso.com;"
                    + "OAuthClientId=...;OAuthClientSecret=...;UserId=alice@contoso.com\"",
            "  exsql --format csv \"SELECT subject FROM Messages WHERE isRead = false\"",
            "  echo \"SELECT COUNT(*) FROM Messages;\" | exsql --format json",
            "");

    public ExsqlOptions {
        sources = Collections.unmodifiableList(new ArrayList<>(sources));
    }

    /**
     * Parses a command line.
     *
     * @throws UsageException naming what is wrong: an unknown option, a missing or bad value,
     *                        or options that exclude each other
     */
    public static ExsqlOptions parse(String... args) throws UsageException {
        List<SqlSource> sources = new ArrayList<>();
        String connect = null;
        boolean demo = false;
        boolean interactive = false;
        ResultFormat format = ResultFormat.TABLE;
        int maxWidth = DEFAULT_MAX_WIDTH;
        boolean verbose = false;
        boolean help = false;
        boolean version = false;
        String positional = null;
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                if (positional != null) {
                    throw new UsageException("unexpected argument '" + arg
                            + "': give the SQL as one quoted argument");
                }
                positional = arg;
                sources.add(SqlSource.text(arg));
                continue;
            }
            String name = arg;
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inlineValue = arg.substring(eq + 1);
            }
            switch (name) {
                case "--":
                    optionsEnded = true;
                    break;
                case "-c":
                case "--connect":
                    if (connect != null) {
                        throw new UsageException("give the connection string only once");
                    }
                    connect = value(args, i, name, inlineValue);
                    break;
                case "-e":
                case "--execute":
                    sources.add(SqlSource.text(value(args, i, name, inlineValue)));
                    break;
                case "-f":
                case "--file":
                    sources.add(SqlSource.file(value(args, i, name, inlineValue)));
                    break;
                case "--format":
                    String formatName = value(args, i, name, inlineValue);
                    try {
                        format = ResultFormat.of(formatName);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage());
                    }
                    break;
                case "--max-width":
                    maxWidth = maxWidth(value(args, i, name, inlineValue));
                    break;
                default:
                    if (inlineValue != null) {
                        throw new UsageException("option " + name + " takes no value");
                    }
                    switch (name) {
                        case "--demo":
                            demo = true;
                            break;
                        case "-i":
                        case "--interactive":
                            interactive = true;
                            break;
                        case "-v":
                        case "--verbose":
                            verbose = true;
                            break;
                        case "-h":
                        case "--help":
                            help = true;
                            break;
                        case "-V":
                        case "--version":
                            version = true;
                            break;
                        default:
                            throw new UsageException("unknown option " + name);
                    }
                    break;
            }
            if (inlineValue == null && takesValue(name)) {
                i++;
            }
        }
        if (demo && connect != null) {
            throw new UsageException("--demo and --connect exclude each other: --demo connects"
                    + " to the built-in emulator");
        }
        long stdinScripts = sources.stream().filter(SqlSource::stdin).count();
        if (stdinScripts > 1) {
            throw new UsageException("standard input ('-f -') can be read only once");
        }
        if (stdinScripts > 0 && interactive) {
            throw new UsageException("-f - and --interactive both need standard input");
        }
        return new ExsqlOptions(sources, connect, demo, interactive, format, maxWidth, verbose,
                help, version);
    }

    private static boolean takesValue(String name) {
        switch (name) {
            case "-c":
            case "--connect":
            case "-e":
            case "--execute":
            case "-f":
            case "--file":
            case "--format":
            case "--max-width":
                return true;
            default:
                return false;
        }
    }

    private static String value(String[] args, int i, String name, String inlineValue)
            throws UsageException {
        if (inlineValue != null) {
            return inlineValue;
        }
        if (i + 1 >= args.length) {
            throw new UsageException("option " + name + " needs a value");
        }
        return args[i + 1];
    }

    private static int maxWidth(String text) throws UsageException {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below with the same message as a negative number.
        }
        throw new UsageException("--max-width needs a whole number of 0 or more, not '"
                + text + "'");
    }
}
