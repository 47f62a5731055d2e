package io.exchangejdbc.emulator.graph.odata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@code $filter} text is parsed: precedence, literals, paths, functions, errors. */
class FilterParserTest {

    private static String tree(String filter) {
        return FilterParser.parse(filter).toString();
    }

    private static Object literal(String text) {
        FilterNode.Compare c = (FilterNode.Compare) FilterParser.parse("x eq " + text);
        return ((FilterNode.Literal) c.right()).value();
    }

    @Test
    void andBindsTighterThanOr() {
        assertEquals("((a eq 1) or ((b eq 2) and (c eq 3)))",
                tree("a eq 1 or b eq 2 and c eq 3"));
        assertEquals("(((a eq 1) and (b eq 2)) or (c eq 3))",
                tree("a eq 1 and b eq 2 or c eq 3"));
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertEquals("(((a eq 1) or (b eq 2)) and (c eq 3))",
                tree("(a eq 1 or b eq 2) and c eq 3"));
        assertEquals("((a eq 1) and ((b eq 2) or (c eq 3)))",
                tree("a eq 1 and (b eq 2 or (c eq 3))"));
    }

    @Test
    void logicalOperatorsAssociateToTheLeft() {
        assertEquals("(((a eq 1) and (b eq 2)) and (c eq 3))",
                tree("a eq 1 and b eq 2 and c eq 3"));
        assertEquals("(((a eq 1) or (b eq 2)) or (c eq 3))", tree("a eq 1 or b eq 2 or c eq 3"));
    }

    @Test
    void notAppliesToTheOperandThatFollows() {
        assertEquals("(not isRead)", tree("not isRead"));
        assertEquals("((not (a eq 1)) and (b eq 2))", tree("not (a eq 1) and b eq 2"));
        assertEquals("((not startswith(subject,'x')) or (not (not flag)))",
                tree("not startswith(subject,'x') or not not flag"));
    }

    @Test
    void everyComparisonOperatorIsRecognized() {
        for (String op : List.of("eq", "ne", "gt", "ge", "lt", "le")) {
            FilterNode n = FilterParser.parse("size " + op + " 3");
            assertEquals(op, ((FilterNode.Compare) n).op().token());
        }
    }

    @Test
    void doubledQuoteInAStringIsOneQuote() {
        assertEquals("O'Brien", literal("'O''Brien'"));
        assertEquals("''", literal("''''''"));
        assertEquals("", literal("''"));
        assertEquals("(name eq 'O''Brien')", tree("name eq 'O''Brien'"));
    }

    @Test
    void stringsKeepSpacesAndKeywords() {
        assertEquals("a and b or not c", literal("'a and b or not c'"));
    }

    @Test
    void readsPrimitiveLiterals() {
        assertEquals(Boolean.TRUE, literal("true"));
        assertEquals(Boolean.FALSE, literal("false"));
        assertNull(literal("null"));
        assertEquals(42L, literal("42"));
        assertEquals(-7L, literal("-7"));
        assertEquals(new BigDecimal("3.25"), literal("3.25"));
        assertEquals(new BigDecimal("1e3"), literal("1e3"));
    }

    @Test
    void readsDateTimeOffsetsInAnyOffset() {
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), literal("2026-11-01T00:00:00Z"));
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), literal("2026-11-01T00:00Z"));
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"),
                literal("2026-11-01T02:00:00+02:00"));
        assertEquals(Instant.parse("2026-11-01T00:00:00.250Z"),
                literal("2026-11-01T00:00:00.25Z"));
    }

    @Test
    void readsDatesGuidsAndEnumerationMembers() {
        assertEquals(LocalDate.of(2026, 11, 1), literal("2026-11-01"));
        assertEquals("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46",
                literal("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46"));
        FilterNode.Compare c = (FilterNode.Compare) FilterParser.parse(
                "importance eq microsoft.graph.importance'high'");
        FilterNode.Literal lit = (FilterNode.Literal) c.right();
        assertEquals("high", lit.value());
        assertEquals("microsoft.graph.importance", lit.type().name());
    }

    @Test
    void readsSlashSeparatedPropertyPaths() {
        FilterNode.Compare c = (FilterNode.Compare) FilterParser.parse(
                "from/emailAddress/address eq 'a@b.c'");
        assertEquals(List.of("from", "emailAddress", "address"),
                ((FilterNode.Path) c.left()).segments());
    }

    @Test
    void readsFunctionCalls() {
        FilterNode n = FilterParser.parse("startswith(from/emailAddress/name, 'Ad')");
        FilterNode.Call call = assertInstanceOf(FilterNode.Call.class, n);
        assertEquals("startswith", call.function());
        assertEquals(2, call.args().size());
        assertEquals("contains(subject,'x')", tree("contains( subject , 'x' )"));
    }

    @Test
    void readsLambdas() {
        FilterNode n = FilterParser.parse(
                "toRecipients/any(r: r/emailAddress/address eq 'x@y.z')");
        FilterNode.Lambda l = assertInstanceOf(FilterNode.Lambda.class, n);
        assertTrue(l.any());
        assertEquals("r", l.variable());
        assertEquals(List.of("toRecipients"), l.collection().segments());
        assertEquals("(r/emailAddress/address eq 'x@y.z')", l.body().toString());
        FilterNode all = FilterParser.parse("categories/all(c:c ne 'Red')");
        assertFalse(((FilterNode.Lambda) all).any());
        FilterNode.Lambda empty = (FilterNode.Lambda) FilterParser.parse("categories/any()");
        assertNull(empty.variable());
    }

    @Test
    void readsInLists() {
        assertEquals("(importance in ('high','low'))", tree("importance in ('high', 'low')"));
    }

    @Test
    void rejectsMalformedExpressions() {
        for (String bad : List.of("subject eq", "subject eq 'open", "(a eq 1", "a eq 1)",
                "", "   ", "a eq 1 and", "subject EQ 'x'", "a eq 1 b eq 2", "a/ eq 1",
                "eq 1", "a in (b)", "x eq #")) {
            ODataException e = assertThrows(ODataException.class, () -> FilterParser.parse(bad),
                    bad);
            assertEquals(ODataException.BAD_REQUEST, e.code(), bad);
        }
    }

    @Test
    void rejectsUnknownFunctionsAsODataDoes() {
        ODataException e = assertThrows(ODataException.class,
                () -> FilterParser.parse("frobnicate(subject) eq 1"));
        assertTrue(e.getMessage().startsWith("An unknown function with name 'frobnicate'"),
                e.getMessage());
    }
}
