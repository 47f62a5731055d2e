package io.exchangejdbc.jdbc;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.config.ExchangeProperty;
import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnType;
import io.exchangejdbc.schema.GraphWrite;
import io.exchangejdbc.schema.ProcedureDef;
import io.exchangejdbc.schema.TableDef;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Metadata of an {@link ExchangeConnection}, told from the catalog: tables and views with their
 * descriptions, columns with types, sizes and descriptions, primary keys, read-only-ness, and
 * the product; everything else is Calcite's answer.
 */
final class ExchangeDatabaseMetaData implements InvocationHandler {

    private final ExchangeConnection connection;
    private final DatabaseMetaData calcite;

    private ExchangeDatabaseMetaData(ExchangeConnection connection, DatabaseMetaData calcite) {
        this.connection = connection;
        this.calcite = calcite;
    }

    static DatabaseMetaData wrap(ExchangeConnection connection, DatabaseMetaData calcite) {
        return (DatabaseMetaData) Proxy.newProxyInstance(
                ExchangeDatabaseMetaData.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class},
                new ExchangeDatabaseMetaData(connection, calcite));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Object common = Wrappers.answer(proxy, calcite, method, args);
        if (common != Wrappers.NOT_HANDLED) {
            return common;
        }
        ExchangeConfig config = connection.config();
        switch (method.getName()) {
            case "getConnection":
                return connection.proxy();
            case "getURL":
                return ExchangeConfig.URL_PREFIX + config;
            case "getUserName":
                return config.get(ExchangeProperty.USER_ID);
            case "getDatabaseProductName":
                return "MSGraph".equals(connection.schemaName())
                        ? "Microsoft Exchange (Microsoft Graph)"
                        : "Microsoft Exchange (Exchange Web Services)";
            case "getDatabaseProductVersion":
                return "MSGraph".equals(connection.schemaName()) ? "v1.0"
                        : config.get(ExchangeProperty.PLATFORM);
            case "getIdentifierQuoteString":
                return "\"";
            case "isReadOnly":
                return config.getBoolean(ExchangeProperty.READONLY) || allReadOnly();
            case "storesMixedCaseIdentifiers":
            case "storesMixedCaseQuotedIdentifiers":
                return true;
            case "supportsMixedCaseIdentifiers":
            case "supportsMixedCaseQuotedIdentifiers":
                return false;
            case "getSchemaTerm":
                return "schema";
            case "getCatalogs":
                return ListResultSet.of(ListResultSet.columns("TABLE_CAT", Types.VARCHAR),
                        List.of());
            case "getSchemas":
                return schemas(args);
            case "getTableTypes":
                return ListResultSet.of(ListResultSet.columns("TABLE_TYPE", Types.VARCHAR),
                        List.of(new Object[] {"TABLE"}, new Object[] {"VIEW"}));
            case "getTables":
                return tables((String) args[1], (String) args[2], (String[]) args[3]);
            case "getColumns":
                return columns((String) args[1], (String) args[2], (String) args[3]);
            case "getPrimaryKeys":
                return primaryKeys((String) args[1], (String) args[2]);
            case "supportsStoredProcedures":
                return true;
            case "getProcedureTerm":
                return "procedure";
            case "getProcedures":
                return procedures((String) args[1], (String) args[2]);
            case "getProcedureColumns":
                return procedureColumns((String) args[1], (String) args[2], (String) args[3]);
            case "toString":
                return "ExchangeDatabaseMetaData";
            default:
                break;
        }
        try {
            return method.invoke(calcite, args);
        } catch (InvocationTargetException e) {
            throw SqlErrors.translate(e.getCause(), connection.tableNames());
        }
    }

    private boolean allReadOnly() {
        for (TableDef t : connection.tables()) {
            if (!t.readOnly()) {
                return false;
            }
        }
        return true;
    }

    private ResultSet schemas(Object[] args) {
        String pattern = args != null && args.length == 2 ? (String) args[1] : null;
        List<Object[]> rows = new ArrayList<>();
        if (matches(pattern, connection.schemaName())) {
            rows.add(new Object[] {connection.schemaName(), null});
        }
        return ListResultSet.of(
                ListResultSet.columns("TABLE_SCHEM", Types.VARCHAR, "TABLE_CATALOG", Types.VARCHAR),
                rows);
    }

    private ResultSet tables(String schemaPattern, String tablePattern, String[] types) {
        List<Object[]> rows = new ArrayList<>();
        if (matches(schemaPattern, connection.schemaName())) {
            for (TableDef t : connection.tables()) {
                if (matches(tablePattern, t.name()) && typeWanted(types, t.kind().jdbcName())) {
                    String remarks = t.description()
                            + (t.readOnly() ? " Read-only." : statements(t));
                    rows.add(new Object[] {null, connection.schemaName(), t.name(),
                            t.kind().jdbcName(), remarks, null, null, null, null, null});
                }
            }
        }
        return ListResultSet.of(ListResultSet.columns(
                "TABLE_CAT", Types.VARCHAR, "TABLE_SCHEM", Types.VARCHAR,
                "TABLE_NAME", Types.VARCHAR, "TABLE_TYPE", Types.VARCHAR,
                "REMARKS", Types.VARCHAR, "TYPE_CAT", Types.VARCHAR,
                "TYPE_SCHEM", Types.VARCHAR, "TYPE_NAME", Types.VARCHAR,
                "SELF_REFERENCING_COL_NAME", Types.VARCHAR, "REF_GENERATION", Types.VARCHAR),
                rows);
    }

    /** " Accepts INSERT, UPDATE and DELETE." as the table's write declaration says. */
    private static String statements(TableDef t) {
        GraphWrite w = t.writes();
        if (w == null) {
            return "";
        }
        List<String> verbs = new ArrayList<>();
        if (w.insertable()) {
            verbs.add("INSERT");
        }
        if (w.updatable()) {
            verbs.add("UPDATE");
        }
        if (w.deletable()) {
            verbs.add("DELETE");
        }
        if (verbs.isEmpty()) {
            return "";
        }
        String last = verbs.remove(verbs.size() - 1);
        return " Accepts " + (verbs.isEmpty() ? last + " only"
                : String.join(", ", verbs) + " and " + last) + ".";
    }

    /** When a writable column can be written, if not by every statement. */
    private static String writeRule(TableDef t, ColumnDef c) {
        GraphWrite w = t.writes();
        if (w == null) {
            return "";
        }
        if (w.insertOnly().contains(c.name())) {
            return " (set only by INSERT)";
        }
        if (w.updateAlone().contains(c.name())) {
            return " (set only by an UPDATE that sets no other column)";
        }
        return "";
    }

    private ResultSet columns(String schemaPattern, String tablePattern, String columnPattern) {
        List<Object[]> rows = new ArrayList<>();
        if (matches(schemaPattern, connection.schemaName())) {
            for (TableDef t : connection.tables()) {
                if (!matches(tablePattern, t.name())) {
                    continue;
                }
                int position = 0;
                for (ColumnDef c : t.columns()) {
                    position++;
                    if (!matches(columnPattern, c.name())) {
                        continue;
                    }
                    boolean readOnly = c.readOnly() || t.readOnly();
                    String remarks = c.description() + (c.readOnly() ? " (read-only)"
                            : writeRule(t, c));
                    rows.add(new Object[] {null, connection.schemaName(), t.name(), c.name(),
                            c.type().jdbcType(), typeName(c.type()), columnSize(c), null,
                            decimalDigits(c), numPrecRadix(c), DatabaseMetaData.columnNullable,
                            remarks, null, null, null,
                            c.type() == ColumnType.VARCHAR ? columnSize(c) : null, position,
                            "YES", null, null, null, null, "NO", readOnly ? "YES" : "NO"});
                }
            }
        }
        return ListResultSet.of(ListResultSet.columns(
                "TABLE_CAT", Types.VARCHAR, "TABLE_SCHEM", Types.VARCHAR,
                "TABLE_NAME", Types.VARCHAR, "COLUMN_NAME", Types.VARCHAR,
                "DATA_TYPE", Types.INTEGER, "TYPE_NAME", Types.VARCHAR,
                "COLUMN_SIZE", Types.INTEGER, "BUFFER_LENGTH", Types.INTEGER,
                "DECIMAL_DIGITS", Types.INTEGER, "NUM_PREC_RADIX", Types.INTEGER,
                "NULLABLE", Types.INTEGER, "REMARKS", Types.VARCHAR,
                "COLUMN_DEF", Types.VARCHAR, "SQL_DATA_TYPE", Types.INTEGER,
                "SQL_DATETIME_SUB", Types.INTEGER, "CHAR_OCTET_LENGTH", Types.INTEGER,
                "ORDINAL_POSITION", Types.INTEGER, "IS_NULLABLE", Types.VARCHAR,
                "SCOPE_CATALOG", Types.VARCHAR, "SCOPE_SCHEMA", Types.VARCHAR,
                "SCOPE_TABLE", Types.VARCHAR, "SOURCE_DATA_TYPE", Types.SMALLINT,
                "IS_AUTOINCREMENT", Types.VARCHAR, "IS_GENERATEDCOLUMN", Types.VARCHAR), rows);
    }

    private ResultSet primaryKeys(String schema, String table) {
        List<Object[]> rows = new ArrayList<>();
        if (schema == null || schema.equalsIgnoreCase(connection.schemaName())) {
            for (TableDef t : connection.tables()) {
                if (table != null && !table.equalsIgnoreCase(t.name())) {
                    continue;
                }
                int seq = 0;
                for (ColumnDef c : t.keyColumns()) {
                    rows.add(new Object[] {null, connection.schemaName(), t.name(), c.name(),
                            (short) ++seq, "PK_" + t.name()});
                }
            }
        }
        return ListResultSet.of(ListResultSet.columns(
                "TABLE_CAT", Types.VARCHAR, "TABLE_SCHEM", Types.VARCHAR,
                "TABLE_NAME", Types.VARCHAR, "COLUMN_NAME", Types.VARCHAR,
                "KEY_SEQ", Types.SMALLINT, "PK_NAME", Types.VARCHAR), rows);
    }

    private ResultSet procedures(String schemaPattern, String namePattern) {
        List<Object[]> rows = new ArrayList<>();
        if (matches(schemaPattern, connection.schemaName())) {
            for (ProcedureDef p : connection.procedures()) {
                if (matches(namePattern, p.name())) {
                    rows.add(new Object[] {null, connection.schemaName(), p.name(), null, null,
                            null, p.description(),
                            (short) DatabaseMetaData.procedureReturnsResult, p.name()});
                }
            }
        }
        return ListResultSet.of(ListResultSet.columns(
                "PROCEDURE_CAT", Types.VARCHAR, "PROCEDURE_SCHEM", Types.VARCHAR,
                "PROCEDURE_NAME", Types.VARCHAR, "RESERVED1", Types.VARCHAR,
                "RESERVED2", Types.VARCHAR, "RESERVED3", Types.VARCHAR,
                "REMARKS", Types.VARCHAR, "PROCEDURE_TYPE", Types.SMALLINT,
                "SPECIFIC_NAME", Types.VARCHAR), rows);
    }

    private ResultSet procedureColumns(String schemaPattern, String namePattern,
            String columnPattern) {
        List<Object[]> rows = new ArrayList<>();
        if (matches(schemaPattern, connection.schemaName())) {
            for (ProcedureDef p : connection.procedures()) {
                if (!matches(namePattern, p.name())) {
                    continue;
                }
                int position = 0;
                for (ProcedureDef.Parameter param : p.parameters()) {
                    position++;
                    if (matches(columnPattern, param.name())) {
                        rows.add(procedureColumn(p, param.name(), param.type(),
                                DatabaseMetaData.procedureColumnIn, param.description()
                                        + (param.required() ? "" : " Optional."),
                                param.defaultValue(), position, !param.required()));
                    }
                }
                position = 0;
                for (ProcedureDef.ResultColumn c : p.results()) {
                    position++;
                    if (matches(columnPattern, c.name())) {
                        rows.add(procedureColumn(p, c.name(), c.type(),
                                DatabaseMetaData.procedureColumnResult, c.description(), null,
                                position, true));
                    }
                }
            }
        }
        return ListResultSet.of(ListResultSet.columns(
                "PROCEDURE_CAT", Types.VARCHAR, "PROCEDURE_SCHEM", Types.VARCHAR,
                "PROCEDURE_NAME", Types.VARCHAR, "COLUMN_NAME", Types.VARCHAR,
                "COLUMN_TYPE", Types.SMALLINT, "DATA_TYPE", Types.INTEGER,
                "TYPE_NAME", Types.VARCHAR, "PRECISION", Types.INTEGER,
                "LENGTH", Types.INTEGER, "SCALE", Types.SMALLINT, "RADIX", Types.SMALLINT,
                "NULLABLE", Types.SMALLINT, "REMARKS", Types.VARCHAR,
                "COLUMN_DEF", Types.VARCHAR, "SQL_DATA_TYPE", Types.INTEGER,
                "SQL_DATETIME_SUB", Types.INTEGER, "CHAR_OCTET_LENGTH", Types.INTEGER,
                "ORDINAL_POSITION", Types.INTEGER, "IS_NULLABLE", Types.VARCHAR,
                "SPECIFIC_NAME", Types.VARCHAR), rows);
    }

    private Object[] procedureColumn(ProcedureDef p, String name, ColumnType type, int kind,
            String remarks, Object defaultValue, int position, boolean nullable) {
        return new Object[] {null, connection.schemaName(), p.name(), name, (short) kind,
                type.jdbcType(), typeName(type), null, null, null, (short) 10,
                (short) (nullable ? DatabaseMetaData.procedureNullable
                        : DatabaseMetaData.procedureNoNulls),
                remarks, defaultValue == null ? null : String.valueOf(defaultValue), null, null,
                null, position, nullable ? "YES" : "NO", p.name()};
    }

    static String typeName(ColumnType type) {
        return type == ColumnType.TIMESTAMP ? "TIMESTAMP" : type.name();
    }

    private static Integer columnSize(ColumnDef c) {
        switch (c.type()) {
            case VARCHAR:
            case VARBINARY:
                return c.size() > 0 ? c.size() : Integer.MAX_VALUE;
            case BOOLEAN:
                return 1;
            case INTEGER:
                return 10;
            case BIGINT:
                return 19;
            case DOUBLE:
                return 15;
            case DATE:
                return 10;
            case TIMESTAMP:
                return 23; // yyyy-MM-dd HH:mm:ss.SSS
            default:
                return null;
        }
    }

    private static Integer decimalDigits(ColumnDef c) {
        switch (c.type()) {
            case INTEGER:
            case BIGINT:
                return 0;
            case TIMESTAMP:
                return 3;
            default:
                return null;
        }
    }

    private static Integer numPrecRadix(ColumnDef c) {
        switch (c.type()) {
            case INTEGER:
            case BIGINT:
            case DOUBLE:
                return 10;
            default:
                return null;
        }
    }

    private static boolean typeWanted(String[] types, String type) {
        if (types == null) {
            return true;
        }
        for (String t : types) {
            if (t != null && t.equalsIgnoreCase(type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a JDBC search pattern ({@code %} any run, {@code _} one character, {@code \} the
     * escape) matches a name; null matches everything. Case-insensitive, as identifiers are.
     */
    static boolean matches(String pattern, String name) {
        if (pattern == null) {
            return true;
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (ch == '%') {
                regex.append(".*");
            } else if (ch == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
                .matcher(name.toLowerCase(Locale.ROOT)).matches();
    }
}
