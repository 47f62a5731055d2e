package io.exchangejdbc.emulator.graph.odata;

import java.util.List;

/**
 * A node of a parsed {@code $filter} expression, before it is checked against a type. The
 * {@code toString()} of every node is a fully parenthesized rendering, which shows how the parser
 * grouped the operators.
 */
public sealed interface FilterNode {

    /** A comparison operator with the name OData gives it in error messages. */
    enum CompareOp {
        EQ("eq", "Equal"), NE("ne", "NotEqual"), GT("gt", "GreaterThan"),
        GE("ge", "GreaterThanOrEqual"), LT("lt", "LessThan"), LE("le", "LessThanOrEqual");

        private final String token;
        private final String kindName;

        CompareOp(String token, String kindName) {
            this.token = token;
            this.kindName = kindName;
        }

        /** Returns the operator as written in a filter, e.g. {@code ge}. */
        public String token() {
            return token;
        }

        /** Returns the OData operator kind, e.g. {@code GreaterThanOrEqual}. */
        public String kindName() {
            return kindName;
        }

        static CompareOp fromToken(String token) {
            for (CompareOp op : values()) {
                if (op.token.equals(token)) {
                    return op;
                }
            }
            return null;
        }
    }

    /**
     * A literal value: String (strings, GUIDs, enumeration members), Boolean, Long, Double or
     * BigDecimal, Instant, LocalDate, or null.
     *
     * @param value the value
     * @param type the literal's type
     */
    record Literal(Object value, EdmType type) implements FilterNode {
        @Override
        public String toString() {
            return type == EdmType.STRING ? "'" + String.valueOf(value).replace("'", "''") + "'"
                    : String.valueOf(value);
        }
    }

    /**
     * A property path such as {@code from/emailAddress/address}; inside a lambda the first segment
     * may be the lambda's variable.
     *
     * @param segments the path segments
     */
    record Path(List<String> segments) implements FilterNode {
        /** Copies the segments. */
        public Path {
            segments = List.copyOf(segments);
        }

        @Override
        public String toString() {
            return String.join("/", segments);
        }
    }

    /**
     * A comparison.
     *
     * @param op the operator
     * @param left the left operand
     * @param right the right operand
     */
    record Compare(CompareOp op, FilterNode left, FilterNode right) implements FilterNode {
        @Override
        public String toString() {
            return "(" + left + " " + op.token() + " " + right + ")";
        }
    }

    /**
     * A conjunction.
     *
     * @param left the left operand
     * @param right the right operand
     */
    record And(FilterNode left, FilterNode right) implements FilterNode {
        @Override
        public String toString() {
            return "(" + left + " and " + right + ")";
        }
    }

    /**
     * A disjunction.
     *
     * @param left the left operand
     * @param right the right operand
     */
    record Or(FilterNode left, FilterNode right) implements FilterNode {
        @Override
        public String toString() {
            return "(" + left + " or " + right + ")";
        }
    }

    /**
     * A negation.
     *
     * @param operand the negated expression
     */
    record Not(FilterNode operand) implements FilterNode {
        @Override
        public String toString() {
            return "(not " + operand + ")";
        }
    }

    /**
     * A function call such as {@code startswith(subject,'x')}.
     *
     * @param function the function name
     * @param args the arguments
     */
    record Call(String function, List<FilterNode> args) implements FilterNode {
        /** Copies the arguments. */
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(function).append('(');
            for (int i = 0; i < args.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(args.get(i));
            }
            return sb.append(')').toString();
        }
    }

    /**
     * A lambda over a collection: {@code toRecipients/any(r: r/emailAddress/address eq 'x')}.
     *
     * @param collection the collection-valued path
     * @param any true for {@code any}, false for {@code all}
     * @param variable the range variable, or null for {@code any()}
     * @param body the condition on each element, or null for {@code any()}
     */
    record Lambda(Path collection, boolean any, String variable, FilterNode body)
            implements FilterNode {
        @Override
        public String toString() {
            return collection + "/" + (any ? "any" : "all") + "("
                    + (variable == null ? "" : variable + ":" + body) + ")";
        }
    }

    /**
     * Membership in a list of literals: {@code importance in ('high','low')}.
     *
     * @param operand the tested expression
     * @param values the literals
     */
    record In(FilterNode operand, List<FilterNode> values) implements FilterNode {
        /** Copies the values. */
        public In {
            values = List.copyOf(values);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("(").append(operand).append(" in (");
            for (int i = 0; i < values.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(values.get(i));
            }
            return sb.append("))").toString();
        }
    }
}
