package io.exchangejdbc.emulator.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import io.exchangejdbc.emulator.graph.odata.EdmType;
import io.exchangejdbc.emulator.graph.odata.PropertyDef;
import io.exchangejdbc.emulator.graph.odata.Select;
import io.exchangejdbc.emulator.graph.odata.StructuredType;
import io.exchangejdbc.emulator.graph.odata.ValueContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes entities as Graph's JSON straight to a streaming generator, from the type declarations:
 * annotations first, then the default or selected properties, with values typed as the CSDL
 * says (instants as {@code 2026-11-03T10:15:00Z}, binaries as base64, enumerations as their
 * member names).
 */
final class EntityWriter {

    private EntityWriter() {
    }

    /** Returns the properties written for a selection (null = none given). */
    static List<PropertyDef> properties(EntityModel model, Select select) {
        StructuredType type = model.type();
        if (select == null) {
            return type.defaultProperties();
        }
        if (select.all() || model.selectOrder()) {
            return select.properties();
        }
        List<PropertyDef> out = new ArrayList<>();
        for (PropertyDef p : type.properties()) {
            if (select.contains(p) || (model.idAlwaysIncluded() && p.name().equals("id"))) {
                out.add(p);
            }
        }
        return out;
    }

    /** Writes one entity as an object, with any extra fields the writer adds at its end. */
    static void write(JsonGenerator g, EntityModel model, Object entity,
            List<PropertyDef> properties, ValueContext ctx, Extra extra) throws IOException {
        g.writeStartObject();
        writeFields(g, model, entity, properties, ctx);
        if (extra != null) {
            extra.write(g);
        }
        g.writeEndObject();
    }

    /** Writes the fields of an entity into an object already started. */
    static void writeFields(JsonGenerator g, EntityModel model, Object entity,
            List<PropertyDef> properties, ValueContext ctx) throws IOException {
        if (model.odataType() != null) {
            g.writeStringField("@odata.type", model.odataType());
        }
        if (model.etag() != null) {
            g.writeStringField("@odata.etag", model.etag().apply(entity));
        }
        for (PropertyDef p : properties) {
            g.writeFieldName(p.name());
            writeValue(g, p.type(), p.get(entity, ctx), ctx);
        }
    }

    /** Writes a value of the given type. */
    static void writeValue(JsonGenerator g, EdmType type, Object v, ValueContext ctx)
            throws IOException {
        if (v == null) {
            g.writeNull();
            return;
        }
        switch (type.kind()) {
            case BOOLEAN:
                g.writeBoolean((Boolean) v);
                break;
            case INT32:
            case INT64:
                g.writeNumber(((Number) v).longValue());
                break;
            case DOUBLE:
                g.writeNumber(((Number) v).doubleValue());
                break;
            case DECIMAL:
                g.writeNumber(v instanceof BigDecimal ? (BigDecimal) v
                        : new BigDecimal(v.toString()));
                break;
            case DATETIMEOFFSET:
                g.writeString(DateTimeFormatter.ISO_INSTANT.format((Instant) v));
                break;
            case BINARY:
                g.writeBinary((byte[]) v);
                break;
            case COMPLEX:
                StructuredType s = type.structure();
                g.writeStartObject();
                for (PropertyDef p : s.properties()) {
                    Object pv = p.get(v, ctx);
                    if (pv == null && s.omitsNulls()) {
                        continue;
                    }
                    g.writeFieldName(p.name());
                    writeValue(g, p.type(), pv, ctx);
                }
                g.writeEndObject();
                break;
            case COLLECTION:
                g.writeStartArray();
                for (Object e : (Collection<?>) v) {
                    writeValue(g, type.element(), e, ctx);
                }
                g.writeEndArray();
                break;
            default:
                g.writeString(v.toString());
        }
    }

    /** Fields a caller appends to an entity, such as expanded navigation properties. */
    @FunctionalInterface
    interface Extra {
        void write(JsonGenerator g) throws IOException;
    }
}
