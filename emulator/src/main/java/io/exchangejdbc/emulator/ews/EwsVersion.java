package io.exchangejdbc.emulator.ews;

import java.util.Optional;

/**
 * The schema versions a client may ask for in {@code RequestServerVersion}, in the order the
 * schema grew (the values of {@code t:ExchangeVersionType}). An operation or property newer than
 * the version asked for is refused, as Exchange does.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/requestserverversion">RequestServerVersion</a>
 */
public enum EwsVersion {
    EXCHANGE2007("Exchange2007"),
    EXCHANGE2007_SP1("Exchange2007_SP1"),
    EXCHANGE2009("Exchange2009"),
    EXCHANGE2010("Exchange2010"),
    EXCHANGE2010_SP1("Exchange2010_SP1"),
    EXCHANGE2010_SP2("Exchange2010_SP2"),
    EXCHANGE2012("Exchange2012"),
    EXCHANGE2013("Exchange2013"),
    EXCHANGE2013_SP1("Exchange2013_SP1"),
    EXCHANGE2015("Exchange2015"),
    EXCHANGE2016("Exchange2016"),
    V2015_10_05("V2015_10_05"),
    V2016_01_06("V2016_01_06"),
    V2016_04_13("V2016_04_13"),
    V2016_07_13("V2016_07_13"),
    V2016_10_10("V2016_10_10");

    private final String schemaName;

    EwsVersion(String schemaName) {
        this.schemaName = schemaName;
    }

    /** Returns the name as the schema spells it, e.g. {@code Exchange2010_SP1}. */
    public String schemaName() {
        return schemaName;
    }

    /** Tells whether this version includes what was introduced in {@code other}. */
    public boolean atLeast(EwsVersion other) {
        return compareTo(other) >= 0;
    }

    /** Finds the version with the given schema name (exact spelling). */
    public static Optional<EwsVersion> of(String schemaName) {
        for (EwsVersion v : values()) {
            if (v.schemaName.equals(schemaName)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
