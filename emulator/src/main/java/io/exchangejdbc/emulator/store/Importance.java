package io.exchangejdbc.emulator.store;

/** Importance of a message, Graph's {@code importance} enumeration. */
public enum Importance {
    LOW("low"),
    NORMAL("normal"),
    HIGH("high");

    private final String graphName;

    Importance(String graphName) {
        this.graphName = graphName;
    }

    /** Returns the member name as Graph spells it. */
    public String graphName() {
        return graphName;
    }
}
