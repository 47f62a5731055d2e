package io.exchangejdbc.emulator.graph;

/**
 * A message body in the format a request asked for, Graph's {@code itemBody}.
 *
 * @param contentType {@code html} or {@code text}
 * @param content the body
 */
record BodyValue(String contentType, String content) {
}
