package io.exchangejdbc.emulator.graph.odata;

import java.util.ArrayList;
import java.util.List;

/**
 * A property path (such as {@code from/emailAddress/address}) resolved against a structured type:
 * the chain of property readers and the type at its end.
 */
public final class ResolvedPath {

    private final List<PropertyDef> chain;
    private final EdmType type;

    private ResolvedPath(List<PropertyDef> chain, EdmType type) {
        this.chain = chain;
        this.type = type;
    }

    /**
     * Resolves a path of property names against a type.
     *
     * @param root the type of the instance the path starts from
     * @param segments the property names (ignoring case)
     * @param start the type the path starts from if not {@code root} (a lambda variable's), or
     *     null
     * @throws ODataException if a name is not a property where it stands
     */
    static ResolvedPath resolve(StructuredType root, List<String> segments, EdmType start) {
        EdmType current = start == null ? EdmType.complex(root) : start;
        List<PropertyDef> chain = new ArrayList<>();
        for (String seg : segments) {
            if (current.kind() == EdmType.Kind.COLLECTION) {
                throw new ODataException(ODataException.BAD_REQUEST, "The parent value for a "
                        + "property access of a property '" + seg + "' is not a single value. "
                        + "Property access can only be applied to a single value.");
            }
            if (current.kind() != EdmType.Kind.COMPLEX) {
                throw ODataException.unknownProperty(seg, current.name());
            }
            PropertyDef p = current.structure().require(seg);
            chain.add(p);
            current = p.type();
        }
        return new ResolvedPath(List.copyOf(chain), current);
    }

    /** Resolves a path written with slashes against an entity type. */
    public static ResolvedPath resolve(StructuredType root, String path) {
        return resolve(root, List.of(path.trim().split("/", -1)), null);
    }

    /** Returns the type of the value at the end of the path. */
    public EdmType type() {
        return type;
    }

    /** Returns the canonical spelling of the path, e.g. {@code from/emailAddress/address}. */
    public String canonical() {
        StringBuilder sb = new StringBuilder();
        for (PropertyDef p : chain) {
            sb.append(sb.length() == 0 ? "" : "/").append(p.name());
        }
        return sb.toString();
    }

    /** Reads the value at the end of the path, or null if a step on the way is null. */
    public Object read(Object instance) {
        Object v = instance;
        for (PropertyDef p : chain) {
            if (v == null) {
                return null;
            }
            v = p.get(v, ValueContext.DEFAULT);
        }
        return v;
    }
}
