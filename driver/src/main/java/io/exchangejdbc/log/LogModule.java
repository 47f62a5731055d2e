package io.exchangejdbc.log;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A part of the driver whose messages the {@code LogModules} connection property can select; each
 * is also the last segment of the SLF4J logger the messages are forwarded to
 * ({@code io.exchangejdbc.http}).
 */
public enum LogModule {
    /** Connections, statements and result sets. */
    JDBC,
    /** Sign-in and tokens. */
    AUTH,
    /** HTTP requests and responses. */
    HTTP,
    /** Microsoft Graph queries and paging. */
    GRAPH,
    /** Exchange Web Services operations. */
    EWS,
    /** Query planning. */
    CALCITE;

    /** The spelling used in {@code LogModules} and in log lines. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The modules named in a {@code LogModules} value (comma or semicolon separated, any case);
     * all of them when the value is null or blank. Unknown names are ignored, since a log filter
     * that fails a connection would be worse than a log that says a little more.
     */
    public static Set<LogModule> parse(String value) {
        if (value == null || value.isBlank()) {
            return EnumSet.allOf(LogModule.class);
        }
        Set<LogModule> modules = EnumSet.noneOf(LogModule.class);
        for (String part : value.split("[,;]")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            for (LogModule m : values()) {
                if (m.name().equals(name)) {
                    modules.add(m);
                }
            }
        }
        return modules.isEmpty() ? EnumSet.allOf(LogModule.class) : modules;
    }
}
