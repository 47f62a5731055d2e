package io.exchangejdbc.procedure;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.schema.ColumnType;
import io.exchangejdbc.schema.ProcedureDef;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the procedure calls of one connection: finds the procedure, binds the call's arguments to
 * its declared parameters (by name or position, converting to the declared types), checks that
 * nothing is missing or unknown before anything reaches the service, and runs it.
 */
public final class ProcedureRunner {

    /** SQLState of a call that names no procedure, an unknown parameter or misses one. */
    static final String BAD_CALL = "42000";

    private final Map<String, Procedure> procedures = new LinkedHashMap<>();
    private final ProcedureContext context;

    public ProcedureRunner(List<Procedure> procedures, ProcedureContext context) {
        for (Procedure p : procedures) {
            this.procedures.put(p.def().name().toUpperCase(Locale.ROOT), p);
        }
        this.context = requireNonNull(context, "context");
    }

    /** The procedures this connection offers, in declaration order. */
    public List<ProcedureDef> definitions() {
        List<ProcedureDef> defs = new ArrayList<>();
        for (Procedure p : procedures.values()) {
            defs.add(p.def());
        }
        return defs;
    }

    /**
     * Runs a call.
     *
     * @param markerValues the values bound to the call's {@code ?} markers, in order
     */
    public ProcedureResult run(ProcedureCall call, List<Object> markerValues)
            throws SQLException {
        Procedure procedure = procedures.get(call.name().toUpperCase(Locale.ROOT));
        if (procedure == null) {
            throw new SQLSyntaxErrorException("Unknown procedure '" + call.name()
                    + "'. The procedures are: " + String.join(", ", names()) + ".", BAD_CALL);
        }
        ProcedureDef def = procedure.def();
        Map<String, Object> args = bind(def, call, markerValues);
        return new ProcedureResult(def.results(), procedure.run(context, args));
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        for (Procedure p : procedures.values()) {
            names.add(p.def().name());
        }
        return names;
    }

    static Map<String, Object> bind(ProcedureDef def, ProcedureCall call,
            List<Object> markerValues) throws SQLException {
        Map<String, Object> given = new LinkedHashMap<>();
        Iterator<Object> markers = markerValues.iterator();
        int position = 0;
        for (ProcedureCall.Argument a : call.arguments()) {
            ProcedureDef.Parameter p;
            if (a.name() != null) {
                p = def.parameter(a.name());
                if (p == null) {
                    throw new SQLSyntaxErrorException("Procedure " + def.name()
                            + " has no parameter '" + a.name() + "'. Its parameters are: "
                            + parameterList(def) + ".", BAD_CALL);
                }
            } else {
                if (position >= def.parameters().size()) {
                    throw new SQLSyntaxErrorException("Procedure " + def.name() + " takes "
                            + def.parameters().size() + " parameters (" + parameterList(def)
                            + "); the call gives more.", BAD_CALL);
                }
                p = def.parameters().get(position);
            }
            position++;
            Object value;
            if (a.marker()) {
                if (!markers.hasNext()) {
                    throw new SQLException("No value was bound to the ? of parameter " + p.name()
                            + " of " + def.name() + ".", "07001");
                }
                value = markers.next();
            } else {
                value = a.value();
            }
            if (given.containsKey(p.name())) {
                throw new SQLSyntaxErrorException("Parameter " + p.name() + " of " + def.name()
                        + " is given twice.", BAD_CALL);
            }
            given.put(p.name(), convert(def, p, value));
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (ProcedureDef.Parameter p : def.parameters()) {
            if (given.containsKey(p.name())) {
                args.put(p.name(), given.get(p.name()));
            } else if (p.required()) {
                throw new SQLSyntaxErrorException("Procedure " + def.name()
                        + " needs parameter " + p.name() + ": " + p.description(), BAD_CALL);
            } else {
                args.put(p.name(), p.defaultValue());
            }
        }
        return args;
    }

    private static String parameterList(ProcedureDef def) {
        List<String> names = new ArrayList<>();
        for (ProcedureDef.Parameter p : def.parameters()) {
            names.add(p.name() + (p.required() ? "" : " (optional)"));
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static Object convert(ProcedureDef def, ProcedureDef.Parameter p, Object value)
            throws SQLException {
        if (value == null) {
            return null;
        }
        try {
            switch (p.type()) {
                case VARCHAR:
                    return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
                case INTEGER:
                    return value instanceof Number n ? toBig(n).intValueExact()
                            : new BigDecimal(value.toString().strip()).intValueExact();
                case BIGINT:
                    return value instanceof Number n ? toBig(n).longValueExact()
                            : new BigDecimal(value.toString().strip()).longValueExact();
                case DOUBLE:
                    return value instanceof Number n ? n.doubleValue()
                            : Double.parseDouble(value.toString().strip());
                case BOOLEAN:
                    if (value instanceof Boolean b) {
                        return b;
                    }
                    String s = value.toString().strip();
                    if (s.equalsIgnoreCase("true") || s.equals("1")) {
                        return true;
                    }
                    if (s.equalsIgnoreCase("false") || s.equals("0")) {
                        return false;
                    }
                    throw new IllegalArgumentException("not a boolean");
                default:
                    return value;
            }
        } catch (RuntimeException e) {
            throw new SQLException("Parameter " + p.name() + " of " + def.name() + " must be "
                    + describe(p.type()) + "; got '" + value + "'.", "22018", e);
        }
    }

    private static BigDecimal toBig(Number n) {
        return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    }

    private static String describe(ColumnType type) {
        switch (type) {
            case INTEGER:
            case BIGINT:
                return "a whole number";
            case DOUBLE:
                return "a number";
            case BOOLEAN:
                return "TRUE or FALSE";
            default:
                return "a value of type " + type;
        }
    }
}
