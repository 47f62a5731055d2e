package io.exchangejdbc.emulator.graph;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.emulator.graph.odata.StructuredType;
import java.util.function.Function;

/**
 * How Graph writes the instances of one entity type: the type's properties plus the annotations
 * and selection habits of the service behind it. Outlook items carry an {@code @odata.etag} and
 * always include their {@code id}; directory objects include only what was selected, in the
 * order selected.
 *
 * @param type the entity type
 * @param etag the etag of an instance, or null if the type has none
 * @param idAlwaysIncluded whether {@code id} is written even when not selected
 * @param selectOrder whether selected properties are written in the order asked
 * @param odataType the {@code @odata.type} annotation written on each instance, or null
 */
record EntityModel(StructuredType type, Function<Object, String> etag, boolean idAlwaysIncluded,
        boolean selectOrder, String odataType) {

    EntityModel {
        requireNonNull(type, "type");
    }
}
