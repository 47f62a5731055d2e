package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.ews.MessageFields.Field;
import io.exchangejdbc.emulator.ews.MessageFields.Kind;
import io.exchangejdbc.emulator.store.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
final class Restriction {

    private Restriction() {
    }

    /** Compiles the restriction element (the one holding a single search expression). */
    static Predicate<Message> compile(XmlElement restriction, EwsContext ctx) {
        if (restriction.children().size() != 1) {
            throw EwsException.schema("Restriction must hold one search expression.");
        }
        return expression(restriction.children().get(0), ctx);
    }

    private static Predicate<Message> expression(XmlElement e, EwsContext ctx) {
        switch (e.name()) {
            case "And":
            case "Or": {
                List<Predicate<Message>> parts = new ArrayList<>();
                for (XmlElement c : e.children()) {
                    parts.add(expression(c, ctx));
                }
                if (parts.isEmpty()) {
                    throw EwsException.schema(e.name() + " needs search expressions.");
                }
                boolean and = e.name().equals("And");
                return m -> {
                    for (Predicate<Message> p : parts) {
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
                Predicate<Message> inner = expression(e.children().get(0), ctx);
                return inner.negate();
            }
            case "Exists": {
                Field f = field(e, ctx);
                return m -> {
                    Object v = f.value().apply(m);
                    return v != null && !(v instanceof String s && s.isEmpty());
                };
            }
            case "Contains":
                return contains(e, ctx);
            case "IsEqualTo":
            case "IsNotEqualTo":
            case "IsGreaterThan":
            case "IsGreaterThanOrEqualTo":
            case "IsLessThan":
            case "IsLessThanOrEqualTo":
                return comparison(e, ctx);
            default:
                throw EwsException.of("ErrorUnsupportedQueryFilter",
                        "The restriction " + e.name() + " is not supported.");
        }
    }

    private static Field field(XmlElement e, EwsContext ctx) {
        if (e.children().isEmpty()) {
            throw EwsException.schema(e.name() + " needs a property path.");
        }
        XmlElement path = e.children().get(0);
        if (!path.name().equals("FieldURI")) {
            throw EwsException.of("ErrorUnsupportedPathForQuery",
                    "The property path " + path.name() + " cannot be used in a restriction.");
        }
        String uri = path.attr("FieldURI");
        Field f = MessageFields.byUri(uri).orElseThrow(() -> EwsException.of(
                "ErrorUnsupportedPathForQuery", "The property " + uri
                        + " cannot be used in a restriction."));
        ctx.requireVersion(f.since(), uri);
        if (f.value() == null || f.kind() == Kind.NONE) {
            throw EwsException.of("ErrorUnsupportedPathForQuery",
                    "The property " + uri + " cannot be used in a restriction.");
        }
        return f;
    }

    private static Predicate<Message> comparison(XmlElement e, EwsContext ctx) {
        Field f = field(e, ctx);
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

    private static Predicate<Message> contains(XmlElement e, EwsContext ctx) {
        Field f = field(e, ctx);
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
