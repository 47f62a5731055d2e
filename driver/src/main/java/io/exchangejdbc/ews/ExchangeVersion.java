package io.exchangejdbc.ews;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.config.ExchangeProperty;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema version the driver asks Exchange to speak ({@code RequestServerVersion}), chosen
 * by the {@code Platform} property. Declared from oldest to newest, so that what a request may
 * contain can be checked with {@link #atLeast}.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/requestserverversion">
 *     RequestServerVersion</a>
 */
public enum ExchangeVersion {
    EXCHANGE2007("Exchange2007", "Exchange2007"),
    EXCHANGE2007_SP1("Exchange2007_SP1", "Exchange2007_SP1"),
    EXCHANGE2010("Exchange2010", "Exchange2010"),
    EXCHANGE2010_SP1("Exchange2010_SP1", "Exchange2010_SP1"),
    EXCHANGE2010_SP2("Exchange2010_SP2", "Exchange2010_SP2"),
    EXCHANGE2013("Exchange2013", "Exchange2013"),
    EXCHANGE2013_SP1("Exchange2013_SP1", "Exchange2013_SP1"),
    EXCHANGE2016("Exchange2016", "Exchange2016"),
    // Exchange 2019 and Exchange Online speak the newest schema version, which the
    // RequestServerVersion enumeration names Exchange2016.
    EXCHANGE2019("Exchange2019", "Exchange2016"),
    EXCHANGE_ONLINE("Exchange_Online", "Exchange2016");

    private final String platform;
    private final String requestVersion;

    ExchangeVersion(String platform, String requestVersion) {
        this.platform = platform;
        this.requestVersion = requestVersion;
    }

    /** The {@code Platform} property value. */
    public String platform() {
        return platform;
    }

    /** The {@code Version} attribute of {@code RequestServerVersion}. */
    public String requestVersion() {
        return requestVersion;
    }

    /** Whether this version is {@code other} or newer. */
    public boolean atLeast(ExchangeVersion other) {
        return ordinal() >= other.ordinal();
    }

    /**
     * The version of a configuration's {@code Platform} (default Exchange2019).
     *
     * @throws SQLException 08001 naming the allowed values when the value is not one of them
     */
    public static ExchangeVersion of(ExchangeConfig config) throws SQLException {
        String value = config.get(ExchangeProperty.PLATFORM);
        return parse(value == null ? EXCHANGE2019.platform : value);
    }

    /** The version named by a {@code Platform} value, ignoring case. */
    public static ExchangeVersion parse(String value) throws SQLException {
        String v = value == null ? "" : value.strip();
        List<String> names = new ArrayList<>();
        for (ExchangeVersion x : values()) {
            if (x.platform.equalsIgnoreCase(v)) {
                return x;
            }
            names.add(x.platform);
        }
        throw new SQLException("Platform='" + value + "' is not an Exchange version the driver"
                + " knows; use one of " + String.join(", ", names) + " (default Exchange2019).",
                "08001");
    }
}
