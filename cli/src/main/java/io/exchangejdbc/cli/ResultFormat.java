package io.exchangejdbc.cli;

import java.util.Locale;

/** An output format for query results, as chosen with {@code --format} or {@code \format}. */
public enum ResultFormat {
    /** Aligned columns with a header, a separator and a row-count footer. */
    TABLE,
    /** Comma-separated values as RFC 4180 describes them, with a header line. */
    CSV,
    /** One JSON array of objects, one object per row. */
    JSON;

    /**
     * The format with that name, ignoring case.
     *
     * @throws IllegalArgumentException naming the allowed values when there is none
     */
    public static ResultFormat of(String name) {
        for (ResultFormat f : values()) {
            if (f.name().equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "unknown format '" + name + "'; use table, csv or json");
    }

    /** The name as users type it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A writer for this format; {@code maxWidth} only matters for {@link #TABLE}. */
    public ResultWriter writer(int maxWidth) {
        switch (this) {
            case CSV:
                return new CsvWriter();
            case JSON:
                return new JsonWriter();
            default:
                return new TableWriter(maxWidth);
        }
    }
}
