package io.exchangejdbc.emulator.graph.odata;

import static java.util.Objects.requireNonNull;

/**
 * A type of the Entity Data Model as the CSDL names it: a primitive ({@code Edm.String}), an
 * enumeration or complex type of {@code microsoft.graph}, or a collection of one of these.
 */
public final class EdmType {

    /** The shape of a type. */
    public enum Kind {
        STRING, BOOLEAN, INT32, INT64, DOUBLE, DECIMAL, DATETIMEOFFSET, DATE, GUID, BINARY,
        ENUM, COMPLEX, COLLECTION, NULL
    }

    /** {@code Edm.String}. */
    public static final EdmType STRING = new EdmType(Kind.STRING, "Edm.String", null, null);
    /** {@code Edm.Boolean}. */
    public static final EdmType BOOLEAN = new EdmType(Kind.BOOLEAN, "Edm.Boolean", null, null);
    /** {@code Edm.Int32}. */
    public static final EdmType INT32 = new EdmType(Kind.INT32, "Edm.Int32", null, null);
    /** {@code Edm.Int64}. */
    public static final EdmType INT64 = new EdmType(Kind.INT64, "Edm.Int64", null, null);
    /** {@code Edm.Double}. */
    public static final EdmType DOUBLE = new EdmType(Kind.DOUBLE, "Edm.Double", null, null);
    /** {@code Edm.Decimal}. */
    public static final EdmType DECIMAL = new EdmType(Kind.DECIMAL, "Edm.Decimal", null, null);
    /** {@code Edm.DateTimeOffset}. */
    public static final EdmType DATETIMEOFFSET = new EdmType(Kind.DATETIMEOFFSET,
            "Edm.DateTimeOffset", null, null);
    /** {@code Edm.Date}. */
    public static final EdmType DATE = new EdmType(Kind.DATE, "Edm.Date", null, null);
    /** {@code Edm.Guid}. */
    public static final EdmType GUID = new EdmType(Kind.GUID, "Edm.Guid", null, null);
    /** {@code Edm.Binary}. */
    public static final EdmType BINARY = new EdmType(Kind.BINARY, "Edm.Binary", null, null);
    /** The type of the {@code null} literal. */
    public static final EdmType NULL = new EdmType(Kind.NULL, "null", null, null);

    private final Kind kind;
    private final String name;
    private final StructuredType structure;
    private final EdmType element;

    private EdmType(Kind kind, String name, StructuredType structure, EdmType element) {
        this.kind = kind;
        this.name = name;
        this.structure = structure;
        this.element = element;
    }

    /** Returns an enumeration type, e.g. {@code microsoft.graph.importance}. */
    public static EdmType enumType(String qualifiedName) {
        return new EdmType(Kind.ENUM, requireNonNull(qualifiedName, "qualifiedName"), null, null);
    }

    /** Returns the complex type with the given structure. */
    public static EdmType complex(StructuredType structure) {
        return new EdmType(Kind.COMPLEX, structure.name(), structure, null);
    }

    /** Returns a collection of the given element type. */
    public static EdmType collection(EdmType element) {
        return new EdmType(Kind.COLLECTION, "Collection(" + element.name + ")", null, element);
    }

    /** Returns the kind. */
    public Kind kind() {
        return kind;
    }

    /** Returns the name as the CSDL writes it, e.g. {@code Collection(Edm.String)}. */
    public String name() {
        return name;
    }

    /** Returns the properties of a complex type, or null. */
    public StructuredType structure() {
        return structure;
    }

    /** Returns the element type of a collection, or null. */
    public EdmType element() {
        return element;
    }

    /** Tells whether values are compared as text (strings, enumeration members, GUIDs). */
    public boolean isTextual() {
        return kind == Kind.STRING || kind == Kind.ENUM || kind == Kind.GUID;
    }

    /** Tells whether the type is numeric. */
    public boolean isNumeric() {
        return kind == Kind.INT32 || kind == Kind.INT64 || kind == Kind.DOUBLE
                || kind == Kind.DECIMAL;
    }

    /** Tells whether the type is a single primitive or enumeration value. */
    public boolean isSingleValue() {
        return kind != Kind.COMPLEX && kind != Kind.COLLECTION;
    }

    @Override
    public String toString() {
        return name;
    }
}
