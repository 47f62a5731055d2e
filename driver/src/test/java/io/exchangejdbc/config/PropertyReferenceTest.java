package io.exchangejdbc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated property reference covers the catalog and is written between the markers. */
class PropertyReferenceTest {

    @Test
    void listsEveryPropertyOnceUnderItsGroup() {
        String markdown = PropertyReference.markdown();
        for (ExchangeProperty p : ExchangeProperty.values()) {
            String row = "| `" + p.propertyName() + "`";
            int at = markdown.indexOf(row);
            assertTrue(at >= 0, p.propertyName());
            assertEquals(at, markdown.lastIndexOf(row), p.propertyName());
            int heading = markdown.lastIndexOf("\n### ", at);
            String group = markdown.substring(heading + 5, markdown.indexOf('\n', heading + 1));
            assertEquals(p.group().displayName(), group, p.propertyName());
        }
    }

    @Test
    void headsEachGroupWithATable() {
        String markdown = PropertyReference.markdown();
        int from = 0;
        for (PropertyGroup g : PropertyGroup.values()) {
            String heading = "### " + g.displayName() + "\n\n"
                    + "| Property | Type | Default | Allowed values | Description |\n"
                    + "| --- | --- | --- | --- | --- |\n";
            int at = markdown.indexOf(heading, from);
            assertTrue(at >= from, g.displayName());
            from = at + heading.length();
        }
        assertTrue(markdown.startsWith("\n### Authentication\n"));
        assertTrue(markdown.endsWith("|\n\n"));
    }

    @Test
    void marksSecretsAndUnsupportedPropertiesAndShowsDefaultsAndChoices() {
        String markdown = PropertyReference.markdown();
        assertTrue(markdown.contains("| `OAuthClientSecret` (secret) | string |"));
        assertTrue(markdown.contains("| `ProxyPassword` (secret) | string |"));
        assertTrue(markdown.contains("| `AlwaysRequestTableDependencies` (not supported yet) | boolean |"));
        assertTrue(markdown.contains("| `Schema` | enumeration | `MSGraph` | `MSGraph`, `EWS` | "));
        assertTrue(markdown.contains("| `Verbosity` | integer | `1` | 1 to 5 | "));
        assertTrue(markdown.contains("| `Readonly` | boolean | `false` | `true`, `false` | "));
    }

    @Test
    void replacesOnlyTheTextBetweenTheMarkers() {
        String readme = "# Title\n\n" + PropertyReference.START_MARKER + "\nold\n"
                + PropertyReference.END_MARKER + "\n\nAfter.\n";
        String updated = PropertyReference.withSection(readme, "\nnew\n\n");
        assertEquals("# Title\n\n" + PropertyReference.START_MARKER + "\n\nnew\n\n"
                + PropertyReference.END_MARKER + "\n\nAfter.\n", updated);
        assertEquals("\nnew\n\n", PropertyReference.section(updated));
        assertEquals("old\n", PropertyReference.section(readme.replace("\n", "\r\n")));
        assertEquals("a\r\n" + PropertyReference.START_MARKER + "\r\nx\r\n"
                        + PropertyReference.END_MARKER + "\r\n",
                PropertyReference.withSection("a\r\n" + PropertyReference.START_MARKER
                        + "\r\n" + PropertyReference.END_MARKER + "\r\n", "x\n"));
    }

    @Test
    void findsNoSectionWithoutBothMarkers() {
        assertNull(PropertyReference.section("# Title\n"));
        assertNull(PropertyReference.section(PropertyReference.START_MARKER + "\ntext\n"));
        assertNull(PropertyReference.section(PropertyReference.END_MARKER + "\n"
                + PropertyReference.START_MARKER + "\n"));
        assertNull(PropertyReference.withSection("# Title\n", "x"));
    }

    @Test
    void mainWritesTheReferenceIntoTheReadme(@TempDir Path dir) throws IOException {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# exchange-jdbc\n" + PropertyReference.START_MARKER + "\n"
                + PropertyReference.END_MARKER + "\n", StandardCharsets.UTF_8);
        PropertyReference.main(new String[] {readme.toString()});
        String written = Files.readString(readme, StandardCharsets.UTF_8);
        assertEquals(PropertyReference.markdown(), PropertyReference.section(written));
        assertTrue(written.startsWith("# exchange-jdbc\n" + PropertyReference.START_MARKER));
        // A second run finds nothing to change.
        PropertyReference.main(new String[] {"--check", readme.toString()});
        assertEquals(written, Files.readString(readme, StandardCharsets.UTF_8));
    }
}
