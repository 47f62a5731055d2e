package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.ews.MessageFields.Field;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code m:ItemShape} of a FindItem or GetItem request: a base shape ({@code IdOnly},
 * {@code Default}, {@code AllProperties}) plus additional FieldURIs, turned into the list of
 * properties to write in schema order.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/itemshape">ItemShape</a>
 */
final class ItemShape {

    private final List<Field> fields;

    private ItemShape(List<Field> fields) {
        this.fields = fields;
    }

    /**
     * Reads a shape; {@code findItem} leaves out what FindItem does not return (bodies and
     * recipient lists).
     */
    static ItemShape of(XmlElement shape, EwsContext ctx, boolean findItem) {
        String base = shape.required("BaseShape").text();
        if (!base.equals("IdOnly") && !base.equals("Default") && !base.equals("AllProperties")) {
            throw EwsException.schema("'" + base + "' is not a BaseShape.");
        }
        Set<String> wanted = new LinkedHashSet<>();
        wanted.add("item:ItemId");
        for (Field f : MessageFields.inOrder()) {
            boolean inBase = base.equals("AllProperties")
                    || (base.equals("Default") && f.inDefault());
            if (inBase && ctx.version().atLeast(f.since())) {
                wanted.add(f.uri());
            }
        }
        shape.child("AdditionalProperties").ifPresent(ap -> {
            for (XmlElement p : ap.children()) {
                if (p.name().equals("FieldURI")) {
                    String uri = p.attr("FieldURI");
                    MessageFields.byUri(uri).ifPresent(f -> {
                        ctx.requireVersion(f.since(), uri);
                        wanted.add(uri);
                    });
                }
            }
        });
        List<Field> out = new ArrayList<>();
        for (Field f : MessageFields.inOrder()) {
            if (wanted.contains(f.uri()) && (!findItem || f.inFindItem())) {
                out.add(f);
            }
        }
        return new ItemShape(out);
    }

    /**
     * Tells whether a shape asks for the item ids alone. Calendar items, tasks and contacts are
     * written with their whole default set as soon as a shape asks for more than the id (a
     * superset of the properties asked for, as the schema allows), since their writers do not
     * pick single properties.
     */
    static boolean idOnly(XmlElement shape) {
        return shape.required("BaseShape").text().equals("IdOnly")
                && shape.child("AdditionalProperties").map(ap -> ap.children().stream()
                        .noneMatch(p -> !"item:ItemId".equals(p.attr("FieldURI"))))
                        .orElse(true);
    }

    /** Returns the properties to write, in schema order. */
    List<Field> fields() {
        return fields;
    }
}
