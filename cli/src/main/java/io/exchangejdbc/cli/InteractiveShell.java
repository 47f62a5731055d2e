package io.exchangejdbc.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive shell: a JLine line reader with editing, history in a file, completion of
 * commands, keywords and table names, and statements that run once a line ends them with
 * {@code ;}. This is the only class that touches JLine, so that one-shot runs never load it.
 */
final class InteractiveShell {

    /** The prompt for the first line of a statement. */
    static final String PROMPT = "exsql> ";
    /** The prompt for the lines that continue a statement. */
    static final String CONTINUATION_PROMPT = "   ...> ";

    private static final String[] KEYWORDS = {
        "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "NULL", "IS", "IN", "LIKE", "BETWEEN",
        "ORDER", "BY", "GROUP", "HAVING", "LIMIT", "OFFSET", "ASC", "DESC", "DISTINCT", "AS",
        "JOIN", "LEFT", "INNER", "ON", "COUNT", "INSERT", "INTO", "VALUES", "UPDATE", "SET",
        "DELETE", "EXEC", "CALL", "TRUE", "FALSE", "TIMESTAMP", "CURRENT_TIMESTAMP",
        "\\tables", "\\d", "\\format", "\\help", "\\q",
    };

    private final SqlSession session;
    private final Connection connection;
    private final Terminal terminal;
    private final Path historyFile;
    private List<String> tableNames;

    private InteractiveShell(SqlSession session, Connection connection, Terminal terminal,
            Path historyFile) {
        this.session = requireNonNull(session, "session");
        this.connection = requireNonNull(connection, "connection");
        this.terminal = requireNonNull(terminal, "terminal");
        this.historyFile = requireNonNull(historyFile, "historyFile");
    }

    /**
     * Runs the shell on the process's terminal (or a dumb one when there is none) until the
     * user quits or ends the input.
     *
     * @param banner a line shown before the first prompt
     */
    static void runOnSystemTerminal(SqlSession session, Connection connection, Path historyFile,
            String banner) throws IOException {
        // dumb(true) falls back to a plain terminal quietly when stdin is not one (exsql -i);
        // prompts go to stderr when stdout is redirected to a file.
        try (Terminal terminal = TerminalBuilder.builder()
                .system(true)
                .dumb(true)
                .systemOutput(TerminalBuilder.SystemOutput.SysOutOrSysErr)
                .build()) {
            if (terminal.getWidth() <= 0) {
                // A pseudo-terminal whose size nobody set (some containers): JLine would squeeze
                // the prompt into zero columns.
                terminal.setSize(new Size(80, 24));
            }
            new InteractiveShell(session, connection, terminal, historyFile).run(banner);
        }
    }

    /** Runs the shell on the given terminal; for tests, which give it a scripted one. */
    static void run(SqlSession session, Connection connection, Terminal terminal,
            Path historyFile, String banner) {
        new InteractiveShell(session, connection, terminal, historyFile).run(banner);
    }

    private void run(String banner) {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("exsql")
                .parser(new StatementParser())
                .completer(new NameCompleter())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION_PROMPT)
                // '!' and '^' are SQL, not history expansions.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .build();
        terminal.writer().println(banner);
        terminal.flush();
        Terminal.SignalHandler previous =
                terminal.handle(Terminal.Signal.INT, signal -> session.cancel());
        try {
            while (true) {
                String text;
                try {
                    text = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    // Ctrl-C at the prompt drops the line being typed, as in other shells.
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                if (text.isBlank()) {
                    continue;
                }
                session.startInput();
                if (SqlSession.isCommand(text)) {
                    if (session.command(text) == SqlSession.CommandOutcome.QUIT) {
                        break;
                    }
                    continue;
                }
                for (String sql : StatementSplitter.statements(text)) {
                    session.execute(sql);
                }
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            try {
                reader.getHistory().save();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot save the history to " + historyFile, e);
            }
        }
    }

    /**
     * Parser that tells JLine a statement goes on until a line ends it with {@code ;}, so that
     * Enter shows the continuation prompt instead of running half a statement.
     */
    private static final class StatementParser extends DefaultParser {

        StatementParser() {
            // A backslash is no escape in SQL ('C:\' is a whole literal), and '' is handled by
            // the statement splitter.
            escapeChars(new char[0]);
        }

        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE) {
                if (!line.isBlank() && !SqlSession.isCommand(line)
                        && !StatementSplitter.isComplete(line)) {
                    throw new EOFError(-1, -1, "the statement goes on until ';'", ";");
                }
                // Accepted: the words only matter for completion, which cannot fail this way.
                return super.parse(line, cursor, ParseContext.SPLIT_LINE);
            }
            return super.parse(line, cursor, context);
        }
    }

    /** Completer of keywords, commands and the connection's table names. */
    private final class NameCompleter implements Completer {

        @Override
        public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
            boolean lower = !line.word().isEmpty()
                    && Character.isLowerCase(line.word().charAt(0));
            for (String keyword : KEYWORDS) {
                String shown = lower ? keyword.toLowerCase(Locale.ROOT) : keyword;
                candidates.add(new Candidate(shown, shown, null, null, null, null, true));
            }
            for (String table : tableNames()) {
                candidates.add(new Candidate(table, table, null, null, null, null, true));
            }
        }
    }

    /** The table names, read once at the first completion. */
    private List<String> tableNames() {
        if (tableNames == null) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", null)) {
                while (rs.next()) {
                    if (!"metadata".equalsIgnoreCase(rs.getString("TABLE_SCHEM"))) {
                        names.add(rs.getString("TABLE_NAME"));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                // Completion without table names is still completion; \tables shows the error.
            }
            tableNames = names;
        }
        return tableNames;
    }
}
