package io.exchangejdbc.emulator.store;

/** Follow-up state of a message, Graph's {@code followupFlagStatus} enumeration. */
public enum FlagStatus {
    NOT_FLAGGED("notFlagged"),
    COMPLETE("complete"),
    FLAGGED("flagged");

    private final String graphName;

    FlagStatus(String graphName) {
        this.graphName = graphName;
    }

    /** Returns the member name as Graph spells it. */
    public String graphName() {
        return graphName;
    }
}
