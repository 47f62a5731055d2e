package io.exchangejdbc.calcite;

/**
 * The connection's settings that shape a scan's request.
 *
 * @param pageSize                   the {@code Pagesize} property, or null to let the driver choose
 * @param disableServerSideFiltering the {@code DisableServerSideFiltering} property: when true,
 *                                   every predicate, order and limit is evaluated in memory and
 *                                   only routing predicates ({@code UserId}, folder) shape the
 *                                   request
 */
public record ScanSettings(Integer pageSize, boolean disableServerSideFiltering) {

    /** Settings that push everything the service can take, with the driver's page sizes. */
    public static final ScanSettings DEFAULT = new ScanSettings(null, false);
}
