package io.exchangejdbc.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.MessageCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.core.tasks.PageIterator;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The three ways of reading the same messages that the Graph read benchmark compares: the driver
 * through SQL, the official Microsoft Graph Java SDK with its page iterator, and a raw floor of
 * JDK HttpClient requests parsed by Jackson's streaming parser with the rows discarded. All three
 * ask for the same six properties with the same page size.
 */
final class GraphReaders {

    /** The six columns, as SQL names and as Graph's $select. */
    static final String SQL_COLUMNS =
            "id, subject, receivedDateTime, isRead, from_emailAddress_address, importance";
    static final String[] SELECT =
            {"id", "subject", "receivedDateTime", "isRead", "from", "importance"};
    static final int PAGE_SIZE = 1000;

    private static final JsonFactory JSON = new JsonFactory();

    private GraphReaders() {
    }

    /** Rows read through the driver, every column fetched from the ResultSet. */
    static long driver(Connection c) throws Exception {
        long rows = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + SQL_COLUMNS + " FROM Messages")) {
            while (rs.next()) {
                rs.getString(1);
                rs.getString(2);
                rs.getTimestamp(3);
                rs.getBoolean(4);
                rs.getString(5);
                rs.getString(6);
                rows++;
            }
        }
        return rows;
    }

    /** Rows read through the Graph SDK's page iterator, every property read from the model. */
    static long sdk(GraphServiceClient client, String user) throws Exception {
        MessageCollectionResponse first = client.users().byUserId(user).messages().get(rc -> {
            rc.queryParameters.select = SELECT;
            rc.queryParameters.top = PAGE_SIZE;
        });
        AtomicLong rows = new AtomicLong();
        PageIterator<Message, MessageCollectionResponse> pages =
                new PageIterator.Builder<Message, MessageCollectionResponse>()
                        .client(client)
                        .collectionPage(first)
                        .collectionPageFactory(MessageCollectionResponse::createFromDiscriminatorValue)
                        .processPageItemCallback(m -> {
                            m.getId();
                            m.getSubject();
                            m.getReceivedDateTime();
                            m.getIsRead();
                            if (m.getFrom() != null && m.getFrom().getEmailAddress() != null) {
                                m.getFrom().getEmailAddress().getAddress();
                            }
                            m.getImportance();
                            rows.incrementAndGet();
                            return true;
                        })
                        .build();
        pages.iterate();
        return rows.get();
    }

    /** The first page's URL, as the floor and the SDK request it. */
    static String firstPage(String graphUrl, String user) {
        return graphUrl + "/v1.0/users/" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "/messages?$select=" + String.join(",", SELECT) + "&$top=" + PAGE_SIZE;
    }

    /** Rows read by plain requests and a streaming parse, the values discarded. */
    static long floor(HttpClient http, String token, String url) throws Exception {
        long rows = 0;
        String next = url;
        while (next != null) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(next))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").GET().build();
            HttpResponse<InputStream> response =
                    http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("floor request answered " + response.statusCode());
            }
            next = null;
            try (InputStream in = response.body(); JsonParser p = JSON.createParser(in)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if ("value".equals(field)) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            skipObject(p);
                            rows++;
                        }
                    } else if ("@odata.nextLink".equals(field)) {
                        next = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            }
        }
        return rows;
    }

    /** Reads every value of an object (so the text is decoded, as a consumer would). */
    private static void skipObject(JsonParser p) throws Exception {
        int depth = 1;
        while (depth > 0) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                depth++;
            } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                depth--;
            } else if (t == JsonToken.VALUE_STRING) {
                p.getText();
            }
        }
    }
}
