package io.exchangejdbc.emulator.store;

/** Format of a message body, Graph's {@code bodyType} enumeration. */
public enum BodyType {
    TEXT("text"),
    HTML("html");

    private final String graphName;

    BodyType(String graphName) {
        this.graphName = graphName;
    }

    /** Returns the member name as Graph spells it. */
    public String graphName() {
        return graphName;
    }
}
