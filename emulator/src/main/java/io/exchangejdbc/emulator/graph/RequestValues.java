package io.exchangejdbc.emulator.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The values of a write request's JSON body as Graph converts them to a property's type, and
 * the error Graph answers when a value does not convert ({@code 400 RequestBodyRead}).
 */
final class RequestValues {

    private RequestValues() {
    }

    /** Graph's answer to a value that is not of its property's type. */
    static GraphError invalid(String property, Object value) {
        return new GraphError(400, "RequestBodyRead", "Cannot convert the literal '" + value
                + "' to the expected type of property '" + property + "'.");
    }

    /** A string property; null stays null. */
    static String string(String property, Object value) {
        if (value != null && !(value instanceof String)) {
            throw invalid(property, value);
        }
        return (String) value;
    }

    /** A string property that must be given. */
    static String text(String property, Object value) {
        if (!(value instanceof String s)) {
            throw invalid(property, value);
        }
        return s;
    }

    /** A boolean property that must be given. */
    static boolean bool(String property, Object value) {
        if (!(value instanceof Boolean b)) {
            throw invalid(property, value);
        }
        return b;
    }

    /** A collection of strings; null is empty. */
    static List<String> strings(String property, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw invalid(property, value);
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw invalid(property, o);
            }
            out.add(s);
        }
        return out;
    }

    /** A complex property. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String property, Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            throw invalid(property, value);
        }
        return (Map<String, Object>) m;
    }

    /** Whether a string is missing or blank. */
    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
