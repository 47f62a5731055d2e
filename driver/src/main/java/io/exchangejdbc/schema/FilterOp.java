package io.exchangejdbc.schema;

/**
 * A comparison the service can evaluate on a column, declared per column in the table catalog so
 * that the planner only pushes what the API accepts.
 */
public enum FilterOp {
    EQ, NE, GT, GE, LT, LE,
    /** {@code LIKE 'abc%'}, rendered as {@code startswith(col,'abc')} for Graph. */
    STARTS_WITH,
    /** {@code IS NULL} / {@code IS NOT NULL}, rendered as {@code eq null} / {@code ne null}. */
    NULL_CHECK,
    /** {@code LIKE '%abc%'}: a substring match (EWS {@code Contains ContainmentMode="Substring"}). */
    CONTAINS;

    /** Equality, inequality and ordering: what most scalar Graph properties accept. */
    public static final java.util.Set<FilterOp> COMPARABLE =
            java.util.Collections.unmodifiableSet(java.util.EnumSet.of(EQ, NE, GT, GE, LT, LE));
    /** Equality and inequality only. */
    public static final java.util.Set<FilterOp> EQUALITY =
            java.util.Collections.unmodifiableSet(java.util.EnumSet.of(EQ, NE));
}
