package io.exchangejdbc.emulator.graph.odata;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code $filter} expression checked against an entity type and turned into a predicate on the
 * type's instances. It also knows which properties the expression names, in order of first
 * appearance, which the {@code InefficientFilter} rule of messages needs.
 */
public final class CompiledFilter {

    private final FilterNode source;
    private final Eval root;
    private final List<String> paths;

    private CompiledFilter(FilterNode source, Eval root, List<String> paths) {
        this.source = source;
        this.root = root;
        this.paths = Collections.unmodifiableList(paths);
    }

    /**
     * Parses a filter and checks it against the type.
     *
     * @throws ODataException if it is malformed or does not fit the type
     */
    public static CompiledFilter compile(String text, StructuredType type) {
        return compile(FilterParser.parse(text), type);
    }

    /**
     * Checks a parsed filter against the type.
     *
     * @throws ODataException if it does not fit the type
     */
    public static CompiledFilter compile(FilterNode node, StructuredType type) {
        requireNonNull(type, "type");
        Compiler c = new Compiler(type);
        Typed t = c.compile(node, null);
        if (t.type.kind() != EdmType.Kind.BOOLEAN) {
            throw new ODataException(ODataException.BAD_REQUEST,
                    "The $filter expression must evaluate to a single boolean value.");
        }
        return new CompiledFilter(node, t.eval, new ArrayList<>(c.paths));
    }

    /** Tells whether an instance satisfies the filter. */
    public boolean test(Object instance) {
        return Boolean.TRUE.equals(root.eval(new Frame(instance, null, null, null)));
    }

    /**
     * Returns the property paths outside lambdas (and the collections lambdas range over), in
     * order of first appearance, e.g. {@code [receivedDateTime, from/emailAddress/address]}.
     */
    public List<String> propertyPaths() {
        return paths;
    }

    /** Returns the parsed expression. */
    public FilterNode expression() {
        return source;
    }

    @Override
    public String toString() {
        return source.toString();
    }

    /** An expression ready to evaluate. */
    @FunctionalInterface
    interface Eval {
        Object eval(Frame frame);
    }

    /** Evaluation state: the instance tested and the lambda variables in scope. */
    static final class Frame {
        private final Object root;
        private final String variable;
        private final Object value;
        private final Frame outer;

        Frame(Object root, String variable, Object value, Frame outer) {
            this.root = root;
            this.variable = variable;
            this.value = value;
            this.outer = outer;
        }

        Object lookup(String name) {
            for (Frame f = this; f != null; f = f.outer) {
                if (name.equals(f.variable)) {
                    return f.value;
                }
            }
            throw new IllegalStateException("unbound variable " + name);
        }
    }

    /** A compiled expression with its type. */
    private static final class Typed {
        private final Eval eval;
        private final EdmType type;

        Typed(Eval eval, EdmType type) {
            this.eval = eval;
            this.type = type;
        }
    }

    /** Lambda variables in scope at compile time. */
    private static final class Scope {
        private final String variable;
        private final EdmType type;
        private final Scope outer;

        Scope(String variable, EdmType type, Scope outer) {
            this.variable = variable;
            this.type = type;
            this.outer = outer;
        }

        EdmType find(String name) {
            for (Scope s = this; s != null; s = s.outer) {
                if (s.variable.equals(name)) {
                    return s.type;
                }
            }
            return null;
        }
    }

    /** Turns checked nodes into evaluators. */
    private static final class Compiler {
        private final StructuredType type;
        private final Set<String> paths = new LinkedHashSet<>();

        Compiler(StructuredType type) {
            this.type = type;
        }

        Typed compile(FilterNode node, Scope scope) {
            if (node instanceof FilterNode.Literal lit) {
                Object v = lit.value();
                return new Typed(f -> v, lit.type());
            }
            if (node instanceof FilterNode.Path path) {
                return path(path, scope, true);
            }
            if (node instanceof FilterNode.Compare cmp) {
                return compare(cmp, scope);
            }
            if (node instanceof FilterNode.And and) {
                Eval l = logical(and.left(), "And", scope);
                Eval r = logical(and.right(), "And", scope);
                return new Typed(f -> Boolean.TRUE.equals(l.eval(f))
                        && Boolean.TRUE.equals(r.eval(f)), EdmType.BOOLEAN);
            }
            if (node instanceof FilterNode.Or or) {
                Eval l = logical(or.left(), "Or", scope);
                Eval r = logical(or.right(), "Or", scope);
                return new Typed(f -> Boolean.TRUE.equals(l.eval(f))
                        || Boolean.TRUE.equals(r.eval(f)), EdmType.BOOLEAN);
            }
            if (node instanceof FilterNode.Not not) {
                Typed t = compile(not.operand(), scope);
                if (t.type.kind() != EdmType.Kind.BOOLEAN) {
                    throw new ODataException(ODataException.BAD_REQUEST, "A unary operator with "
                            + "an incompatible type was detected. Found operand type '"
                            + t.type.name() + "' for operator kind 'Not'.");
                }
                return new Typed(f -> {
                    Object v = t.eval.eval(f);
                    return v == null ? null : !((Boolean) v);
                }, EdmType.BOOLEAN);
            }
            if (node instanceof FilterNode.Call call) {
                return call(call, scope);
            }
            if (node instanceof FilterNode.Lambda lambda) {
                return lambda(lambda, scope);
            }
            if (node instanceof FilterNode.In in) {
                return in(in, scope);
            }
            throw new IllegalStateException("unknown node " + node);
        }

        private Eval logical(FilterNode operand, String kind, Scope scope) {
            Typed t = compile(operand, scope);
            if (t.type.kind() != EdmType.Kind.BOOLEAN) {
                throw new ODataException(ODataException.BAD_REQUEST, "A binary operator with "
                        + "incompatible types was detected. Found operand types '"
                        + t.type.name() + "' and 'Edm.Boolean' for operator kind '" + kind
                        + "'.");
            }
            return t.eval;
        }

        private Typed compare(FilterNode.Compare cmp, Scope scope) {
            Typed l = compile(cmp.left(), scope);
            Typed r = compile(cmp.right(), scope);
            checkComparable(l.type, r.type, cmp.op().kindName());
            FilterNode.CompareOp op = cmp.op();
            Eval le = l.eval;
            Eval re = r.eval;
            return new Typed(f -> {
                Object a = le.eval(f);
                Object b = re.eval(f);
                if (a == null || b == null) {
                    boolean both = a == null && b == null;
                    return op == FilterNode.CompareOp.EQ ? both
                            : op == FilterNode.CompareOp.NE ? !both : false;
                }
                int c = Values.compare(a, b);
                switch (op) {
                    case EQ:
                        return c == 0;
                    case NE:
                        return c != 0;
                    case GT:
                        return c > 0;
                    case GE:
                        return c >= 0;
                    case LT:
                        return c < 0;
                    default:
                        return c <= 0;
                }
            }, EdmType.BOOLEAN);
        }

        private static void checkComparable(EdmType a, EdmType b, String kind) {
            boolean nullCheck = a.kind() == EdmType.Kind.NULL || b.kind() == EdmType.Kind.NULL;
            if ((!nullCheck && (!a.isSingleValue() || !b.isSingleValue()))
                    || !Values.comparable(a, b)) {
                throw new ODataException(ODataException.BAD_REQUEST, "A binary operator with "
                        + "incompatible types was detected. Found operand types '" + a.name()
                        + "' and '" + b.name() + "' for operator kind '" + kind + "'.");
            }
        }

        private Typed in(FilterNode.In in, Scope scope) {
            Typed operand = compile(in.operand(), scope);
            List<Object> values = new ArrayList<>();
            for (FilterNode v : in.values()) {
                Typed t = compile(v, scope);
                checkComparable(operand.type, t.type, "In");
                values.add(((FilterNode.Literal) v).value());
            }
            Eval e = operand.eval;
            return new Typed(f -> {
                Object a = e.eval(f);
                for (Object v : values) {
                    if (a == null ? v == null : v != null && Values.compare(a, v) == 0) {
                        return true;
                    }
                }
                return false;
            }, EdmType.BOOLEAN);
        }

        private Typed call(FilterNode.Call call, Scope scope) {
            List<Typed> args = new ArrayList<>();
            for (FilterNode a : call.args()) {
                args.add(compile(a, scope));
            }
            String name = call.function();
            switch (name) {
                case "startswith":
                case "endswith":
                case "contains": {
                    signature(name, args, 2);
                    Eval s = args.get(0).eval;
                    Eval p = args.get(1).eval;
                    return new Typed(f -> {
                        Object a = s.eval(f);
                        Object b = p.eval(f);
                        if (a == null || b == null) {
                            return false;
                        }
                        String x = a.toString();
                        String y = b.toString();
                        if (name.equals("startswith")) {
                            return x.regionMatches(true, 0, y, 0, y.length());
                        }
                        if (name.equals("endswith")) {
                            return x.length() >= y.length()
                                    && x.regionMatches(true, x.length() - y.length(), y, 0,
                                            y.length());
                        }
                        return x.toLowerCase(Locale.ROOT).contains(y.toLowerCase(Locale.ROOT));
                    }, EdmType.BOOLEAN);
                }
                case "tolower":
                case "toupper":
                case "trim": {
                    signature(name, args, 1);
                    Eval s = args.get(0).eval;
                    return new Typed(f -> {
                        Object a = s.eval(f);
                        if (a == null) {
                            return null;
                        }
                        String x = a.toString();
                        return name.equals("trim") ? x.strip()
                                : name.equals("tolower") ? x.toLowerCase(Locale.ROOT)
                                : x.toUpperCase(Locale.ROOT);
                    }, EdmType.STRING);
                }
                case "length": {
                    signature(name, args, 1);
                    Eval s = args.get(0).eval;
                    return new Typed(f -> {
                        Object a = s.eval(f);
                        return a == null ? null : (long) a.toString().length();
                    }, EdmType.INT32);
                }
                default:
                    throw new ODataException(ODataException.BAD_REQUEST,
                            "The function '" + name + "' is not supported on this resource.");
            }
        }

        private static void signature(String name, List<Typed> args, int arity) {
            boolean ok = args.size() == arity;
            for (Typed t : args) {
                ok &= t.type.isTextual() || t.type.kind() == EdmType.Kind.NULL;
            }
            if (!ok) {
                StringBuilder sig = new StringBuilder(name).append('(');
                for (int i = 0; i < arity; i++) {
                    sig.append(i == 0 ? "" : ", ").append("Edm.String Nullable=true");
                }
                throw new ODataException(ODataException.BAD_REQUEST, "No function signature "
                        + "for the function with name '" + name + "' matches the specified "
                        + "arguments. The function signatures considered are: " + sig + ").");
            }
        }

        private Typed lambda(FilterNode.Lambda lambda, Scope scope) {
            Typed coll = path(lambda.collection(), scope, true);
            if (coll.type.kind() != EdmType.Kind.COLLECTION) {
                throw new ODataException(ODataException.BAD_REQUEST, "The '"
                        + (lambda.any() ? "any" : "all") + "' operator can only be applied to "
                        + "a collection; '" + lambda.collection() + "' is of type '"
                        + coll.type.name() + "'.");
            }
            Eval ce = coll.eval;
            if (lambda.variable() == null) {
                return new Typed(f -> {
                    Object c = ce.eval(f);
                    return c != null && !((Collection<?>) c).isEmpty();
                }, EdmType.BOOLEAN);
            }
            String var = lambda.variable();
            Typed body = compile(lambda.body(),
                    new Scope(var, coll.type.element(), scope));
            if (body.type.kind() != EdmType.Kind.BOOLEAN) {
                throw new ODataException(ODataException.BAD_REQUEST,
                        "The body of a lambda expression must evaluate to a boolean value.");
            }
            Eval be = body.eval;
            boolean any = lambda.any();
            return new Typed(f -> {
                Object c = ce.eval(f);
                if (c == null) {
                    return !any;
                }
                for (Object element : (Collection<?>) c) {
                    boolean hit = Boolean.TRUE.equals(be.eval(new Frame(null, var, element, f)));
                    if (hit == any) {
                        return any;
                    }
                }
                return !any;
            }, EdmType.BOOLEAN);
        }

        private Typed path(FilterNode.Path path, Scope scope, boolean record) {
            List<String> segs = path.segments();
            EdmType variableType = scope == null ? null : scope.find(segs.get(0));
            String variable = variableType == null ? null : segs.get(0);
            ResolvedPath resolved = ResolvedPath.resolve(type,
                    variable == null ? segs : segs.subList(1, segs.size()), variableType);
            if (record && variable == null) {
                paths.add(String.join("/", segs));
            }
            Eval e;
            if (variable == null) {
                e = f -> resolved.read(root(f));
            } else {
                e = f -> resolved.read(f.lookup(variable));
            }
            return new Typed(e, resolved.type());
        }

        private static Object root(Frame f) {
            Frame r = f;
            while (r.outer != null) {
                r = r.outer;
            }
            return r.root;
        }
    }
}
