package io.exchangejdbc.emulator.graph.odata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A parsed {@code $orderby}: property paths each ascending or descending, and the comparator
 * that sorts instances by them (text ignoring case, null first when ascending).
 */
public final class OrderBy {

    /**
     * One sort key.
     *
     * @param path the resolved property path
     * @param descending whether the order is descending
     */
    public record Key(ResolvedPath path, boolean descending) {
    }

    private final List<Key> keys;

    private OrderBy(List<Key> keys) {
        this.keys = Collections.unmodifiableList(keys);
    }

    /**
     * Parses {@code prop [asc|desc], ...} against a type.
     *
     * @throws ODataException if it is malformed or names no sortable property
     */
    public static OrderBy parse(String text, StructuredType type) {
        List<Key> keys = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String[] words = item.trim().split("\\s+");
            if (words.length == 0 || words[0].isEmpty() || words.length > 2) {
                throw new ODataException(ODataException.BAD_REQUEST,
                        "Invalid $orderby clause: syntax error in '" + text + "'.");
            }
            boolean desc = false;
            if (words.length == 2) {
                String dir = words[1].toLowerCase(Locale.ROOT);
                if (!dir.equals("asc") && !dir.equals("desc")) {
                    throw new ODataException(ODataException.BAD_REQUEST,
                            "Invalid $orderby clause: syntax error in '" + text + "'.");
                }
                desc = dir.equals("desc");
            }
            ResolvedPath path = ResolvedPath.resolve(type, words[0]);
            if (!path.type().isSingleValue()) {
                throw new ODataException(ODataException.BAD_REQUEST, "The $orderby expression "
                        + "must evaluate to a single value of primitive type.");
            }
            keys.add(new Key(path, desc));
        }
        return new OrderBy(keys);
    }

    /** Returns the sort keys in order. */
    public List<Key> keys() {
        return keys;
    }

    /** Returns the canonical paths of the keys, e.g. {@code [receivedDateTime, subject]}. */
    public List<String> paths() {
        List<String> out = new ArrayList<>();
        for (Key k : keys) {
            out.add(k.path().canonical());
        }
        return out;
    }

    /** Returns the comparator of instances. */
    public Comparator<Object> comparator() {
        return (a, b) -> {
            for (Key k : keys) {
                int c = Values.compareNullsFirst(k.path().read(a), k.path().read(b));
                if (c != 0) {
                    return k.descending() ? -c : c;
                }
            }
            return 0;
        };
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Key k : keys) {
            sb.append(sb.length() == 0 ? "" : ",").append(k.path().canonical())
                    .append(k.descending() ? " desc" : "");
        }
        return sb.toString();
    }
}
