package io.exchangejdbc.emulator.graph.odata;

/**
 * What a request asked about how values are presented, which some property getters need
 * (Graph serves message bodies as text when the client prefers it).
 *
 * @param bodyAsText whether bodies are wanted as plain text rather than HTML
 */
public record ValueContext(boolean bodyAsText) {

    /** The presentation when the client asked for nothing special. */
    public static final ValueContext DEFAULT = new ValueContext(false);
}
