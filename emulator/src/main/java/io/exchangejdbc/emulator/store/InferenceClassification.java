package io.exchangejdbc.emulator.store;

/** Focused Inbox classification of a message, Graph's {@code inferenceClassificationType}. */
public enum InferenceClassification {
    FOCUSED("focused"),
    OTHER("other");

    private final String graphName;

    InferenceClassification(String graphName) {
        this.graphName = graphName;
    }

    /** Returns the member name as Graph spells it. */
    public String graphName() {
        return graphName;
    }
}
