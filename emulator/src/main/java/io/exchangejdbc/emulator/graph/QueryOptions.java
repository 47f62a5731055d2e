package io.exchangejdbc.emulator.graph;

import io.exchangejdbc.emulator.graph.odata.CompiledFilter;
import io.exchangejdbc.emulator.graph.odata.OrderBy;
import io.exchangejdbc.emulator.graph.odata.Select;
import io.exchangejdbc.emulator.graph.odata.StructuredType;
import io.exchangejdbc.emulator.http.Request;
import java.util.Locale;
import java.util.Set;

/**
 * The OData system query options of a Graph request ({@code $select}, {@code $filter},
 * {@code $orderby}, {@code $top}, {@code $skip}, {@code $skiptoken}, {@code $count},
 * {@code $search}, {@code $expand}), parsed and checked against the entity type.
 *
 * @see <a href="https://learn.microsoft.com/graph/query-parameters">Query parameters</a>
 */
final class QueryOptions {

    private static final Set<String> KNOWN = Set.of("$select", "$filter", "$orderby", "$top",
            "$skip", "$skiptoken", "$count", "$search", "$expand", "$format");

    final Select select;
    final CompiledFilter filter;
    final String filterText;
    final OrderBy orderBy;
    final String orderByText;
    final Integer top;
    final Integer skip;
    final String skipToken;
    final boolean count;
    final String search;
    final String expand;

    private QueryOptions(Request request, StructuredType type) {
        for (String name : request.query().keySet()) {
            if (name.startsWith("$") && !KNOWN.contains(name.toLowerCase(Locale.ROOT))) {
                throw GraphError.badRequest("The query parameter '" + name
                        + "' is not supported.");
            }
        }
        String s = request.queryParam("$select");
        select = s == null ? null : Select.parse(s, type);
        filterText = request.queryParam("$filter");
        filter = filterText == null ? null : CompiledFilter.compile(filterText, type);
        orderByText = request.queryParam("$orderby");
        orderBy = orderByText == null ? null : OrderBy.parse(orderByText, type);
        top = nonNegative(request.queryParam("$top"), "$top");
        skip = nonNegative(request.queryParam("$skip"), "$skip");
        skipToken = request.queryParam("$skiptoken");
        String c = request.queryParam("$count");
        if (c == null || c.equalsIgnoreCase("false")) {
            count = false;
        } else if (c.equalsIgnoreCase("true")) {
            count = true;
        } else {
            throw GraphError.badRequest("Invalid value '" + c + "' for $count query option "
                    + "found. Valid values are 'true' and 'false'.");
        }
        search = request.queryParam("$search");
        expand = request.queryParam("$expand");
    }

    /** Parses the options of a request against a type. */
    static QueryOptions parse(Request request, StructuredType type) {
        return new QueryOptions(request, type);
    }

    /** Tells whether any option that shapes a collection is present. */
    boolean shapesCollection() {
        return filter != null || orderBy != null || search != null;
    }

    private static Integer nonNegative(String v, String option) {
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the error Graph gives
        }
        throw GraphError.badRequest("Invalid value '" + v + "' for " + option + " query option "
                + "found. The " + option + " query option requires a non-negative integer "
                + "value.");
    }

    @Override
    public String toString() {
        return "$select=" + select + " $filter=" + filterText + " $orderby=" + orderByText
                + " $top=" + top + " $skip=" + skip;
    }
}
