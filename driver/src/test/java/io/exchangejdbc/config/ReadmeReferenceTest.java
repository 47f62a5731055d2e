package io.exchangejdbc.config;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The property reference in the project's README is the one the catalog generates. */
class ReadmeReferenceTest {

    /** Maven runs the tests of the driver module with that module as working directory. */
    private static final Path README = Path.of("..", "README.md");

    private static final String REGENERATE = "Regenerate it from the project root with:"
            + " mvn -q -pl driver compile && java -cp driver/target/classes"
            + " io.exchangejdbc.config.PropertyReference README.md";

    @Test
    void readmeHoldsTheGeneratedPropertyReference() throws IOException {
        assertTrue(Files.isRegularFile(README),
                "README.md not found at " + README.toAbsolutePath().normalize()
                        + "; it must hold the connection property reference. " + REGENERATE);
        String section = PropertyReference.section(
                Files.readString(README, StandardCharsets.UTF_8));
        assertNotNull(section, "README.md lacks the lines " + PropertyReference.START_MARKER
                + " and " + PropertyReference.END_MARKER + " around the connection property"
                + " reference; add them, then: " + REGENERATE);
        String expected = PropertyReference.markdown();
        if (!expected.equals(section)) {
            fail("The connection property reference in README.md is out of date ("
                    + firstDifference(expected, section) + "). " + REGENERATE);
        }
    }

    /** Where two texts part, told by line, so the failure does not print the whole reference. */
    private static String firstDifference(String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] have = actual.split("\n", -1);
        for (int i = 0; i < Math.max(want.length, have.length); i++) {
            String w = i < want.length ? want[i] : "<end>";
            String h = i < have.length ? have[i] : "<end>";
            if (!w.equals(h)) {
                return "line " + (i + 1) + " of the section is\n  " + h + "\nbut should be\n  " + w;
            }
        }
        return "they differ";
    }
}
