package io.exchangejdbc.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnNature;
import io.exchangejdbc.schema.ColumnType;
import io.exchangejdbc.schema.FilterOp;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rendering of pushed-down predicates as Graph {@code $filter} text. */
class ODataFilterRendererTest {

    private static ColumnDef col(String name, ColumnType type, String... path) {
        return new ColumnDef(name, type, List.of(path.length == 0 ? new String[] {name} : path),
                ColumnNature.PROPERTY, false, false, EnumSet.allOf(FilterOp.class), true, 0,
                "test column");
    }

    private static final ColumnDef SUBJECT = col("subject", ColumnType.VARCHAR);
    private static final ColumnDef IS_READ = col("isRead", ColumnType.BOOLEAN);
    private static final ColumnDef RECEIVED = col("receivedDateTime", ColumnType.TIMESTAMP);
    private static final ColumnDef FROM = col("from_emailAddress_address", ColumnType.VARCHAR,
            "from", "emailAddress", "address");
    private static final ColumnDef SIZE = col("size", ColumnType.INTEGER);

    private static ODataExpr cmp(ColumnDef c, FilterOp op, Object v) {
        return new ODataExpr.Compare(c, op, new Operand.Literal(v));
    }

    private static String render(ODataExpr e) {
        return ODataFilterRenderer.render(e, Operand.Parameters.NONE);
    }

    @Test
    void quotesStringLiteralsByDoublingSingleQuotes() {
        assertEquals("subject eq 'O''Brien''s'", render(cmp(SUBJECT, FilterOp.EQ, "O'Brien's")));
    }

    @Test
    void rendersBooleansNumbersAndTimestampsBare() {
        assertEquals("isRead eq false", render(cmp(IS_READ, FilterOp.EQ, false)));
        assertEquals("size ge 42", render(cmp(SIZE, FilterOp.GE, 42)));
        assertEquals("receivedDateTime lt 2026-11-01T00:00:00Z",
                render(cmp(RECEIVED, FilterOp.LT, 1_793_491_200_000L)));
        assertEquals("receivedDateTime gt 2026-11-01T00:00:00.250Z",
                render(cmp(RECEIVED, FilterOp.GT, 1_793_491_200_250L)));
    }

    @Test
    void usesSlashPathsForNestedPropertiesAndStartswithForPrefixes() {
        assertEquals("startswith(from/emailAddress/address,'ann')",
                render(cmp(FROM, FilterOp.STARTS_WITH, "ann")));
        assertEquals("from/emailAddress/address eq null",
                render(new ODataExpr.IsNull(FROM, false)));
        assertEquals("from/emailAddress/address ne null",
                render(new ODataExpr.IsNull(FROM, true)));
    }

    @Test
    void parenthesisesNestedBooleanOperators() {
        ODataExpr e = new ODataExpr.And(List.of(
                cmp(IS_READ, FilterOp.EQ, true),
                new ODataExpr.Or(List.of(cmp(SUBJECT, FilterOp.EQ, "a"),
                        cmp(SUBJECT, FilterOp.EQ, "b"))),
                new ODataExpr.Not(cmp(SIZE, FilterOp.LT, 3))));
        assertEquals("isRead eq true and (subject eq 'a' or subject eq 'b') and not (size lt 3)",
                render(e));
    }

    @Test
    void bindsParametersAtRenderTime() {
        ODataExpr e = new ODataExpr.Compare(SUBJECT, FilterOp.EQ, new Operand.Parameter(0));
        assertEquals("subject eq 'x'", ODataFilterRenderer.render(e, i -> "x"));
        assertEquals("subject eq 'y'", ODataFilterRenderer.render(e, i -> "y"));
        assertEquals("subject eq ?1", ODataFilterRenderer.render(e, Operand.Parameter::new));
    }

    @Test
    void putsOrderedPropertiesFirstAsOutlookRequires() {
        ODataExpr filter = new ODataExpr.And(List.of(cmp(IS_READ, FilterOp.EQ, false),
                cmp(SUBJECT, FilterOp.EQ, "s")));
        List<SortKey> bySubject = List.of(new SortKey(SUBJECT, true));
        assertTrue(ODataFilterRenderer.canArrange(filter, bySubject));
        assertEquals("subject eq 's' and isRead eq false",
                ODataFilterRenderer.renderForOrder(filter, bySubject, Operand.Parameters.NONE));
    }

    @Test
    void boundsAnOrderedTimestampThatTheFilterDoesNotMention() {
        ODataExpr filter = cmp(IS_READ, FilterOp.EQ, false);
        List<SortKey> byReceived = List.of(new SortKey(RECEIVED, true));
        assertTrue(ODataFilterRenderer.canArrange(filter, byReceived));
        assertEquals("receivedDateTime ge 1900-01-01T00:00:00Z and isRead eq false",
                ODataFilterRenderer.renderForOrder(filter, byReceived, Operand.Parameters.NONE));
    }

    @Test
    void refusesOrdersTheServiceWouldRejectWithTheFilter() {
        ODataExpr filter = cmp(IS_READ, FilterOp.EQ, false);
        // a string property cannot be given an always-true bound without excluding nulls
        assertFalse(ODataFilterRenderer.canArrange(filter, List.of(new SortKey(SUBJECT, false))));
        // the ordered property mixed with another one in a disjunction cannot be put first
        ODataExpr mixed = new ODataExpr.Or(List.of(cmp(SUBJECT, FilterOp.EQ, "a"),
                cmp(IS_READ, FilterOp.EQ, true)));
        assertFalse(ODataFilterRenderer.canArrange(mixed, List.of(new SortKey(SUBJECT, false))));
        // without a filter any order goes
        assertTrue(ODataFilterRenderer.canArrange(null, List.of(new SortKey(SUBJECT, false))));
    }
}
