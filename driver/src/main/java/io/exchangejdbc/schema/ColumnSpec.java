package io.exchangejdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A column of the catalog while it is being declared: a small fluent builder that turns into a
 * {@link ColumnDef}, so that a table reads as a list of one-line declarations such as
 * {@code col("subject", VARCHAR).filter(EQ, STARTS_WITH).sortable().describe("...")}.
 *
 * <p>The JSON path defaults to the name split at {@code _}, which is how flattened names are
 * made ({@code from_emailAddress_address} reads {@code from/emailAddress/address}); Graph's own
 * property names contain no underscore.
 */
final class ColumnSpec {

    /** Size reported for short strings: names, addresses, enum values, ids. */
    static final int SHORT_TEXT = 255;
    /** Size reported for longer single-line text such as subjects and URLs. */
    static final int LONG_TEXT = 4096;
    /** Size reported for text without a known bound: bodies and JSON values. */
    static final int UNBOUNDED_TEXT = Integer.MAX_VALUE;

    private final String name;
    private final ColumnType type;
    private final ColumnNature nature;
    private List<String> path;
    private boolean key;
    private boolean readOnly;
    private final Set<FilterOp> filterOps = EnumSet.noneOf(FilterOp.class);
    private boolean sortable;
    private int size;
    private String description;
    private boolean listed = true;

    private ColumnSpec(String name, ColumnType type, ColumnNature nature, List<String> path,
            int size) {
        this.name = requireNonNull(name, "name");
        this.type = requireNonNull(type, "type");
        this.nature = nature;
        this.path = path;
        this.size = size;
    }

    /** A scalar property, possibly nested in complex values (flattened by {@code _}). */
    static ColumnSpec col(String name, ColumnType type) {
        return new ColumnSpec(name, type, ColumnNature.PROPERTY, splitName(name),
                type == ColumnType.VARCHAR ? SHORT_TEXT : 0);
    }

    /** A collection, or a complex value kept whole, as one VARCHAR holding its JSON text. */
    static ColumnSpec json(String name) {
        return new ColumnSpec(name, ColumnType.VARCHAR, ColumnNature.JSON, splitName(name),
                UNBOUNDED_TEXT);
    }

    /** An input-only column that routes the request; it has no path in the payload. */
    static ColumnSpec pseudo(String name, ColumnType type) {
        return new ColumnSpec(name, type, ColumnNature.PSEUDO, List.of(),
                type == ColumnType.VARCHAR ? SHORT_TEXT : 0);
    }

    private static List<String> splitName(String name) {
        return List.of(name.split("_"));
    }

    /** Reads the value at an explicit JSON path instead of the one derived from the name. */
    ColumnSpec path(String... segments) {
        this.path = List.of(segments);
        return this;
    }

    /** Part of the primary key; a key is always computed by the service, hence read-only. */
    ColumnSpec key() {
        this.key = true;
        this.readOnly = true;
        return this;
    }

    /** Computed by the service, or settable only through an action: refused in INSERT/UPDATE. */
    ColumnSpec readOnly() {
        this.readOnly = true;
        return this;
    }

    /** Comparisons the service evaluates on this column in {@code $filter}. */
    ColumnSpec filter(FilterOp... ops) {
        filterOps.addAll(Arrays.asList(ops));
        return this;
    }

    /** Comparisons the service evaluates on this column in {@code $filter}. */
    ColumnSpec filter(Set<FilterOp> ops) {
        filterOps.addAll(ops);
        return this;
    }

    /** The service can {@code $orderby} this column. */
    ColumnSpec sortable() {
        this.sortable = true;
        return this;
    }

    /** The size reported in metadata (characters for VARCHAR). */
    ColumnSpec size(int size) {
        this.size = size;
        return this;
    }

    /**
     * The service returns this property only when one item is read by id, never in a listed
     * collection, even with {@code $select}.
     */
    ColumnSpec singleItemOnly() {
        this.listed = false;
        return this;
    }

    /** What the column holds, for {@code REMARKS}: written for a SQL user, in our own words. */
    ColumnSpec describe(String text) {
        this.description = text;
        return this;
    }

    String name() {
        return name;
    }

    boolean listed() {
        return listed;
    }

    ColumnDef build() {
        if (description == null || description.isBlank()) {
            throw new IllegalStateException("column " + name + " has no description");
        }
        return new ColumnDef(name, type, path, nature, key, readOnly, filterOps, sortable, size,
                description);
    }
}
