package io.exchangejdbc.emulator.graph.odata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.exchangejdbc.emulator.store.EmailAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a checked {@code $filter} selects instances: operators, nulls, text, times, lambdas. */
class FilterEvaluationTest {

    /** A small entity for the tests. */
    record Item(String name, Boolean flag, Integer count, Instant when, List<String> tags,
            EmailAddress from, List<EmailAddress> to, String importance) {
    }

    private static final StructuredType EMAIL = StructuredType
            .builder("microsoft.graph.emailAddress", EmailAddress.class)
            .add("name", EdmType.STRING, EmailAddress::name)
            .add("address", EdmType.STRING, EmailAddress::address)
            .build();
    private static final StructuredType RECIPIENT = StructuredType
            .builder("microsoft.graph.recipient", EmailAddress.class)
            .add("emailAddress", EdmType.complex(EMAIL), a -> a)
            .build();
    private static final StructuredType ITEM = StructuredType
            .builder("test.item", Item.class)
            .add("name", EdmType.STRING, Item::name)
            .add("flag", EdmType.BOOLEAN, Item::flag)
            .add("count", EdmType.INT32, Item::count)
            .add("when", EdmType.DATETIMEOFFSET, Item::when)
            .add("tags", EdmType.collection(EdmType.STRING), Item::tags)
            .add("from", EdmType.complex(RECIPIENT), Item::from)
            .add("to", EdmType.collection(EdmType.complex(RECIPIENT)), Item::to)
            .add("importance", EdmType.enumType("microsoft.graph.importance"),
                    Item::importance)
            .build();

    private static final EmailAddress SEAN = new EmailAddress("Sean O'Brien",
            "sean.obrien@fabrikam.com");
    private static final EmailAddress ADELE = new EmailAddress("Adele Vance",
            "AdeleV@contoso.onmicrosoft.com");

    private static final List<Item> ITEMS = List.of(
            new Item("alpha", true, 1, Instant.parse("2026-10-15T08:00:00Z"),
                    List.of("Red category"), SEAN, List.of(ADELE), "high"),
            new Item("Beta", false, 5, Instant.parse("2026-11-01T00:00:00Z"), List.of(),
                    ADELE, List.of(SEAN, ADELE), "normal"),
            new Item("gamma", null, 10, Instant.parse("2026-11-20T17:30:00Z"),
                    List.of("Blue category", "Red category"), null, List.of(), "low"),
            new Item(null, false, null, null, List.of(), SEAN, List.of(), "normal"));

    /** Returns the names of the items the filter keeps ("-" for the unnamed one). */
    private static List<String> select(String filter) {
        CompiledFilter f = CompiledFilter.compile(filter, ITEM);
        List<String> out = new ArrayList<>();
        for (Item i : ITEMS) {
            if (f.test(i)) {
                out.add(i.name() == null ? "-" : i.name());
            }
        }
        return out;
    }

    @Test
    void comparesStringsIgnoringCase() {
        assertEquals(List.of("Beta"), select("name eq 'beta'"));
        assertEquals(List.of("alpha", "gamma", "-"), select("name ne 'BETA'"));
        assertEquals(List.of("gamma"), select("name gt 'beta'"));
        assertEquals(List.of("alpha", "Beta"), select("name le 'BETA'"));
    }

    @Test
    void matchesNamesWithQuotes() {
        assertEquals(List.of("alpha", "-"), select("from/emailAddress/name eq 'Sean O''Brien'"));
        assertEquals(List.of("alpha", "-"), select("contains(from/emailAddress/name, 'o''b')"));
    }

    @Test
    void comparesNumbersByValue() {
        assertEquals(List.of("Beta", "gamma"), select("count ge 5"));
        assertEquals(List.of("alpha"), select("count lt 5"));
        assertEquals(List.of("Beta"), select("count eq 5.0"));
        assertEquals(List.of("gamma"), select("count gt 9.5"));
    }

    @Test
    void comparesBooleans() {
        assertEquals(List.of("alpha"), select("flag eq true"));
        assertEquals(List.of("Beta", "-"), select("flag eq false"));
        assertEquals(List.of("alpha"), select("flag"));
        assertEquals(List.of("Beta", "-"), select("not flag"));
    }

    @Test
    void comparesInstantsWhateverTheOffset() {
        assertEquals(List.of("Beta", "gamma"), select("when ge 2026-11-01T00:00:00Z"));
        assertEquals(List.of("Beta", "gamma"), select("when ge 2026-11-01T01:00:00+01:00"));
        assertEquals(List.of("gamma"), select("when gt 2026-11-01T00:00:00Z"));
        assertEquals(List.of("alpha"), select("when lt 2026-10-31T19:00:00-05:00"));
        assertEquals(List.of("Beta", "gamma"), select("when ge 2026-11-01"));
    }

    @Test
    void nullEqualsOnlyNull() {
        assertEquals(List.of("-"), select("name eq null"));
        assertEquals(List.of("alpha", "Beta", "gamma"), select("name ne null"));
        assertEquals(List.of("gamma"), select("from eq null"));
        assertEquals(List.of("gamma"), select("from/emailAddress/address eq null"));
        assertEquals(List.of("gamma"), select("flag eq null"));
    }

    @Test
    void orderingComparisonsWithNullAreFalse() {
        assertEquals(List.of(), select("name gt null"));
        assertEquals(List.of("alpha", "Beta", "gamma"), select("count ge 0"));
        assertEquals(List.of("alpha", "Beta", "gamma"), select("when le 2027-01-01T00:00:00Z"));
    }

    @Test
    void textFunctionsIgnoreCaseAndNeverMatchNull() {
        assertEquals(List.of("alpha"), select("startswith(name,'AL')"));
        assertEquals(List.of("Beta", "gamma"), select("endswith(name,'A') and name ne 'alpha'"));
        assertEquals(List.of("gamma"), select("contains(name,'mm')"));
        assertEquals(List.of("alpha", "-"),
                select("startswith(from/emailAddress/address,'sean')"));
        assertEquals(List.of("Beta"), select("tolower(name) eq 'beta'"));
    }

    @Test
    void andBindsTighterThanOrWhenEvaluated() {
        // alpha: flag true; Beta: count 5 and name Beta. Grouped the other way, alpha drops out.
        assertEquals(List.of("alpha", "Beta"),
                select("flag eq true or count gt 2 and name eq 'Beta'"));
        assertEquals(List.of("Beta"), select("(flag eq true or count gt 2) and name eq 'Beta'"));
        assertEquals(List.of("gamma", "-"), select("not (name eq 'alpha' or name eq 'beta')"));
    }

    @Test
    void lambdasRangeOverCollections() {
        assertEquals(List.of("alpha", "gamma"), select("tags/any(t: t eq 'red category')"));
        assertEquals(List.of("Beta", "-"), select("tags/all(t: t eq 'Blue category')"));
        assertEquals(List.of("alpha", "gamma"), select("tags/any()"));
        assertEquals(List.of("alpha", "Beta"),
                select("to/any(r: r/emailAddress/address eq 'adelev@contoso.onmicrosoft.com')"));
        assertEquals(List.of("Beta"), select("to/any(r: startswith(r/emailAddress/name,'Sean'))"
                + " and from/emailAddress/name eq 'Adele Vance'"));
    }

    @Test
    void enumerationsCompareWithStringsAndQualifiedLiterals() {
        assertEquals(List.of("alpha"), select("importance eq 'high'"));
        assertEquals(List.of("alpha"), select("importance eq microsoft.graph.importance'high'"));
        assertEquals(List.of("alpha", "gamma"), select("importance in ('high', 'LOW')"));
    }

    @Test
    void recordsPropertyPathsInOrderOfAppearance() {
        CompiledFilter f = CompiledFilter.compile("when ge 2026-01-01T00:00:00Z and "
                + "from/emailAddress/address eq 'x' and when lt 2027-01-01T00:00:00Z and "
                + "to/any(r: r/emailAddress/name eq 'y')", ITEM);
        assertEquals(List.of("when", "from/emailAddress/address", "to"), f.propertyPaths());
    }

    @Test
    void unknownPropertyIsReportedAsGraphDoes() {
        ODataException e = assertThrows(ODataException.class,
                () -> CompiledFilter.compile("nope eq 1", ITEM));
        assertEquals("RequestBroker--ParseUri", e.code());
        assertEquals("Could not find a property named 'nope' on type 'test.item'.",
                e.getMessage());
        ODataException nested = assertThrows(ODataException.class,
                () -> CompiledFilter.compile("from/emailAddress/nope eq 'x'", ITEM));
        assertEquals("Could not find a property named 'nope' on type "
                + "'microsoft.graph.emailAddress'.", nested.getMessage());
    }

    @Test
    void rejectsIncompatibleOperands() {
        ODataException e = assertThrows(ODataException.class,
                () -> CompiledFilter.compile("when ge '2026-01-01'", ITEM));
        assertEquals("A binary operator with incompatible types was detected. Found operand "
                + "types 'Edm.DateTimeOffset' and 'Edm.String' for operator kind "
                + "'GreaterThanOrEqual'.", e.getMessage());
        assertThrows(ODataException.class, () -> CompiledFilter.compile("flag eq 1", ITEM));
        assertThrows(ODataException.class, () -> CompiledFilter.compile("tags eq 'x'", ITEM));
        assertThrows(ODataException.class, () -> CompiledFilter.compile("name and flag", ITEM));
        assertThrows(ODataException.class, () -> CompiledFilter.compile("not name", ITEM));
        assertThrows(ODataException.class,
                () -> CompiledFilter.compile("startswith(count,'1')", ITEM));
    }

    @Test
    void requiresABooleanExpression() {
        ODataException e = assertThrows(ODataException.class,
                () -> CompiledFilter.compile("name", ITEM));
        assertEquals("The $filter expression must evaluate to a single boolean value.",
                e.getMessage());
    }

    @Test
    void propertyAccessOnACollectionNeedsALambda() {
        ODataException e = assertThrows(ODataException.class,
                () -> CompiledFilter.compile("to/emailAddress/address eq 'x'", ITEM));
        assertEquals(ODataException.BAD_REQUEST, e.code());
    }
}
