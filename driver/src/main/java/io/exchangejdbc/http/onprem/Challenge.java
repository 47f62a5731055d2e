package io.exchangejdbc.http.onprem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One challenge of a {@code WWW-Authenticate} or {@code Proxy-Authenticate} header (RFC 9110
 * section 11.6.1): a scheme followed by either a token (NTLM, Negotiate) or parameters (Digest).
 *
 * @param scheme the scheme as the server spells it
 * @param token  the token68 after the scheme, or null
 * @param params the parameters by name, any letter case
 */
record Challenge(String scheme, String token, Map<String, String> params) {

    /** Whether this challenge is of the named scheme (any letter case). */
    boolean is(String name) {
        return scheme.equalsIgnoreCase(name);
    }

    /** A parameter's value, or null. */
    String param(String name) {
        return params.get(name);
    }

    /** Every challenge of the given header values, in order. */
    static List<Challenge> parseAll(List<String> headerValues) {
        List<Challenge> out = new ArrayList<>();
        if (headerValues != null) {
            for (String v : headerValues) {
                out.addAll(parse(v));
            }
        }
        return out;
    }

    /** The challenges of one header value (a value may hold several, separated by commas). */
    static List<Challenge> parse(String value) {
        List<Challenge> out = new ArrayList<>();
        Cursor c = new Cursor(value == null ? "" : value);
        while (true) {
            c.skipSeparators();
            if (c.atEnd()) {
                return out;
            }
            String scheme = c.token();
            if (scheme.isEmpty()) {
                c.pos++;
                continue;
            }
            c.skipSpaces();
            Map<String, String> params = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            String token = null;
            int mark = c.pos;
            String first = c.token68();
            c.skipSpaces();
            if (!first.isEmpty() && (c.atEnd() || c.peek() == ',')) {
                token = first;
            } else {
                c.pos = mark;
                while (!c.atEnd()) {
                    c.skipSpaces();
                    int before = c.pos;
                    String name = c.token();
                    c.skipSpaces();
                    if (name.isEmpty() || c.atEnd() || c.peek() != '=') {
                        c.pos = before;
                        break;
                    }
                    c.pos++;
                    c.skipSpaces();
                    params.put(name, c.value());
                    c.skipSpaces();
                    if (!c.atEnd() && c.peek() == ',') {
                        int save = c.pos;
                        c.pos++;
                        c.skipSpaces();
                        int startNext = c.pos;
                        c.token();
                        c.skipSpaces();
                        boolean param = !c.atEnd() && c.peek() == '=';
                        c.pos = param ? startNext : save;
                        if (!param) {
                            break;
                        }
                    }
                }
            }
            out.add(new Challenge(scheme, token, Collections.unmodifiableMap(params)));
        }
    }

    @Override
    public String toString() {
        return scheme;
    }

    private static final class Cursor {
        final String s;
        int pos;

        Cursor(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        char peek() {
            return s.charAt(pos);
        }

        void skipSpaces() {
            while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
                pos++;
            }
        }

        void skipSeparators() {
            while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == ',')) {
                pos++;
            }
        }

        String token() {
            int start = pos;
            while (!atEnd() && "()<>@,;:\\\"/[]?={} \t".indexOf(peek()) < 0) {
                pos++;
            }
            return s.substring(start, pos);
        }

        String token68() {
            int start = pos;
            while (!atEnd() && (Character.isLetterOrDigit(peek()) || "-._~+/".indexOf(peek()) >= 0)) {
                pos++;
            }
            while (!atEnd() && peek() == '=') {
                pos++;
            }
            return s.substring(start, pos);
        }

        String value() {
            if (!atEnd() && peek() == '"') {
                pos++;
                StringBuilder sb = new StringBuilder();
                while (!atEnd() && peek() != '"') {
                    if (peek() == '\\' && pos + 1 < s.length()) {
                        pos++;
                    }
                    sb.append(peek());
                    pos++;
                }
                if (!atEnd()) {
                    pos++;
                }
                return sb.toString();
            }
            return token();
        }
    }

    /** The scheme names of the challenges, for messages: {@code Basic, NTLM}. */
    static String names(List<Challenge> challenges) {
        List<String> names = new ArrayList<>();
        for (Challenge ch : challenges) {
            if (!names.stream().anyMatch(n -> n.equalsIgnoreCase(ch.scheme()))) {
                names.add(ch.scheme());
            }
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
