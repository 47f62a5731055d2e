package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single-value extended properties set on the messages of one mailbox, by message id. Ids
 * are compared without regard to case, as Exchange does.
 */
public final class ExtendedProperties {

    private final Map<String, List<ExtendedProperty>> byItem = new ConcurrentHashMap<>();

    /** Sets a property of an item, replacing one with the same id. */
    public void set(String itemId, ExtendedProperty property) {
        requireNonNull(itemId, "itemId");
        requireNonNull(property, "property");
        byItem.compute(itemId, (k, old) -> {
            List<ExtendedProperty> list = old == null ? new ArrayList<>() : new ArrayList<>(old);
            list.removeIf(p -> p.id().equalsIgnoreCase(property.id()));
            list.add(property);
            return List.copyOf(list);
        });
    }

    /** The properties of an item, empty when it has none. */
    public List<ExtendedProperty> of(String itemId) {
        return byItem.getOrDefault(itemId, List.of());
    }
}
