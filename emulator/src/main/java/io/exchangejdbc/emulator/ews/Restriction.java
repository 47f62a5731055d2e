package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.ews.MessageFields.Kind;
import io.exchangejdbc.emulator.store.Message;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A FindItem {@code m:Restriction} compiled to a predicate over messages: the comparisons
 * ({@code IsEqualTo}, {@code IsNotEqualTo}, {@code IsGreaterThan}, {@code IsGreaterThanOrEqualTo},
 * {@code IsLessThan}, {@code IsLessThanOrEqualTo}), {@code Contains} with its containment mode and
 * comparison, {@code Exists}, and {@code And}, {@code Or}, {@code Not}. String comparisons ignore
 * case, as Exchange's do; a property without a value matches only {@code IsNotEqualTo}.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/exchange-web-services/how-to-use-search-filters-with-ews-in-exchange">Search filters</a>
 */
final class Restriction<T> {

    /**
     * A property restrictions and sorts can use.
     *
     * @param <T> the kind of item
     * @param uri the FieldURI
     * @param since the version that introduced it
     * @param kind how its values compare
     * @param value its value of an item, or null when it has none
     */
    record Prop<T>(String uri, EwsVersion since, Kind kind, Function<T, Object> value) {
    }

    private final Function<String, Optional<Prop<T>>> props;
    private final EwsContext ctx;

    private Restriction(Function<String, Optional<Prop<T>>> props, EwsContext ctx) {
        this.props = props;
        this.ctx = ctx;
    }

    /** The properties of messages that restrictions can use. */
    static Optional<Prop<Message>> messageProp(String uri) {
        return MessageFields.byUri(uri).filter(f -> f.value() != null && f.kind() != Kind.NONE)
                .map(f -> new Prop<Message>(f.uri(), f.since(), f.kind(), f.value()));
    }

    /** Compiles the restriction element (the one holding a single search expression). */
    static Predicate<Message> compile(XmlElement restriction, EwsContext ctx) {
        return compile(restriction, ctx, Restriction::messageProp);
    }

    /** Compiles a restriction over items whose properties {@code props} names. */
    static <T> Predicate<T> compile(XmlElement restriction, EwsContext ctx,
            Function<String, Optional<Prop<T>>> props) {
        if (restriction.children().size() != 1) {
            throw EwsException.schema("Restriction must hold one search expression.");
        }
        return new Restriction<T>(props, ctx).expression(restriction.children().get(0));
    }

    /** Compiles a {@code SortOrder} over items whose properties {@code props} names. */
    static <T> Comparator<T> sortOrder(XmlElement sort, EwsContext ctx,
            Function<String, Optional<Prop<T>>> props) {
        Comparator<T> result = null;
        for (XmlElement fo : sort.children("FieldOrder")) {
            XmlElement path = fo.children().isEmpty() ? null : fo.children().get(0);
            if (path == null || !path.name().equals("FieldURI")) {
                throw EwsException.of("ErrorUnsupportedPathForSortGroup",
                        "The property path cannot be used for sorting.");
            }
            String uri = path.attr("FieldURI");
            Prop<T> f = props.apply(uri).orElseThrow(() -> EwsException.of(
                    "ErrorUnsupportedPathForSortGroup",
                    "The property " + uri + " cannot be used for sorting."));
            ctx.requireVersion(f.since(), uri);
            Comparator<T> c = (a, b) -> {
                Object x = f.value().apply(a);
                Object y = f.value().apply(b);
                if (x == null || y == null) {
                    return x == null ? (y == null ? 0 : -1) : 1;
                }
                return compare(x, y);
            };
            if ("Descending".equals(fo.attr("Order"))) {
                c = c.reversed();
            }
            result = result == null ? c : result.thenComparing(c);
        }
        return result;
    }

    private Predicate<T> expression(XmlElement e) {
        switch (e.name()) {
            case "And":
            case "Or": {
                List<Predicate<T>> parts = new ArrayList<>();
                for (XmlElement c : e.children()) {
                    parts.add(expression(c));
                }
                if (parts.isEmpty()) {
                    throw EwsException.schema(e.name() + " needs search expressions.");
                }
                boolean and = e.name().equals("And");
                return m -> {
                    for (Predicate<T> p : parts) {
                        if (p.test(m) != and) {
                            return !and;
                        }
                    }
                    return and;
                };
            }
            case "Not": {
                if (e.children().size() != 1) {
                    throw EwsException.schema("Not needs one search expression.");
                }
                Predicate<T> inner = expression(e.children().get(0));
                return inner.negate();
            }
            case "Exists": {
                Prop<T> f = field(e);
                return m -> {
                    Object v = f.value().apply(m);
                    return v != null && !(v instanceof String s && s.isEmpty());
                };
            }
            case "Contains":
                return contains(e);
            case "IsEqualTo":
            case "IsNotEqualTo":
            case "IsGreaterThan":
            case "IsGreaterThanOrEqualTo":
            case "IsLessThan":
            case "IsLessThanOrEqualTo":
                return comparison(e);
            default:
                throw EwsException.of("ErrorUnsupportedQueryFilter",
                        "The restriction " + e.name() + " is not supported.");
        }
    }

    private Prop<T> field(XmlElement e) {
        if (e.children().isEmpty()) {
            throw EwsException.schema(e.name() + " needs a property path.");
        }
        XmlElement path = e.children().get(0);
        if (!path.name().equals("FieldURI")) {
            throw EwsException.of("ErrorUnsupportedPathForQuery",
                    "The property path " + path.name() + " cannot be used in a restriction.");
        }
        String uri = path.attr("FieldURI");
        Prop<T> f = props.apply(uri).orElseThrow(() -> EwsException.of(
                "ErrorUnsupportedPathForQuery", "The property " + uri
                        + " cannot be used in a restriction."));
        ctx.requireVersion(f.since(), uri);
        return f;
    }

    private Predicate<T> comparison(XmlElement e) {
        Prop<T> f = field(e);
        XmlElement operand = e.child("FieldURIOrConstant").orElseThrow(() ->
                EwsException.schema(e.name() + " needs a FieldURIOrConstant."));
        XmlElement constant = operand.child("Constant").orElseThrow(() -> EwsException.of(
                "ErrorUnsupportedQueryFilter", "Only constants are supported as operands."));
        Object c = MessageFields.parseConstant(f.kind(), constant.attr("Value", ""));
        String op = e.name();
        return m -> {
            Object v = f.value().apply(m);
            if (v == null) {
                return op.equals("IsNotEqualTo");
            }
            int cmp = compare(v, c);
            switch (op) {
                case "IsEqualTo":
                    return cmp == 0;
                case "IsNotEqualTo":
                    return cmp != 0;
                case "IsGreaterThan":
                    return cmp > 0;
                case "IsGreaterThanOrEqualTo":
                    return cmp >= 0;
                case "IsLessThan":
                    return cmp < 0;
                default:
                    return cmp <= 0;
            }
        };
    }

    /** Compares a property value with a constant of the same kind; strings ignore case. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object v, Object c) {
        if (v instanceof String s) {
            return s.compareToIgnoreCase(String.valueOf(c));
        }
        return ((Comparable) v).compareTo(c);
    }

    private Predicate<T> contains(XmlElement e) {
        Prop<T> f = field(e);
        if (f.kind() != Kind.STRING) {
            throw EwsException.of("ErrorUnsupportedPathForQuery",
                    "Contains applies to string properties only, not " + f.uri() + ".");
        }
        String value = e.child("Constant").map(c -> c.attr("Value", "")).orElseThrow(() ->
                EwsException.schema("Contains needs a Constant."));
        String mode = e.attr("ContainmentMode", "Substring");
        String comparison = e.attr("ContainmentComparison", "Exact");
        boolean ignoreCase = comparison.contains("IgnoreCase") || comparison.startsWith("Loose");
        String needle = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        return m -> {
            Object v = f.value().apply(m);
            if (v == null) {
                return false;
            }
            String hay = ignoreCase ? v.toString().toLowerCase(Locale.ROOT) : v.toString();
            switch (mode) {
                case "FullString":
                    return hay.equals(needle);
                case "Prefixed":
                    return hay.startsWith(needle);
                case "PrefixOnWords":
                    if (hay.startsWith(needle)) {
                        return true;
                    }
                    for (int i = hay.indexOf(needle); i > 0; i = hay.indexOf(needle, i + 1)) {
                        if (!Character.isLetterOrDigit(hay.charAt(i - 1))) {
                            return true;
                        }
                    }
                    return false;
                default:
                    return hay.contains(needle);
            }
        };
    }
}
