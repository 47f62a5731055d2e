package io.exchangejdbc.emulator.store;

/**
 * One RFC 5322 header of a message, Graph's {@code internetMessageHeader}.
 *
 * @param name the header name
 * @param value the header value
 */
public record InternetMessageHeader(String name, String value) {
}
