package io.exchangejdbc.config;

import static java.util.Objects.requireNonNull;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The validated, immutable settings of one connection, built from a connection string, a JDBC
 * URL with its {@link Properties}, or a map of settings.
 *
 * <p>Everything is checked when the configuration is built, so that a mistake is reported when
 * connecting rather than at the first query: an unknown name, a value the property does not
 * accept (both SQLState {@value ConfigErrors#INVALID_CONNECTION_STRING}), and a property this
 * release does not support ({@link java.sql.SQLFeatureNotSupportedException}, SQLState
 * {@value ConfigErrors#NOT_SUPPORTED}). A property set to an empty or blank value counts as not
 * set.
 *
 * <p>Values of {@link ExchangeProperty#secret() secret} properties never appear in
 * {@link #toString()}, in {@link #propertyInfo()} or in error messages.
 */
public final class ExchangeConfig {

    /** The prefix of the driver's JDBC URLs, followed by a connection string. */
    public static final String URL_PREFIX = "jdbc:exchange:";

    /** The release of the driver, as named in messages about unsupported properties. */
    public static final String DRIVER_VERSION = "0.1.0";

    private final Map<ExchangeProperty, String> values;
    private final Map<String, String> customHeaders;
    private final SortedSet<String> tables;
    private final SortedSet<String> views;

    private ExchangeConfig(EnumMap<ExchangeProperty, String> values) throws SQLException {
        this.values = Collections.unmodifiableMap(values);
        String headers = values.get(ExchangeProperty.CUSTOM_HEADERS);
        this.customHeaders = headers == null ? Map.of() : CustomHeaders.parse(headers);
        this.tables = nameList(values.get(ExchangeProperty.TABLES));
        this.views = nameList(values.get(ExchangeProperty.VIEWS));
    }

    /** Whether the URL is one of this driver's: it starts with {@value #URL_PREFIX}, any case. */
    public static boolean acceptsURL(String url) {
        return url != null && url.regionMatches(true, 0, URL_PREFIX, 0, URL_PREFIX.length());
    }

    /**
     * Builds the configuration of a {@code jdbc:exchange:} URL, as {@code Driver.connect} gets it.
     * Entries of {@code info} override the URL's; their names are case-insensitive too, so the
     * {@code user} and {@code password} entries that {@code DriverManager} adds set {@code User}
     * and {@code Password}. Entries of {@code info} with a blank value are ignored, because tools
     * pass an empty user or password when their fields are left empty.
     *
     * @param url  the JDBC URL, starting with {@value #URL_PREFIX}
     * @param info further settings, or null
     * @throws SQLException when the URL is not the driver's, cannot be parsed, or names an unknown
     *                      property or a bad value;
     *                      {@link java.sql.SQLFeatureNotSupportedException} when it sets a
     *                      property this release does not support
     */
    public static ExchangeConfig fromUrl(String url, Properties info) throws SQLException {
        return build(urlSettings(url, info), true);
    }

    /**
     * Builds like {@link #fromUrl(String, Properties)} but accepts properties this release does
     * not support, for checks that concern every property of the catalog (redaction, metadata).
     */
    static ExchangeConfig fromUrlAcceptingUnsupported(String url, Properties info)
            throws SQLException {
        return build(urlSettings(url, info), false);
    }

    private static LinkedHashMap<String, String> urlSettings(String url, Properties info)
            throws SQLException {
        requireNonNull(url, "url");
        if (!acceptsURL(url)) {
            // The URL itself is not repeated: it may hold a password.
            throw ConfigErrors.invalid("The URL does not start with '" + URL_PREFIX
                    + "'; write it as " + URL_PREFIX + "Name=Value;Name2=Value2.");
        }
        LinkedHashMap<String, String> settings =
                ConnectionString.parse(url.substring(URL_PREFIX.length()), URL_PREFIX.length());
        if (info != null) {
            Map<String, String> given = new LinkedHashMap<>();
            for (String name : new TreeSet<>(info.stringPropertyNames())) {
                String value = info.getProperty(name);
                if (!value.isBlank()) {
                    given.put(name, value);
                }
            }
            for (Map.Entry<String, String> e : canonicalNames(given, "connection properties")
                    .entrySet()) {
                settings.keySet().removeIf(k -> k.equalsIgnoreCase(e.getKey()));
                settings.put(e.getKey(), e.getValue());
            }
        }
        return settings;
    }

    /**
     * Builds the configuration of a connection string as the command line takes it:
     * {@code Name=Value;...}, with or without the {@value #URL_PREFIX} prefix.
     *
     * @throws SQLException as {@link #fromUrl(String, Properties)} does
     */
    public static ExchangeConfig fromConnectionString(String connectionString)
            throws SQLException {
        requireNonNull(connectionString, "connectionString");
        if (acceptsURL(connectionString)) {
            return fromUrl(connectionString, null);
        }
        return build(ConnectionString.parse(connectionString), true);
    }

    /**
     * Builds the configuration of settings given as names and values, as a {@code DataSource}
     * holds them; names are case-insensitive.
     *
     * @throws SQLException as {@link #fromUrl(String, Properties)} does
     */
    public static ExchangeConfig fromMap(Map<String, String> settings) throws SQLException {
        requireNonNull(settings, "settings");
        Map<String, String> given = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (e.getValue() != null) {
                given.put(requireNonNull(e.getKey(), "setting name"), e.getValue());
            }
        }
        return build(canonicalNames(given, "settings"), true);
    }

    /**
     * The settings with known names in their canonical spelling and unknown ones trimmed; a name
     * given twice in different letter case must carry the same value both times.
     */
    private static LinkedHashMap<String, String> canonicalNames(Map<String, String> given,
            String source) throws SQLException {
        LinkedHashMap<String, String> result = new LinkedHashMap<>();
        Map<String, String> keyByLowerName = new HashMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            String name = e.getKey().trim();
            ExchangeProperty known = ExchangeProperty.lookup(name);
            String key = known != null ? known.propertyName() : name;
            String earlier = keyByLowerName.putIfAbsent(key.toLowerCase(Locale.ROOT), key);
            if (earlier == null) {
                result.put(key, e.getValue());
            } else if (!result.get(earlier).equals(e.getValue())) {
                throw ConfigErrors.invalid("The " + source + " give '" + key
                        + "' twice with different values; keep only one of them.");
            }
        }
        return result;
    }

    /** The configuration with no property set: every property at its default. */
    public static ExchangeConfig defaults() {
        try {
            return new ExchangeConfig(new EnumMap<>(ExchangeProperty.class));
        } catch (SQLException e) {
            throw new AssertionError("an empty configuration is valid", e);
        }
    }

    /**
     * Returns a copy with one property set to a new value, checked as when building; a null or
     * blank value unsets it.
     *
     * @throws SQLException as {@link #fromUrl(String, Properties)} does
     */
    public ExchangeConfig with(ExchangeProperty property, String value) throws SQLException {
        requireNonNull(property, "property");
        LinkedHashMap<String, String> settings = new LinkedHashMap<>(asMap());
        settings.remove(property.propertyName());
        if (value != null) {
            settings.put(property.propertyName(), value);
        }
        return build(settings, true);
    }

    private static ExchangeConfig build(Map<String, String> settings, boolean refuseUnsupported)
            throws SQLException {
        Map<ExchangeProperty, String> given = new EnumMap<>(ExchangeProperty.class);
        for (Map.Entry<String, String> e : settings.entrySet()) {
            ExchangeProperty property = ExchangeProperty.lookup(e.getKey());
            if (property == null) {
                throw unknownProperty(e.getKey());
            }
            if (!e.getValue().isBlank()) {
                given.put(property, e.getValue());
            }
        }
        // Unsupported before bad values: "remove it" is the better advice for such a property.
        for (ExchangeProperty property : given.keySet()) {
            if (refuseUnsupported && !property.supported()) {
                throw ConfigErrors.notSupported(property);
            }
        }
        EnumMap<ExchangeProperty, String> normalized = new EnumMap<>(ExchangeProperty.class);
        for (Map.Entry<ExchangeProperty, String> e : given.entrySet()) {
            normalized.put(e.getKey(), e.getKey().normalize(e.getValue()));
        }
        return new ExchangeConfig(normalized);
    }

    private static SQLException unknownProperty(String name) {
        ExchangeProperty closest = ExchangeProperty.closestTo(name);
        String suggestion =
                closest == null ? "" : " Did you mean '" + closest.propertyName() + "'?";
        return ConfigErrors.invalid("Unknown connection property '" + name + "'." + suggestion
                + " " + ConfigErrors.REFERENCE_HINT);
    }

    private static SortedSet<String> nameList(String text) {
        SortedSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (text != null) {
            for (String name : text.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return Collections.unmodifiableSortedSet(names);
    }

    /**
     * The value of the property: the one set, else its default, else null. For {@code AuthScheme},
     * {@code GraphUrl}, {@code LoginUrl} and {@code ProxyAuthScheme} use the methods of the same
     * name, which apply the defaults that depend on other properties.
     */
    public String get(ExchangeProperty property) {
        requireNonNull(property, "property");
        String value = values.get(property);
        return value != null ? value : property.defaultValue();
    }

    /** Whether the property was given a (non-blank) value. */
    public boolean isSet(ExchangeProperty property) {
        requireNonNull(property, "property");
        return values.containsKey(property);
    }

    /**
     * The value of an {@link PropertyType#INTEGER} property whose range fits an {@code int}.
     *
     * @throws IllegalArgumentException when the property is of another type or range
     * @throws IllegalStateException    when the property has neither a value nor a default
     */
    public int getInt(ExchangeProperty property) {
        if (property.maxValue() > Integer.MAX_VALUE || property.minValue() < Integer.MIN_VALUE) {
            throw new IllegalArgumentException(property.propertyName()
                    + " may exceed an int; use getLong");
        }
        return (int) getLong(property);
    }

    /**
     * The value of an {@link PropertyType#INTEGER} property.
     *
     * @throws IllegalArgumentException when the property is of another type
     * @throws IllegalStateException    when the property has neither a value nor a default
     */
    public long getLong(ExchangeProperty property) {
        return Long.parseLong(required(property, PropertyType.INTEGER));
    }

    /**
     * The value of a {@link PropertyType#BOOLEAN} property.
     *
     * @throws IllegalArgumentException when the property is of another type
     */
    public boolean getBoolean(ExchangeProperty property) {
        return Boolean.parseBoolean(required(property, PropertyType.BOOLEAN));
    }

    private String required(ExchangeProperty property, PropertyType type) {
        requireNonNull(property, "property");
        if (property.type() != type) {
            throw new IllegalArgumentException(property.propertyName() + " is of type "
                    + property.type() + ", not " + type);
        }
        String value = get(property);
        if (value == null) {
            throw new IllegalStateException(property.propertyName()
                    + " has neither a value nor a default; call isSet first");
        }
        return value;
    }

    /** How long to wait for each request ({@code Timeout}), or null when it is 0: no limit. */
    public Duration timeout() {
        long seconds = getLong(ExchangeProperty.TIMEOUT);
        return seconds == 0 ? null : Duration.ofSeconds(seconds);
    }

    /** The effective {@code AuthScheme}: the one set, else AzureAD for MSGraph, Basic for EWS. */
    public String authScheme() {
        if (isSet(ExchangeProperty.AUTH_SCHEME)) {
            return get(ExchangeProperty.AUTH_SCHEME);
        }
        return "EWS".equals(get(ExchangeProperty.SCHEMA)) ? "Basic" : "AzureAD";
    }

    /** The effective {@code ProxyAuthScheme}: the one set, else BASIC with a ProxyUser, NONE. */
    public String proxyAuthScheme() {
        if (isSet(ExchangeProperty.PROXY_AUTH_SCHEME)) {
            return get(ExchangeProperty.PROXY_AUTH_SCHEME);
        }
        return isSet(ExchangeProperty.PROXY_USER) ? "BASIC" : "NONE";
    }

    /**
     * The base URL of Microsoft Graph without a trailing slash: {@code GraphUrl} when set, else
     * the Graph host of {@code Office365Environment}.
     */
    public String graphUrl() {
        if (isSet(ExchangeProperty.GRAPH_URL)) {
            return withoutTrailingSlash(get(ExchangeProperty.GRAPH_URL));
        }
        return switch (get(ExchangeProperty.OFFICE365_ENVIRONMENT)) {
            case "GCCHigh" -> "https://graph.microsoft.us";
            case "DOD" -> "https://dod-graph.microsoft.us";
            case "China" -> "https://microsoftgraph.chinacloudapi.cn";
            default -> withoutTrailingSlash(ExchangeProperty.GRAPH_URL.defaultValue());
        };
    }

    /**
     * The base URL of the Microsoft Entra sign-in service without a trailing slash:
     * {@code LoginUrl} when set, else the sign-in host of {@code Office365Environment}.
     */
    public String loginUrl() {
        if (isSet(ExchangeProperty.LOGIN_URL)) {
            return withoutTrailingSlash(get(ExchangeProperty.LOGIN_URL));
        }
        return switch (get(ExchangeProperty.OFFICE365_ENVIRONMENT)) {
            case "GCCHigh", "DOD" -> "https://login.microsoftonline.us";
            case "China" -> "https://login.chinacloudapi.cn";
            default -> withoutTrailingSlash(ExchangeProperty.LOGIN_URL.defaultValue());
        };
    }

    private static String withoutTrailingSlash(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    /**
     * The headers of {@code CustomHeaders}, names to values in the order given; empty when not
     * set. The values may be secrets: never log them.
     */
    public Map<String, String> customHeaders() {
        return customHeaders;
    }

    /**
     * The table names of {@code Tables}, a set whose {@code contains} ignores letter case; empty
     * when not set, meaning every table.
     */
    public Set<String> tables() {
        return tables;
    }

    /**
     * The view names of {@code Views}, a set whose {@code contains} ignores letter case; empty
     * when not set, meaning every view.
     */
    public Set<String> views() {
        return views;
    }

    /**
     * The properties that are set, canonical names to normalized values, in catalog order. It
     * holds secrets: hand it to code that needs them, never to a log.
     */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<ExchangeProperty, String> e : values.entrySet()) {
            map.put(e.getKey().propertyName(), e.getValue());
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * One entry per property of the catalog, for {@code Driver.getPropertyInfo}: the current value
     * (set or default; never the value of a secret), the description, and the choices of
     * enumerations and booleans.
     */
    public DriverPropertyInfo[] propertyInfo() {
        ExchangeProperty[] catalog = ExchangeProperty.values();
        DriverPropertyInfo[] infos = new DriverPropertyInfo[catalog.length];
        for (int i = 0; i < catalog.length; i++) {
            ExchangeProperty p = catalog[i];
            DriverPropertyInfo info =
                    new DriverPropertyInfo(p.propertyName(), p.secret() ? null : get(p));
            info.description = p.supported()
                    ? p.description()
                    : p.description() + " Not supported yet.";
            info.required = false;
            if (p.type() == PropertyType.ENUM) {
                info.choices = p.allowedValues().toArray(new String[0]);
            } else if (p.type() == PropertyType.BOOLEAN) {
                info.choices = new String[] {"true", "false"};
            }
            infos[i] = info;
        }
        return infos;
    }

    /**
     * The connection string of the properties that are set, without the {@value #URL_PREFIX}
     * prefix, with the value of every secret property replaced by {@code ***}.
     */
    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>();
        for (Map.Entry<ExchangeProperty, String> e : values.entrySet()) {
            shown.put(e.getKey().propertyName(), e.getKey().secret() ? "***" : e.getValue());
        }
        return ConnectionString.format(shown);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExchangeConfig that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
