package io.exchangejdbc.emulator.graph.odata;

import io.exchangejdbc.emulator.graph.odata.FilterLexer.Token;
import io.exchangejdbc.emulator.graph.odata.FilterLexer.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser of OData {@code $filter} expressions, with OData's precedence (from
 * loosest): {@code or}, {@code and}, comparisons and {@code in}, {@code not}, then primaries
 * (parentheses, literals, function calls, property paths and {@code any}/{@code all} lambdas).
 * Keywords are lower case, as OData requires.
 */
public final class FilterParser {

    private static final Set<String> FUNCTIONS = Set.of("startswith", "endswith", "contains",
            "tolower", "toupper", "trim", "length", "indexof", "substring", "concat", "year",
            "month", "day", "hour", "minute", "second", "date", "time", "now", "round", "floor",
            "ceiling", "cast", "isof");

    private final String text;
    private final List<Token> tokens;
    private int pos;

    private FilterParser(String text) {
        this.text = text;
        this.tokens = FilterLexer.tokenize(text);
    }

    /**
     * Parses a filter expression.
     *
     * @throws ODataException if it is not a well-formed expression
     */
    public static FilterNode parse(String text) {
        FilterParser p = new FilterParser(text);
        if (p.peek().type() == Type.EOF) {
            throw new ODataException(ODataException.BAD_REQUEST,
                    "Invalid filter clause: the expression is empty.");
        }
        FilterNode node = p.parseOr();
        if (p.peek().type() != Type.EOF) {
            throw FilterLexer.syntax(text, p.peek().pos());
        }
        return node;
    }

    private FilterNode parseOr() {
        FilterNode left = parseAnd();
        while (isKeyword("or")) {
            pos++;
            left = new FilterNode.Or(left, parseAnd());
        }
        return left;
    }

    private FilterNode parseAnd() {
        FilterNode left = parseComparison();
        while (isKeyword("and")) {
            pos++;
            left = new FilterNode.And(left, parseComparison());
        }
        return left;
    }

    private FilterNode parseComparison() {
        FilterNode left = parseUnary();
        Token t = peek();
        if (t.type() == Type.IDENT) {
            FilterNode.CompareOp op = FilterNode.CompareOp.fromToken(t.text());
            if (op != null) {
                pos++;
                return new FilterNode.Compare(op, left, parseUnary());
            }
            if (t.text().equals("in")) {
                pos++;
                return new FilterNode.In(left, parseList());
            }
        }
        return left;
    }

    private List<FilterNode> parseList() {
        expect(Type.LPAREN);
        List<FilterNode> values = new ArrayList<>();
        do {
            FilterNode v = parsePrimary();
            if (!(v instanceof FilterNode.Literal)) {
                throw FilterLexer.syntax(text, tokens.get(pos - 1).pos());
            }
            values.add(v);
        } while (accept(Type.COMMA));
        expect(Type.RPAREN);
        return values;
    }

    private FilterNode parseUnary() {
        if (isKeyword("not")) {
            pos++;
            return new FilterNode.Not(parseUnary());
        }
        return parsePrimary();
    }

    private FilterNode parsePrimary() {
        Token t = next();
        switch (t.type()) {
            case LPAREN:
                FilterNode inner = parseOr();
                expect(Type.RPAREN);
                return inner;
            case STRING:
                return new FilterNode.Literal(t.value(), EdmType.STRING);
            case INTEGER:
                return new FilterNode.Literal(t.value(), EdmType.INT64);
            case DECIMAL:
                return new FilterNode.Literal(t.value(), EdmType.DECIMAL);
            case DATETIME:
                return new FilterNode.Literal(t.value(), EdmType.DATETIMEOFFSET);
            case DATE:
                return new FilterNode.Literal(t.value(), EdmType.DATE);
            case GUID:
                return new FilterNode.Literal(t.value(), EdmType.GUID);
            case ENUM:
                return new FilterNode.Literal(t.value(), EdmType.enumType(t.text()));
            case IDENT:
                return identifier(t);
            default:
                throw FilterLexer.syntax(text, t.pos());
        }
    }

    private FilterNode identifier(Token t) {
        switch (t.text()) {
            case "true":
                return new FilterNode.Literal(Boolean.TRUE, EdmType.BOOLEAN);
            case "false":
                return new FilterNode.Literal(Boolean.FALSE, EdmType.BOOLEAN);
            case "null":
                return new FilterNode.Literal(null, EdmType.NULL);
            default:
                break;
        }
        if (peek().type() == Type.LPAREN) {
            if (!FUNCTIONS.contains(t.text())) {
                throw new ODataException(ODataException.BAD_REQUEST, "An unknown function "
                        + "with name '" + t.text() + "' was found. This may also be a function "
                        + "import or a key lookup on a navigation property, which is not "
                        + "allowed.");
            }
            pos++;
            List<FilterNode> args = new ArrayList<>();
            if (!accept(Type.RPAREN)) {
                do {
                    args.add(parseOr());
                } while (accept(Type.COMMA));
                expect(Type.RPAREN);
            }
            return new FilterNode.Call(t.text(), args);
        }
        List<String> segments = new ArrayList<>();
        segments.add(t.text());
        while (accept(Type.SLASH)) {
            Token seg = next();
            if (seg.type() != Type.IDENT) {
                throw FilterLexer.syntax(text, seg.pos());
            }
            boolean lambda = (seg.text().equals("any") || seg.text().equals("all"))
                    && peek().type() == Type.LPAREN;
            if (lambda) {
                return lambda(new FilterNode.Path(segments), seg.text().equals("any"));
            }
            segments.add(seg.text());
        }
        return new FilterNode.Path(segments);
    }

    private FilterNode lambda(FilterNode.Path collection, boolean any) {
        expect(Type.LPAREN);
        if (accept(Type.RPAREN)) {
            if (!any) {
                throw FilterLexer.syntax(text, tokens.get(pos - 1).pos());
            }
            return new FilterNode.Lambda(collection, true, null, null);
        }
        Token variable = next();
        if (variable.type() != Type.IDENT) {
            throw FilterLexer.syntax(text, variable.pos());
        }
        expect(Type.COLON);
        FilterNode body = parseOr();
        expect(Type.RPAREN);
        return new FilterNode.Lambda(collection, any, variable.text(), body);
    }

    private boolean isKeyword(String keyword) {
        Token t = peek();
        return t.type() == Type.IDENT && t.text().equals(keyword);
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.type() != Type.EOF) {
            pos++;
        }
        return t;
    }

    private boolean accept(Type type) {
        if (peek().type() == type) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(Type type) {
        Token t = next();
        if (t.type() != type) {
            throw FilterLexer.syntax(text, t.pos());
        }
    }
}
