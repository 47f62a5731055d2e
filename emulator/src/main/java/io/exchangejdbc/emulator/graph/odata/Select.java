package io.exchangejdbc.emulator.graph.odata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A parsed {@code $select}: the properties asked for, in the order asked.
 */
public final class Select {

    private final List<PropertyDef> properties;
    private final boolean all;

    private Select(List<PropertyDef> properties, boolean all) {
        this.properties = Collections.unmodifiableList(properties);
        this.all = all;
    }

    /**
     * Parses a comma-separated list of property names (or {@code *}) against a type.
     *
     * @throws ODataException if a name is not a property of the type
     */
    public static Select parse(String text, StructuredType type) {
        List<PropertyDef> props = new ArrayList<>();
        boolean all = false;
        for (String item : text.split(",", -1)) {
            String name = item.trim();
            if (name.equals("*")) {
                all = true;
                continue;
            }
            if (name.isEmpty()) {
                throw new ODataException(ODataException.BAD_REQUEST,
                        "Invalid $select clause: syntax error in '" + text + "'.");
            }
            if (name.indexOf('/') >= 0) {
                // Graph's mail and directory services select whole properties only.
                throw new ODataException(ODataException.BAD_REQUEST, "Invalid $select clause: "
                        + "selecting a part of property '" + name + "' is not supported.");
            }
            PropertyDef p = type.require(name);
            if (!props.contains(p)) {
                props.add(p);
            }
        }
        return new Select(all ? type.properties() : props, all);
    }

    /** Returns the selected properties in the order asked (all of them for {@code *}). */
    public List<PropertyDef> properties() {
        return properties;
    }

    /** Tells whether {@code *} was asked. */
    public boolean all() {
        return all;
    }

    /** Tells whether the property was selected. */
    public boolean contains(PropertyDef p) {
        return properties.contains(p);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (PropertyDef p : properties) {
            sb.append(sb.length() == 0 ? "" : ",").append(p.name());
        }
        return sb.toString();
    }
}
