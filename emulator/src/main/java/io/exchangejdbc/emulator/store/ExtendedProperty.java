package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

/**
 * A single-value extended (MAPI) property of an item: its id in Graph's form, such as
 * {@code String {66f5a359-4659-4830-9070-00040ec6ac6e} Name Color}, and its value as text.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/singlevaluelegacyextendedproperty">
 *     singleValueLegacyExtendedProperty</a>
 */
public record ExtendedProperty(String id, String value) {

    /** Checks the id. */
    public ExtendedProperty {
        requireNonNull(id, "id");
    }
}
