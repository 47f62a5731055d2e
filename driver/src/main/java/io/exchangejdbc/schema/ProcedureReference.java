package io.exchangejdbc.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The reference of the stored procedures of {@code Schema=MSGraph} in Markdown, generated from the
 * catalog, and the tool that writes it into the README between the lines
 * {@value #START_MARKER} and {@value #END_MARKER}.
 *
 * <p>Run it from the project root after changing the catalog:
 * <pre>java -cp driver/target/classes io.exchangejdbc.schema.ProcedureReference README.md</pre>
 */
public final class ProcedureReference {

    /** The line after which the generated reference starts. */
    public static final String START_MARKER = "<!-- procedures:start -->";

    /** The line before which the generated reference ends. */
    public static final String END_MARKER = "<!-- procedures:end -->";

    private ProcedureReference() {
    }

    /**
     * The reference: for each procedure a {@code ####} heading, what it does, a table of its
     * parameters and one of its result columns. Starts and ends with a blank line.
     */
    public static String markdown() {
        StringBuilder out = new StringBuilder("\n");
        for (ProcedureDef p : Catalog.of(SchemaKind.MSGRAPH).procedures()) {
            out.append("#### ").append(p.name()).append("\n\n");
            out.append(cell(p.description())).append("\n\n");
            if (!p.parameters().isEmpty()) {
                out.append("| Parameter | Type | Required | Default | Description |\n");
                out.append("| --- | --- | --- | --- | --- |\n");
                for (ProcedureDef.Parameter a : p.parameters()) {
                    out.append("| `").append(a.name()).append("` | ").append(type(a.type()))
                            .append(" | ").append(a.required() ? "yes" : "")
                            .append(" | ").append(a.defaultValue() == null ? ""
                                    : "`" + a.defaultValue() + "`")
                            .append(" | ").append(cell(a.description())).append(" |\n");
                }
                out.append('\n');
            }
            out.append("| Result column | Type | Description |\n");
            out.append("| --- | --- | --- |\n");
            for (ProcedureDef.ResultColumn c : p.results()) {
                out.append("| `").append(c.name()).append("` | ").append(type(c.type()))
                        .append(" | ").append(cell(c.description())).append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Writes {@link #markdown()} between the markers of the README given as argument; a failure
     * ends the program with an exception.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ProcedureReference README.md");
        }
        Path readme = Path.of(args[0]);
        String document = Files.readString(readme, StandardCharsets.UTF_8);
        String updated = withSection(document, markdown());
        if (updated == null) {
            throw new IllegalStateException(readme + ": add the lines " + START_MARKER + " and "
                    + END_MARKER + " where the procedure reference belongs");
        }
        Files.writeString(readme, updated, StandardCharsets.UTF_8);
    }

    /** The text between the marker lines of a document; null when a marker is missing. */
    public static String section(String document) {
        String text = document.replace("\r\n", "\n");
        int start = text.indexOf(START_MARKER + "\n");
        int end = text.indexOf("\n" + END_MARKER, Math.max(start, 0));
        if (start < 0 || end < 0) {
            return null;
        }
        return text.substring(start + START_MARKER.length() + 1, end + 1);
    }

    private static String withSection(String document, String section) {
        String text = document.replace("\r\n", "\n");
        int start = text.indexOf(START_MARKER + "\n");
        int end = text.indexOf("\n" + END_MARKER, Math.max(start, 0));
        if (start < 0 || end < 0) {
            return null;
        }
        return text.substring(0, start + START_MARKER.length() + 1) + section
                + text.substring(end + 1);
    }

    private static String type(ColumnType t) {
        return t.name().toUpperCase(Locale.ROOT);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
