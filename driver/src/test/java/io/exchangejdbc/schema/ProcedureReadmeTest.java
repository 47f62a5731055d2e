package io.exchangejdbc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The procedure reference in the project's README is the one the catalog generates. */
class ProcedureReadmeTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void readmeHoldsTheGeneratedProcedureReference() throws IOException {
        String section = ProcedureReference.section(
                Files.readString(README, StandardCharsets.UTF_8));
        assertNotNull(section, "README.md lacks the markers " + ProcedureReference.START_MARKER
                + " and " + ProcedureReference.END_MARKER);
        assertEquals(ProcedureReference.markdown(), section, "The procedure reference in"
                + " README.md is out of date. Regenerate it from the project root with: mvn -q"
                + " -pl driver -am compile && java -cp driver/target/classes"
                + " io.exchangejdbc.schema.ProcedureReference README.md");
    }

    @Test
    void everyProcedureAndParameterIsDescribed() {
        String md = ProcedureReference.markdown();
        for (ProcedureDef p : Catalog.of(SchemaKind.MSGRAPH).procedures()) {
            assertTrue(md.contains("#### " + p.name() + "\n"), p.name());
            for (ProcedureDef.Parameter a : p.parameters()) {
                assertTrue(!a.description().isBlank(), p.name() + "." + a.name());
            }
        }
        assertTrue(md.contains("| `AttachmentContent` | VARBINARY |  |  |"), md);
    }
}
