package io.exchangejdbc.procedure;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A recipient list as procedures take it, {@code a@contoso.com; Ann Lee <ann@contoso.com>}, and
 * as Graph takes it, an array of {@code recipient} objects.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/recipient">recipient</a>
 */
final class Recipients {

    /** One recipient. */
    record Address(String name, String address) {
    }

    private Recipients() {
    }

    /**
     * Parses a list; null or blank gives an empty list.
     *
     * @throws SQLException 22023 naming the parameter when an entry is not an address
     */
    static List<Address> parse(String list, String parameter) throws SQLException {
        List<Address> out = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return out;
        }
        for (String raw : list.split(";")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String name = null;
            String address = entry;
            int lt = entry.lastIndexOf('<');
            if (lt >= 0 && entry.endsWith(">")) {
                name = entry.substring(0, lt).strip();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                }
                address = entry.substring(lt + 1, entry.length() - 1).strip();
            }
            int at = address.indexOf('@');
            if (at <= 0 || at == address.length() - 1 || address.contains(" ")) {
                throw new SQLException(parameter + " holds '" + entry + "', which is not an email"
                        + " address; give addresses separated by ';', each 'address' or"
                        + " 'Name <address>'.", "22023");
            }
            out.add(new Address(name == null || name.isEmpty() ? null : name, address));
        }
        return out;
    }

    /** Writes a field holding the list as Graph's {@code recipient} array. */
    static void write(JsonGenerator g, String field, List<Address> list) throws IOException {
        g.writeArrayFieldStart(field);
        for (Address a : list) {
            g.writeStartObject();
            g.writeObjectFieldStart("emailAddress");
            if (a.name() != null) {
                g.writeStringField("name", a.name());
            }
            g.writeStringField("address", a.address());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
