package io.exchangejdbc.config;

import static java.util.Objects.requireNonNull;

/**
 * The kind of value a connection property takes, which decides how its value is checked when a
 * configuration is built.
 */
public enum PropertyType {
    /** Any text. */
    STRING("string"),
    /** A whole number within the range the property declares. */
    INTEGER("integer"),
    /** {@code true} or {@code false}, in any letter case. */
    BOOLEAN("boolean"),
    /** One of the property's allowed values, in any letter case. */
    ENUM("enumeration"),
    /** The path of a local file; whether it exists is checked when it is used. */
    FILE_PATH("file path"),
    /** An absolute {@code http} or {@code https} URL. */
    URL("URL");

    private final String displayName;

    PropertyType(String displayName) {
        this.displayName = requireNonNull(displayName, "displayName");
    }

    /** The name of the type in the property reference, such as {@code file path}. */
    public String displayName() {
        return displayName;
    }
}
