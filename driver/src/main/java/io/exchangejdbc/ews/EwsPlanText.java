package io.exchangejdbc.ews;

import io.exchangejdbc.graph.GraphQuery;
import io.exchangejdbc.graph.ODataExpr;
import io.exchangejdbc.graph.Operand;
import io.exchangejdbc.graph.SortKey;
import io.exchangejdbc.schema.EwsSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The first request of an EWS scan in one line, for EXPLAIN: the operation, the folder, the
 * pushed filter, sort and limit; parameters of prepared statements show as {@code ?N}.
 */
public final class EwsPlanText {

    private EwsPlanText() {
    }

    /** The description of a planned query. */
    public static String describe(GraphQuery query) {
        EwsSource source = query.table().ews();
        StringBuilder sb = new StringBuilder();
        switch (source.kind()) {
            case FOLDER_ITEMS:
                sb.append("FindItem ").append(source.distinguishedId());
                break;
            case FOLDERS:
                sb.append("FindFolder");
                break;
            case ROOMS:
                sb.append("GetRooms");
                break;
            case ROOM_LISTS:
                sb.append("GetRoomLists");
                break;
            default:
                sb.append("GetItem");
        }
        if (query.filter() != null) {
            sb.append(" Restriction ").append(expr(query.filter()));
        }
        if (!query.orderBy().isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (SortKey k : query.orderBy()) {
                keys.add(EwsField.of(k.column()).fieldUri() + (k.descending() ? " desc" : ""));
            }
            sb.append(" SortOrder ").append(String.join(", ", keys));
        }
        if (query.limit() != null) {
            sb.append(" MaxEntriesReturned ").append(value(query.limit()));
        }
        return sb.toString();
    }

    private static String expr(ODataExpr e) {
        if (e instanceof ODataExpr.Compare c) {
            String field = c.column().path().isEmpty() ? c.column().name()
                    : EwsField.of(c.column()).fieldUri();
            return field + " " + c.op() + " " + value(c.value());
        }
        if (e instanceof ODataExpr.IsNull n) {
            return (n.negated() ? "Exists(" : "NotExists(") + n.column().name() + ")";
        }
        if (e instanceof ODataExpr.Not n) {
            return "Not(" + expr(n.operand()) + ")";
        }
        List<ODataExpr> parts = e instanceof ODataExpr.And a ? a.operands()
                : ((ODataExpr.Or) e).operands();
        List<String> out = new ArrayList<>();
        for (ODataExpr p : parts) {
            out.add(expr(p));
        }
        return (e instanceof ODataExpr.And ? "And(" : "Or(") + String.join(", ", out) + ")";
    }

    private static String value(Operand o) {
        if (o instanceof Operand.Parameter p) {
            return "?" + (p.index() + 1);
        }
        Object v = ((Operand.Literal) o).value();
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }
}
