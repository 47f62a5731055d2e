package io.exchangejdbc.ews;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.config.ExchangeProperty;

/**
 * The connection properties that shape the EWS client's requests.
 *
 * @param pageSize       {@code Pagesize}: MaxEntriesReturned of each page, or null for the
 *                       driver's choice
 * @param maxRows        {@code MaxRows}; 0 or less for no limit
 * @param bodyType       {@code BodyType}: Best, HTML or Text
 * @param includeContent {@code IncludeContent}: read every row with GetItem too
 * @param batchSize      {@code BatchSize}: item ids per GetItem
 * @param folderDepth    {@code DirectoryRetrievalDepth}: levels of subfolders listed (-1 all)
 * @param defaultScope   {@code ImpersonationUser} / {@code ImpersonationType}
 */
public record EwsSettings(Integer pageSize, long maxRows, String bodyType,
        boolean includeContent, int batchSize, int folderDepth, MailboxScope defaultScope) {

    /** Page size when {@code Pagesize} is not set: large pages, few round trips. */
    public static final int DEFAULT_PAGE_SIZE = 250;
    /** The most items EWS returns in one page. */
    public static final int MAX_PAGE_SIZE = 1000;

    /** Defaults for tests: no limit, bodies as stored, batches of 20, depth 5, own mailbox. */
    public static final EwsSettings DEFAULTS =
            new EwsSettings(null, -1, "Best", false, 20, 5, MailboxScope.OWN);

    /** The settings of a configuration. */
    public static EwsSettings from(ExchangeConfig config) {
        Integer pageSize = config.isSet(ExchangeProperty.PAGESIZE)
                ? config.getInt(ExchangeProperty.PAGESIZE) : null;
        String body = config.get(ExchangeProperty.BODY_TYPE);
        return new EwsSettings(pageSize, config.getLong(ExchangeProperty.MAX_ROWS),
                body == null ? "Best" : body,
                config.getBoolean(ExchangeProperty.INCLUDE_CONTENT),
                config.getInt(ExchangeProperty.BATCH_SIZE),
                config.getInt(ExchangeProperty.DIRECTORY_RETRIEVAL_DEPTH),
                new MailboxScope(config.get(ExchangeProperty.IMPERSONATION_USER),
                        config.isSet(ExchangeProperty.IMPERSONATION_TYPE)
                                ? config.get(ExchangeProperty.IMPERSONATION_TYPE) : null,
                        null));
    }

    /** The page size to ask for. */
    int effectivePageSize() {
        return pageSize == null ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
    }
}
