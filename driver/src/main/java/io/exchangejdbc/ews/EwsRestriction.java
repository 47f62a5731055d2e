package io.exchangejdbc.ews;

import static io.exchangejdbc.ews.EwsNames.TYPES;

import io.exchangejdbc.graph.ODataExpr;
import io.exchangejdbc.graph.Operand;
import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.FilterOp;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders the planner's pushed-down filter (the same {@link ODataExpr} tree the Graph client
 * renders as {@code $filter}) as an EWS search expression: {@code IsEqualTo},
 * {@code IsNotEqualTo}, {@code IsGreaterThan}, {@code IsGreaterThanOrEqualTo},
 * {@code IsLessThan}, {@code IsLessThanOrEqualTo} against a {@code Constant}; {@code Contains}
 * {@code Prefixed} for {@code LIKE 'abc%'} and {@code Substring} for {@code LIKE '%abc%'}
 * (ignoring case, as Exchange compares text); {@code Exists} for {@code IS NOT NULL};
 * {@code And}, {@code Or}, {@code Not}.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/exchange-web-services/how-to-use-search-filters-with-ews-in-exchange">
 *     Use search filters with EWS in Exchange</a>
 */
public final class EwsRestriction {

    private EwsRestriction() {
    }

    /** Writes {@code <m:Restriction>} around the expression, in the given namespace. */
    public static void write(XMLStreamWriter w, String ns, ODataExpr filter,
            Operand.Parameters params) throws XMLStreamException {
        w.writeStartElement(ns, "Restriction");
        expression(w, filter, params);
        w.writeEndElement();
    }

    /** Writes one search expression. */
    static void expression(XMLStreamWriter w, ODataExpr e, Operand.Parameters params)
            throws XMLStreamException {
        if (e instanceof ODataExpr.And a) {
            group(w, "And", a.operands(), params);
        } else if (e instanceof ODataExpr.Or o) {
            group(w, "Or", o.operands(), params);
        } else if (e instanceof ODataExpr.Not n) {
            w.writeStartElement(TYPES, "Not");
            expression(w, n.operand(), params);
            w.writeEndElement();
        } else if (e instanceof ODataExpr.IsNull n) {
            if (!n.negated()) {
                w.writeStartElement(TYPES, "Not");
            }
            w.writeStartElement(TYPES, "Exists");
            fieldPath(w, n.column());
            w.writeEndElement();
            if (!n.negated()) {
                w.writeEndElement();
            }
        } else if (e instanceof ODataExpr.Compare c) {
            compare(w, c, params);
        } else {
            throw new IllegalArgumentException("cannot render " + e);
        }
    }

    private static void group(XMLStreamWriter w, String name, List<ODataExpr> operands,
            Operand.Parameters params) throws XMLStreamException {
        if (operands.size() == 1) {
            expression(w, operands.get(0), params);
            return;
        }
        w.writeStartElement(TYPES, name);
        for (ODataExpr o : operands) {
            expression(w, o, params);
        }
        w.writeEndElement();
    }

    private static void compare(XMLStreamWriter w, ODataExpr.Compare c,
            Operand.Parameters params) throws XMLStreamException {
        Object value = c.value().resolve(params);
        String text = EwsValues.text(c.column().type(), value);
        if (c.op() == FilterOp.STARTS_WITH || c.op() == FilterOp.CONTAINS) {
            w.writeStartElement(TYPES, "Contains");
            w.writeAttribute("ContainmentMode",
                    c.op() == FilterOp.STARTS_WITH ? "Prefixed" : "Substring");
            w.writeAttribute("ContainmentComparison", "IgnoreCase");
            fieldPath(w, c.column());
            w.writeEmptyElement(TYPES, "Constant");
            w.writeAttribute("Value", text == null ? "" : text);
            w.writeEndElement();
            return;
        }
        w.writeStartElement(TYPES, element(c.op()));
        fieldPath(w, c.column());
        w.writeStartElement(TYPES, "FieldURIOrConstant");
        w.writeEmptyElement(TYPES, "Constant");
        w.writeAttribute("Value", text == null ? "" : text);
        w.writeEndElement();
        w.writeEndElement();
    }

    private static String element(FilterOp op) {
        switch (op) {
            case EQ:
                return "IsEqualTo";
            case NE:
                return "IsNotEqualTo";
            case GT:
                return "IsGreaterThan";
            case GE:
                return "IsGreaterThanOrEqualTo";
            case LT:
                return "IsLessThan";
            case LE:
                return "IsLessThanOrEqualTo";
            default:
                throw new IllegalArgumentException("not a comparison: " + op);
        }
    }

    /** The property path of a column: its FieldURI, indexed when the path names an entry. */
    static void fieldPath(XMLStreamWriter w, ColumnDef column) throws XMLStreamException {
        EwsField f = EwsField.of(column);
        SoapWriter.path(w, f.fieldUri(), f.index());
    }
}
