package io.exchangejdbc.config;

/** Valid example values for any property of the catalog, shared by the tests of this package. */
final class Samples {

    private Samples() {
    }

    /**
     * A value the property accepts; for a secret, a distinctive text that must never show up in
     * output, so a test can search for it.
     */
    static String validValue(ExchangeProperty p) {
        return switch (p.type()) {
            case ENUM -> p.allowedValues().get(p.allowedValues().size() - 1);
            case BOOLEAN -> "true";
            case INTEGER -> Long.toString(Math.max(p.minValue(), Math.min(p.maxValue(), 7)));
            case URL -> "https://example.test/" + p.propertyName();
            case FILE_PATH -> "/var/tmp/" + p.propertyName() + ".txt";
            default -> p == ExchangeProperty.CUSTOM_HEADERS
                    ? "X-Api-Key: " + secretText(p)
                    : p.secret() ? secretText(p) : "sample-" + p.propertyName();
        };
    }

    /** The distinctive secret text used for a secret property. */
    static String secretText(ExchangeProperty p) {
        return "s3cr3t-" + p.propertyName() + "-Qz7";
    }
}
