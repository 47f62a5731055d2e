package io.exchangejdbc.emulator.graph.odata;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An entity or complex type: its qualified name and its properties in the order Graph writes
 * them, each bound to a reader of the Java object representing an instance. Property names are
 * looked up ignoring case, as Graph does in query options.
 */
public final class StructuredType {

    private final String name;
    private final List<PropertyDef> properties;
    private final List<PropertyDef> defaults;
    private final Map<String, PropertyDef> byName;
    private final boolean omitNulls;

    private StructuredType(String name, List<PropertyDef> properties, boolean omitNulls) {
        this.name = name;
        this.omitNulls = omitNulls;
        this.properties = Collections.unmodifiableList(properties);
        List<PropertyDef> d = new ArrayList<>();
        Map<String, PropertyDef> m = new HashMap<>();
        for (PropertyDef p : properties) {
            if (p.byDefault()) {
                d.add(p);
            }
            if (m.put(p.name().toLowerCase(Locale.ROOT), p) != null) {
                throw new IllegalArgumentException("duplicate property " + p.name());
            }
        }
        this.defaults = Collections.unmodifiableList(d);
        this.byName = m;
    }

    /** Starts a type whose instances are of the given class. */
    public static <T> Builder<T> builder(String qualifiedName, Class<T> instanceClass) {
        return new Builder<>(qualifiedName, instanceClass);
    }

    /** Returns the qualified name, e.g. {@code microsoft.graph.message}. */
    public String name() {
        return name;
    }

    /** Returns all properties in output order. */
    public List<PropertyDef> properties() {
        return properties;
    }

    /** Returns the properties returned without {@code $select}, in output order. */
    public List<PropertyDef> defaultProperties() {
        return defaults;
    }

    /** Tells whether properties without a value are left out when an instance is written. */
    public boolean omitsNulls() {
        return omitNulls;
    }

    /** Finds a property by name, ignoring case; returns null if there is none. */
    public PropertyDef property(String propertyName) {
        return byName.get(propertyName.toLowerCase(Locale.ROOT));
    }

    /** Finds a property by name, ignoring case, or fails as Graph does. */
    public PropertyDef require(String propertyName) {
        PropertyDef p = property(propertyName);
        if (p == null) {
            throw ODataException.unknownProperty(propertyName, name);
        }
        return p;
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Builder of structured types.
     *
     * @param <T> the class of the Java objects representing instances
     */
    public static final class Builder<T> {
        private final String name;
        private final Class<T> instanceClass;
        private final List<PropertyDef> properties = new ArrayList<>();
        private boolean omitNulls;

        private Builder(String name, Class<T> instanceClass) {
            this.name = requireNonNull(name, "name");
            this.instanceClass = requireNonNull(instanceClass, "instanceClass");
        }

        /** Adds a property returned by default. */
        public Builder<T> add(String propertyName, EdmType type, Function<T, Object> getter) {
            return add(propertyName, type, true, (t, ctx) -> getter.apply(t));
        }

        /** Adds a property returned only when selected. */
        public Builder<T> addSelectable(String propertyName, EdmType type,
                Function<T, Object> getter) {
            return add(propertyName, type, false, (t, ctx) -> getter.apply(t));
        }

        /** Adds a property whose value depends on the request's presentation wishes. */
        public Builder<T> add(String propertyName, EdmType type, boolean byDefault,
                BiFunction<T, ValueContext, Object> getter) {
            properties.add(new PropertyDef(propertyName, type,
                    (o, ctx) -> getter.apply(instanceClass.cast(o), ctx), byDefault));
            return this;
        }

        /** Leaves properties without a value out of the written instance, as Graph does. */
        public Builder<T> omitNulls() {
            this.omitNulls = true;
            return this;
        }

        /** Builds the type. */
        public StructuredType build() {
            return new StructuredType(name, new ArrayList<>(properties), omitNulls);
        }
    }
}
