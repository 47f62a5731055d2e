package io.exchangejdbc.emulator.graph.odata;

import static java.util.Objects.requireNonNull;

/**
 * A property of a structured type: its name as the CSDL spells it, its type, how to read it from
 * the Java object that represents an instance, and whether Graph returns it without
 * {@code $select}.
 */
public final class PropertyDef {

    /** Reads a property's value from an instance. */
    @FunctionalInterface
    public interface Getter {
        /** Returns the value (String, Boolean, Number, Instant, List, a complex value) or null. */
        Object get(Object instance, ValueContext context);
    }

    private final String name;
    private final EdmType type;
    private final Getter getter;
    private final boolean byDefault;

    PropertyDef(String name, EdmType type, Getter getter, boolean byDefault) {
        this.name = requireNonNull(name, "name");
        this.type = requireNonNull(type, "type");
        this.getter = requireNonNull(getter, "getter");
        this.byDefault = byDefault;
    }

    /** Returns the name. */
    public String name() {
        return name;
    }

    /** Returns the type. */
    public EdmType type() {
        return type;
    }

    /** Tells whether the property is returned when no {@code $select} is given. */
    public boolean byDefault() {
        return byDefault;
    }

    /** Reads the property of an instance. */
    public Object get(Object instance, ValueContext context) {
        return getter.get(instance, context);
    }

    @Override
    public String toString() {
        return name + ": " + type;
    }
}
