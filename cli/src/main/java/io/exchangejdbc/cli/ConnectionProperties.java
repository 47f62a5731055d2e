package io.exchangejdbc.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reader of a connection string's {@code Name=Value;} pairs, for what the shell tells the user
 * about a connection (which app, which mailbox). Values may be in single or double quotes, with a
 * doubled quote standing for one. The driver parses and checks the string for real; this reads
 * only what it needs and never prints it whole, since it may hold secrets.
 */
final class ConnectionProperties {

    /** The properties whose values are secrets, never to be printed. */
    static final List<String> SECRET_NAMES = List.of("Password", "OAuthClientSecret",
            "OAuthAccessToken", "OAuthRefreshToken", "OAuthJWTCertPassword", "ProxyPassword",
            "OAuthVerifier");

    /** The JDBC URL prefix of the driver. */
    static final String URL_PREFIX = "jdbc:exchange:";

    private ConnectionProperties() {
    }

    /** The pairs of {@code connectionString}, keyed without regard to case. */
    static Map<String, String> parse(String connectionString) {
        Map<String, String> properties = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String s = withoutPrefix(connectionString);
        int i = 0;
        while (i < s.length()) {
            int eq = s.indexOf('=', i);
            int semi = s.indexOf(';', i);
            if (eq < 0 || (semi >= 0 && semi < eq)) {
                // A name without a value: skip to the next pair.
                i = semi < 0 ? s.length() : semi + 1;
                continue;
            }
            String name = s.substring(i, eq).trim();
            int j = eq + 1;
            while (j < s.length() && s.charAt(j) == ' ') {
                j++;
            }
            StringBuilder value = new StringBuilder();
            if (j < s.length() && (s.charAt(j) == '\'' || s.charAt(j) == '"')) {
                char quote = s.charAt(j++);
                while (j < s.length()) {
                    char c = s.charAt(j++);
                    if (c == quote) {
                        if (j < s.length() && s.charAt(j) == quote) {
                            value.append(quote);
                            j++;
                        } else {
                            break;
                        }
                    } else {
                        value.append(c);
                    }
                }
                int end = s.indexOf(';', j);
                i = end < 0 ? s.length() : end + 1;
            } else {
                int end = s.indexOf(';', j);
                value.append(s, j, end < 0 ? s.length() : end);
                i = end < 0 ? s.length() : end + 1;
            }
            if (!name.isEmpty()) {
                properties.put(name, value.toString().trim());
            }
        }
        return properties;
    }

    /** The values of the secret properties of {@code connectionString}. */
    static List<String> secretValues(String connectionString) {
        Map<String, String> properties = parse(connectionString);
        List<String> values = new ArrayList<>();
        for (String name : SECRET_NAMES) {
            String value = properties.get(name);
            if (value != null && !value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }

    /** {@code connectionString} without a leading {@code jdbc:exchange:}. */
    static String withoutPrefix(String connectionString) {
        String s = connectionString.trim();
        if (s.regionMatches(true, 0, URL_PREFIX, 0, URL_PREFIX.length())) {
            return s.substring(URL_PREFIX.length());
        }
        return s;
    }

    /** The JDBC URL for a connection string given with or without its prefix. */
    static String url(String connectionString) {
        return URL_PREFIX + withoutPrefix(connectionString);
    }

    /** The value of {@code name}, or {@code otherwise} when it is absent or empty. */
    static String get(Map<String, String> properties, String name, String otherwise) {
        String value = properties.get(name);
        return value == null || value.isEmpty() ? otherwise : value;
    }
}
