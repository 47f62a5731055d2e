package io.exchangejdbc.cli;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Runner of a script read line by line (a {@code -f} file, or statements piped to standard
 * input): runs each statement as soon as its {@code ;} is read, runs shell commands that stand on
 * their own line, and stops at the first error, as a script's later statements usually depend on
 * the earlier ones.
 */
public final class ScriptRunner {

    /**
     * What running a script came to.
     *
     * @param executed how many statements and commands ran
     * @param failed   whether one of them failed (and the script stopped there)
     * @param quit     whether the script asked to quit
     */
    public record Outcome(int executed, boolean failed, boolean quit) {
    }

    private final SqlSession session;

    /** A runner that sends statements to {@code session}. */
    public ScriptRunner(SqlSession session) {
        this.session = requireNonNull(session, "session");
    }

    /**
     * Runs the script that {@code reader} reads, up to its end, a quit command or an error;
     * a last statement without {@code ;} runs too.
     *
     * @throws IOException when reading fails
     */
    public Outcome run(BufferedReader reader) throws IOException {
        StringBuilder pending = new StringBuilder();
        boolean pendingOpen = false;
        int executed = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (!pendingOpen && SqlSession.isCommand(line)) {
                pending.setLength(0);
                executed++;
                SqlSession.CommandOutcome outcome = session.command(line);
                if (outcome == SqlSession.CommandOutcome.QUIT) {
                    return new Outcome(executed, false, true);
                }
                if (outcome == SqlSession.CommandOutcome.FAILED) {
                    return new Outcome(executed, true, false);
                }
                continue;
            }
            pending.append(line).append('\n');
            StatementSplitter.Split split = StatementSplitter.split(pending.toString());
            for (String sql : split.statements()) {
                executed++;
                if (!session.execute(sql)) {
                    return new Outcome(executed, true, false);
                }
            }
            pending.setLength(0);
            pending.append(split.rest());
            pendingOpen = split.open();
        }
        String last = StatementSplitter.split(pending.toString()).restStatement();
        if (last != null) {
            executed++;
            if (!session.execute(last)) {
                return new Outcome(executed, true, false);
            }
        }
        return new Outcome(executed, false, false);
    }
}
