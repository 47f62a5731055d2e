package io.exchangejdbc.calcite;

/**
 * The connection's settings that decide what the planner pushes into a scan's request.
 *
 * @param pageSize                   the {@code Pagesize} property, or null to let the driver choose
 * @param disableServerSideFiltering the {@code DisableServerSideFiltering} property: when true,
 *                                   every predicate, order and limit is evaluated in memory and
 *                                   only routing predicates ({@code UserId}, folder) shape the
 *                                   request
 */
public record PlannerSettings(Integer pageSize, boolean disableServerSideFiltering) {

    /** Settings that push everything the service can take, with the driver's page sizes. */
    public static final PlannerSettings DEFAULT = new PlannerSettings(null, false);
}
