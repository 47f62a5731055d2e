package io.exchangejdbc.emulator.graph;

import io.exchangejdbc.emulator.http.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code Prefer} header preferences Graph's Outlook resources honour: body format, id type
 * and page size. Unknown preferences are ignored, as HTTP asks.
 *
 * @param bodyAsText {@code outlook.body-content-type="text"}
 * @param immutableIds {@code IdType="ImmutableId"}
 * @param maxPageSize {@code odata.maxpagesize=N}, or null
 */
record Preferences(boolean bodyAsText, boolean immutableIds, Integer maxPageSize) {

    /** Reads the preferences of a request. */
    static Preferences of(Request request) {
        boolean text = false;
        boolean immutable = false;
        Integer pageSize = null;
        for (String header : request.headerValues("Prefer")) {
            for (String item : header.split(",")) {
                int eq = item.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                String value = item.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                switch (key) {
                    case "outlook.body-content-type" -> text = value.equalsIgnoreCase("text");
                    case "idtype" -> immutable = value.equalsIgnoreCase("ImmutableId");
                    case "odata.maxpagesize" -> {
                        try {
                            pageSize = Math.max(1, Integer.parseInt(value));
                        } catch (NumberFormatException e) {
                            pageSize = null;
                        }
                    }
                    default -> {
                        // not a preference this service applies
                    }
                }
            }
        }
        return new Preferences(text, immutable, pageSize);
    }

    /** Returns the {@code Preference-Applied} value for what was applied, or null. */
    String applied(boolean pageSizeApplied) {
        List<String> out = new ArrayList<>();
        if (bodyAsText) {
            out.add("outlook.body-content-type=\"text\"");
        }
        if (immutableIds) {
            out.add("IdType=\"ImmutableId\"");
        }
        if (pageSizeApplied && maxPageSize != null) {
            out.add("odata.maxpagesize=" + maxPageSize);
        }
        return out.isEmpty() ? null : String.join(", ", out);
    }
}
