package io.exchangejdbc.graph;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.config.ExchangeProperty;
import java.util.Locale;

/**
 * The connection properties that shape every scan of a Graph client.
 *
 * @param pageSize       the {@code Pagesize} property, or null to let the request plan choose
 * @param maxRows        the {@code MaxRows} property; 0 or less for no limit
 * @param bodyType       the {@code Prefer: outlook.body-content-type} value ({@code text} or
 *                       {@code html}), or null to get bodies as stored ({@code BodyType=Best})
 * @param defaultMailbox the {@code UserId} property, or null for the signed-in user
 */
record ScanSettings(Integer pageSize, long maxRows, String bodyType, String defaultMailbox) {

    /** Defaults: no page size, no row limit, bodies as stored, the signed-in user. */
    static final ScanSettings DEFAULTS = new ScanSettings(null, -1, null, null);

    /** The settings of a configuration. */
    static ScanSettings from(ExchangeConfig config) {
        Integer pageSize = config.isSet(ExchangeProperty.PAGESIZE)
                ? config.getInt(ExchangeProperty.PAGESIZE) : null;
        long maxRows = config.getLong(ExchangeProperty.MAX_ROWS);
        String body = config.get(ExchangeProperty.BODY_TYPE);
        String bodyType = null;
        if (body != null && body.equalsIgnoreCase("Text")) {
            bodyType = "text";
        } else if (body != null && body.equalsIgnoreCase("HTML")) {
            bodyType = "html";
        }
        String userId = config.get(ExchangeProperty.USER_ID);
        return new ScanSettings(pageSize, maxRows, bodyType,
                userId == null || userId.isBlank() ? null : userId.strip());
    }

    /** The same settings with another default mailbox. */
    ScanSettings withDefaultMailbox(String mailbox) {
        return new ScanSettings(pageSize, maxRows, bodyType, mailbox);
    }

    @Override
    public String toString() {
        return "ScanSettings[pageSize=" + pageSize + ", maxRows=" + maxRows + ", bodyType="
                + (bodyType == null ? "best" : bodyType.toLowerCase(Locale.ROOT))
                + ", defaultMailbox=" + defaultMailbox + "]";
    }
}
