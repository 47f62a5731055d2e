package io.exchangejdbc.jdbc;

import io.exchangejdbc.calcite.ExchangePrepare;
import io.exchangejdbc.calcite.ExchangeSchema;
import io.exchangejdbc.calcite.PlannerSettings;
import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.config.ExchangeProperty;
import io.exchangejdbc.ews.EwsClient;
import io.exchangejdbc.graph.GraphClient;
import io.exchangejdbc.procedure.ProcedureContext;
import io.exchangejdbc.procedure.ProcedureRunner;
import io.exchangejdbc.procedure.Procedures;
import io.exchangejdbc.schema.Catalog;
import io.exchangejdbc.schema.SchemaKind;
import io.exchangejdbc.schema.TableDef;
import io.exchangejdbc.schema.TableKind;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The JDBC driver for Microsoft Exchange: accepts {@code jdbc:exchange:Name=Value;...} and opens
 * a Calcite connection whose only schema is the Exchange catalog of the chosen back end.
 *
 * <p>Registered through {@code META-INF/services/java.sql.Driver}. The connection string is
 * parsed by our own {@link ExchangeConfig}; Calcite receives only the settings it needs for our
 * SQL dialect, so that our {@code Schema} property never meets Calcite's {@code schema}.
 */
public class ExchangeDriver extends Driver {

    /** The driver's name in metadata. */
    public static final String NAME = "exchange-jdbc";

    static {
        new ExchangeDriver().register();
    }

    public ExchangeDriver() {
        super(ExchangePrepare::new);
    }

    @Override
    protected String getConnectStringPrefix() {
        return ExchangeConfig.URL_PREFIX;
    }

    @Override
    public boolean acceptsURL(String url) {
        return ExchangeConfig.acceptsURL(url);
    }

    @Override
    protected DriverVersion createDriverVersion() {
        String[] parts = ExchangeConfig.DRIVER_VERSION.split("[.-]");
        int major = parts.length > 0 ? Integer.parseInt(parts[0]) : 0;
        int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        return new DriverVersion(NAME, ExchangeConfig.DRIVER_VERSION, "Microsoft Exchange",
                "v1.0", false, major, minor, 1, 0);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info)
            throws SQLException {
        if (url != null && !acceptsURL(url)) {
            return new DriverPropertyInfo[0];
        }
        ExchangeConfig config;
        try {
            config = ExchangeConfig.fromUrl(url == null ? ExchangeConfig.URL_PREFIX : url,
                    info == null ? new Properties() : info);
        } catch (SQLException e) {
            // tools ask for the properties to help fix a string; show the catalog's defaults
            config = ExchangeConfig.defaults();
        }
        return config.propertyInfo();
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        ExchangeConfig config = ExchangeConfig.fromUrl(url, info == null ? new Properties() : info);
        return connect(config);
    }

    /** Opens a connection with an already parsed configuration. */
    Connection connect(ExchangeConfig config) throws SQLException {
        SchemaKind kind = schemaKind(config);
        List<TableDef> tables = exposedTables(config, Catalog.of(kind));
        if (kind == SchemaKind.EWS) {
            return connectEws(config, tables);
        }
        GraphClient client = GraphClient.open(config);
        try {
            AvaticaConnection calcite = factory.newConnection(this, factory,
                    ExchangeConfig.URL_PREFIX + config, calciteProperties());
            handler.onConnectionInit(calcite);
            CalciteConnection cc = calcite.unwrap(CalciteConnection.class);
            SchemaPlus root = cc.getRootSchema();
            String schemaName = kind.propertyValue();
            root.add(schemaName, new ExchangeSchema(tables, client::scan, client::modify,
                    scanSettings(config)));
            cc.setSchema(schemaName);
            ProcedureRunner procedures = new ProcedureRunner(Procedures.of(kind),
                    new ProcedureContext(config, client.log(), client));
            return ExchangeConnection.wrap(cc, config, client, tables, schemaName, procedures);
        } catch (SQLException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static SchemaKind schemaKind(ExchangeConfig config) throws SQLException {
        String schema = config.get(ExchangeProperty.SCHEMA);
        if (SchemaKind.EWS.propertyValue().equalsIgnoreCase(schema)) {
            return SchemaKind.EWS;
        }
        return SchemaKind.MSGRAPH;
    }

    /** A connection to Exchange Web Services: its scans and procedures go to the EWS client. */
    private Connection connectEws(ExchangeConfig config, List<TableDef> tables)
            throws SQLException {
        EwsClient client = EwsClient.open(config);
        try {
            AvaticaConnection calcite = factory.newConnection(this, factory,
                    ExchangeConfig.URL_PREFIX + config, calciteProperties());
            handler.onConnectionInit(calcite);
            CalciteConnection cc = calcite.unwrap(CalciteConnection.class);
            SchemaPlus root = cc.getRootSchema();
            String schemaName = SchemaKind.EWS.propertyValue();
            root.add(schemaName, new ExchangeSchema(tables, client::scan, client::modify,
                    scanSettings(config)));
            cc.setSchema(schemaName);
            ProcedureRunner procedures = new ProcedureRunner(Procedures.ews(client),
                    new ProcedureContext(config, client.log()));
            return ExchangeConnection.wrap(cc, config, client, tables, schemaName, procedures);
        } catch (SQLException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** The catalog's tables and views, limited by the {@code Tables} and {@code Views} lists. */
    static List<TableDef> exposedTables(ExchangeConfig config, Catalog catalog)
            throws SQLException {
        Set<String> tables = config.tables();
        Set<String> views = config.views();
        List<TableDef> exposed = new ArrayList<>();
        for (TableDef t : catalog.tables()) {
            Set<String> allowed = t.kind() == TableKind.VIEW ? views : tables;
            if (allowed.isEmpty() || allowed.contains(t.name())) {
                exposed.add(t);
            }
        }
        for (String name : tables) {
            requireKnown(catalog, name, "Tables");
        }
        for (String name : views) {
            requireKnown(catalog, name, "Views");
        }
        return exposed;
    }

    private static void requireKnown(Catalog catalog, String name, String property)
            throws SQLException {
        if (catalog.table(name) == null) {
            List<String> names = new ArrayList<>();
            for (TableDef t : catalog.tables()) {
                names.add(t.name());
            }
            throw new SQLException("The " + property + " property names '" + name
                    + "', which is not a table or view of this schema. Known names: "
                    + String.join(", ", names) + ".", "08001");
        }
    }

    private static PlannerSettings scanSettings(ExchangeConfig config) {
        Integer pageSize = config.isSet(ExchangeProperty.PAGESIZE)
                ? config.getInt(ExchangeProperty.PAGESIZE) : null;
        return new PlannerSettings(pageSize,
                config.getBoolean(ExchangeProperty.DISABLE_SERVER_SIDE_FILTERING));
    }

    /**
     * Calcite's own settings for our dialect: identifiers case-insensitive and kept as written,
     * double-quoted; times in UTC, as the driver presents every timestamp.
     */
    private static Properties calciteProperties() {
        Properties p = new Properties();
        p.setProperty("caseSensitive", "false");
        p.setProperty("unquotedCasing", "UNCHANGED");
        p.setProperty("quotedCasing", "UNCHANGED");
        p.setProperty("quoting", "DOUBLE_QUOTE");
        p.setProperty("timeZone", "UTC");
        return p;
    }
}
