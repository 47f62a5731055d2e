package io.exchangejdbc.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference of every connection property in Markdown, generated from the catalog, and the
 * tool that writes it into the README between the lines {@value #START_MARKER} and
 * {@value #END_MARKER}.
 *
 * <p>Run it from the project root after changing the catalog:
 * <pre>java -cp driver/target/classes io.exchangejdbc.config.PropertyReference README.md</pre>
 * With {@code --check} before the path it changes nothing and exits with status 1 when the README
 * is out of date.
 */
public final class PropertyReference {

    /** The line after which the generated reference starts. */
    public static final String START_MARKER = "<!-- properties:start -->";

    /** The line before which the generated reference ends. */
    public static final String END_MARKER = "<!-- properties:end -->";

    private PropertyReference() {
    }

    /**
     * The reference: for each group a {@code ###} heading and a table of its properties (Property,
     * Type, Default, Allowed values, Description), secrets and unsupported properties marked. It
     * starts and ends with a blank line so it sits apart from the marker lines.
     */
    public static String markdown() {
        StringBuilder out = new StringBuilder("\n");
        for (PropertyGroup group : PropertyGroup.values()) {
            out.append("### ").append(group.displayName()).append("\n\n");
            out.append("| Property | Type | Default | Allowed values | Description |\n");
            out.append("| --- | --- | --- | --- | --- |\n");
            for (ExchangeProperty p : ExchangeProperty.values()) {
                if (p.group() != group) {
                    continue;
                }
                out.append("| `").append(p.propertyName()).append('`');
                if (p.secret()) {
                    out.append(" (secret)");
                }
                if (!p.supported()) {
                    out.append(" (not supported yet)");
                }
                out.append(" | ").append(p.type().displayName());
                out.append(" | ").append(p.defaultValue() == null ? "" : code(p.defaultValue()));
                out.append(" | ").append(allowed(p));
                out.append(" | ").append(cell(p.description()));
                out.append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Writes {@link #markdown()} between the markers of the README given as argument.
     *
     * A failure ends the program with an exception, so with a non-zero exit status.
     *
     * @param args {@code [--check] README-path}
     */
    public static void main(String[] args) throws IOException {
        boolean check = args.length == 2 && "--check".equals(args[0]);
        if (args.length != (check ? 2 : 1)) {
            throw new IllegalArgumentException("usage: PropertyReference [--check] README.md");
        }
        Path readme = Path.of(args[args.length - 1]);
        String document = Files.readString(readme, StandardCharsets.UTF_8);
        String updated = withSection(document, markdown());
        if (updated == null) {
            throw new IllegalStateException(readme + ": add the lines " + START_MARKER + " and "
                    + END_MARKER + " where the property reference belongs");
        }
        if (updated.equals(document)) {
            System.out.println(readme + ": property reference is up to date");
        } else if (check) {
            throw new IllegalStateException(readme + ": property reference is out of date");
        } else {
            Files.writeString(readme, updated, StandardCharsets.UTF_8);
            System.out.println(readme + ": property reference updated");
        }
    }

    /**
     * The text between the marker lines of a document (after the start marker's line break, up to
     * the end marker's line), with line breaks as {@code \n}; null when a marker is missing.
     */
    static String section(String document) {
        requireNonNull(document, "document");
        String text = document.replace("\r\n", "\n");
        int[] bounds = bounds(text);
        return bounds == null ? null : text.substring(bounds[0], bounds[1]);
    }

    /**
     * The document with the text between its marker lines replaced; null when a marker is
     * missing.
     */
    static String withSection(String document, String section) {
        requireNonNull(document, "document");
        requireNonNull(section, "section");
        String text = document.replace("\r\n", "\n");
        int[] bounds = bounds(text);
        if (bounds == null) {
            return null;
        }
        String replaced = text.substring(0, bounds[0]) + section + text.substring(bounds[1]);
        // Keep Windows line breaks in a README that has them.
        return document.contains("\r\n") ? replaced.replace("\n", "\r\n") : replaced;
    }

    private static int[] bounds(String text) {
        int start = lineStart(text, START_MARKER, 0);
        if (start < 0) {
            return null;
        }
        int afterStart = text.indexOf('\n', start);
        if (afterStart < 0) {
            return null;
        }
        int end = lineStart(text, END_MARKER, afterStart + 1);
        if (end < 0) {
            return null;
        }
        return new int[] {afterStart + 1, end};
    }

    /** The index of the first line, at or after {@code from}, that is the marker alone. */
    private static int lineStart(String text, String marker, int from) {
        int lineStart = from;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            String line = lineEnd < 0
                    ? text.substring(lineStart)
                    : text.substring(lineStart, lineEnd);
            if (line.strip().equals(marker)) {
                return lineStart;
            }
            if (lineEnd < 0) {
                return -1;
            }
            lineStart = lineEnd + 1;
        }
        return -1;
    }

    /** The accepted values, literal ones as code so that {@code *} and {@code _} stay literal. */
    private static String allowed(ExchangeProperty p) {
        return switch (p.type()) {
            case ENUM -> String.join(", ", p.allowedValues().stream().map(v -> code(v)).toList());
            case BOOLEAN -> code("true") + ", " + code("false");
            default -> cell(p.acceptedValues());
        };
    }

    private static String code(String value) {
        return "`" + value + "`";
    }

    /** Text made safe for a table cell: pipes escaped, line breaks as spaces. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
