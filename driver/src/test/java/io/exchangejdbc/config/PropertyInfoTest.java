package io.exchangejdbc.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** {@code Driver.getPropertyInfo} is the catalog, entry for entry, with the current values. */
class PropertyInfoTest {

    @Test
    void hasOneEntryPerCatalogPropertyInCatalogOrder() {
        DriverPropertyInfo[] infos = ExchangeConfig.defaults().propertyInfo();
        ExchangeProperty[] catalog = ExchangeProperty.values();
        assertEquals(catalog.length, infos.length);
        for (int i = 0; i < catalog.length; i++) {
            ExchangeProperty p = catalog[i];
            DriverPropertyInfo info = infos[i];
            assertEquals(p.propertyName(), info.name);
            assertFalse(info.required, info.name);
            assertTrue(info.description.startsWith(p.description()), info.name);
            assertEquals(!p.supported(), info.description.endsWith(" Not supported yet."),
                    info.name);
        }
    }

    @Test
    void choicesAreTheAllowedValuesOfEnumerationsAndTrueFalseOfBooleans() {
        DriverPropertyInfo[] infos = ExchangeConfig.defaults().propertyInfo();
        for (int i = 0; i < infos.length; i++) {
            ExchangeProperty p = ExchangeProperty.values()[i];
            String[] expected = switch (p.type()) {
                case ENUM -> p.allowedValues().toArray(new String[0]);
                case BOOLEAN -> new String[] {"true", "false"};
                default -> null;
            };
            assertArrayEquals(expected, infos[i].choices, p.propertyName());
        }
    }

    @Test
    void valuesAreTheSetOnesElseTheDefaults() throws SQLException {
        ExchangeConfig config = ExchangeConfig.fromConnectionString("Timeout=5;Schema=EWS");
        for (DriverPropertyInfo info : config.propertyInfo()) {
            ExchangeProperty p = ExchangeProperty.lookup(info.name);
            if (!p.secret()) {
                assertEquals(config.get(p), info.value, info.name);
            }
        }
        assertEquals("5", config.propertyInfo()[ExchangeProperty.TIMEOUT.ordinal()].value);
        assertEquals("Best", config.propertyInfo()[ExchangeProperty.BODY_TYPE.ordinal()].value);
        assertNull(config.propertyInfo()[ExchangeProperty.PAGESIZE.ordinal()].value);
    }
}
