package io.exchangejdbc.graph;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.exchangejdbc.http.HttpResult;
import io.exchangejdbc.log.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;

/**
 * One page of a Graph collection response ({@code {"value": [...], "@odata.nextLink": "..."}}) as
 * it streams in: each call to {@link #next()} parses one more element of {@code value} into a row,
 * so rows reach the consumer while the rest of the page is still arriving. After the last row the
 * rest of the document is read for {@code @odata.nextLink}, which Graph may put before or after
 * {@code value}.
 *
 * <p>A body that is not JSON, or that ends early, fails with SQLState 08S01 naming the URL; a body
 * that stalls past the {@code Timeout} fails with HYT00. Not thread-safe.
 *
 * @see <a href="https://learn.microsoft.com/graph/paging">Paging Microsoft Graph data</a>
 */
final class CollectionPage implements PageRows {

    /** SQLState of a response the driver cannot read. */
    static final String BAD_RESPONSE = "08S01";

    private final HttpResult result;
    private final JsonParser parser;
    private final EntityRowReader reader;
    private final Redactor redactor;
    private String nextLink;
    private boolean inValue;
    private boolean finished;
    private boolean single;
    private int rows;

    private CollectionPage(HttpResult result, JsonParser parser, EntityRowReader reader,
            Redactor redactor) {
        this.result = result;
        this.parser = parser;
        this.reader = reader;
        this.redactor = redactor;
    }

    /**
     * Starts reading a successful response, up to the start of its {@code value} array.
     *
     * @throws SQLException 08S01 when the body is not a JSON collection
     */
    static CollectionPage open(HttpResult result, EntityRowReader reader, Redactor redactor)
            throws SQLException {
        return open(result, reader, redactor, false);
    }

    /**
     * Starts reading a successful response that is one object (such as
     * {@code /mailboxSettings}), which {@link #next()} returns as the page's only row.
     *
     * @throws SQLException 08S01 when the body is not a JSON object
     */
    static CollectionPage openObject(HttpResult result, EntityRowReader reader,
            Redactor redactor) throws SQLException {
        return open(result, reader, redactor, true);
    }

    private static CollectionPage open(HttpResult result, EntityRowReader reader,
            Redactor redactor, boolean single) throws SQLException {
        requireNonNull(result, "result");
        String media = result.mediaType();
        if (media != null && !media.contains("json")) {
            String start = result.readText(200);
            result.close();
            throw new SQLException(redactor.redact("The response of GET " + result.uri()
                    + " is not JSON but " + media + " (HTTP " + result.status() + "): "
                    + collapse(start) + ". Check GraphUrl: it must point at Microsoft Graph"
                    + " or a gateway that passes its answers through."), BAD_RESPONSE);
        }
        CollectionPage page;
        try {
            InputStream body = result.body();
            page = new CollectionPage(result, EntityRowReader.JSON.createParser(body), reader,
                    redactor);
        } catch (IOException e) {
            result.close();
            throw result.readFailure(e);
        }
        page.single = single;
        page.start();
        return page;
    }

    /** Reads the opening of the document up to the first row (or its end). */
    private void start() throws SQLException {
        try {
            JsonToken t = parser.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw notJson("expected a JSON object, found " + describe(t), null);
            }
            if (single) {
                return;
            }
            scanTopLevel();
        } catch (JacksonException e) {
            throw notJson(e.getOriginalMessage(), e);
        } catch (IOException e) {
            close();
            throw result.readFailure(e);
        }
    }

    /**
     * Reads top-level fields until the {@code value} array opens (then {@link #inValue}) or the
     * object ends (then {@link #finished}).
     */
    private void scanTopLevel() throws IOException, SQLException {
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("value") && value == JsonToken.START_ARRAY) {
                inValue = true;
                return;
            }
            if (name.equals("@odata.nextLink") && value == JsonToken.VALUE_STRING) {
                nextLink = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw notJson("the document ends early", null);
        }
        finished = true;
    }

    /**
     * The next row of the page, or null when the page has no more (then {@link #nextLink()} is
     * known).
     */
    @Override
    public Object[] next() throws SQLException {
        try {
            if (single) {
                if (finished) {
                    return null;
                }
                finished = true;
                rows++;
                return reader.read(parser);
            }
            while (!finished) {
                if (!inValue) {
                    scanTopLevel();
                    continue;
                }
                JsonToken t = parser.nextToken();
                if (t == JsonToken.START_OBJECT) {
                    Object[] row = reader.read(parser);
                    rows++;
                    return row;
                }
                if (t == JsonToken.END_ARRAY) {
                    inValue = false;
                    continue;
                }
                if (t == null) {
                    throw notJson("the document ends inside 'value'", null);
                }
                // Collections of entities hold objects only; anything else carries no row.
                parser.skipChildren();
            }
            return null;
        } catch (JacksonException e) {
            throw notJson(e.getOriginalMessage(), e);
        } catch (IOException e) {
            close();
            throw result.readFailure(e);
        }
    }

    /** The URL of the next page, or null on the last page; known once {@link #next()} is null. */
    @Override
    public String nextLink() {
        return nextLink;
    }

    /** Rows read from this page so far. */
    int rows() {
        return rows;
    }

    /** The response being read. */
    @Override
    public HttpResult result() {
        return result;
    }

    private SQLException notJson(String detail, Exception cause) {
        close();
        return new SQLException(redactor.redact("The response of GET " + result.uri()
                + " is not valid JSON: " + (detail == null ? "unreadable" : detail)
                + (rows > 0 ? " (after " + rows + " rows of the page)" : "")
                + ". Run the query again; if it persists, check GraphUrl and any proxy"
                + " between the driver and Microsoft Graph."), BAD_RESPONSE, cause);
    }

    private static String describe(JsonToken t) {
        return t == null ? "nothing" : t.asString() != null ? "'" + t.asString() + "'"
                : t.name();
    }

    private static String collapse(String text) {
        String s = text.replaceAll("\\s+", " ").strip();
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // The body is being abandoned; the stream is closed below regardless.
        }
        result.close();
    }
}
