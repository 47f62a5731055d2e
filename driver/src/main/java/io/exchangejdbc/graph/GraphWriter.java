package io.exchangejdbc.graph;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.exchangejdbc.auth.TokenProvider;
import io.exchangejdbc.http.HttpResult;
import io.exchangejdbc.http.QueryControl;
import io.exchangejdbc.http.RetryPolicy;
import io.exchangejdbc.http.Transport;
import io.exchangejdbc.http.TransportRequest;
import io.exchangejdbc.log.LogModule;
import io.exchangejdbc.log.Verbosity;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends the create, update and delete requests of a statement: one request alone, several in
 * Graph JSON batches of at most 20 ({@code POST {GraphUrl}/v1.0/$batch}).
 *
 * <p>Only what the service did not apply is sent again: a request (or batch item) answered 429 or
 * 503 is repeated after its {@code Retry-After}, within the retry policy; a whole batch answered
 * 429 or 503 is repeated as a whole. A request whose fate is unknown, because the connection
 * failed or the time ran out after it was sent, is never repeated: its row is reported as
 * possibly changed. Other failures are reported per row.
 *
 * @see <a href="https://learn.microsoft.com/graph/json-batching">JSON batching</a>
 * @see <a href="https://learn.microsoft.com/graph/throttling">Throttling</a>
 */
final class GraphWriter {

    /** The most requests Graph accepts in one {@code $batch}. */
    static final int MAX_BATCH = GraphBatch.MAX_REQUESTS;

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private final GraphClient client;
    private final int batchSize;

    GraphWriter(GraphClient client, int batchSize) {
        this.client = requireNonNull(client, "client");
        this.batchSize = Math.max(1, Math.min(MAX_BATCH, batchSize));
    }

    /** Sends the requests; the outcomes come in the order of the requests. */
    List<WriteOutcome> send(List<WriteRequest> requests, String table, QueryControl control)
            throws SQLException {
        if (requests.size() == 1 || batchSize == 1) {
            List<WriteOutcome> out = new ArrayList<>();
            boolean stop = false;
            for (WriteRequest r : requests) {
                if (stop) {
                    out.add(notSent(r, table));
                    continue;
                }
                WriteOutcome o = single(r, table, control);
                out.add(o);
                stop = o.failure() != null && isUnknownFate(o.failure());
            }
            return out;
        }
        List<WriteOutcome> out = new ArrayList<>(requests.size());
        boolean stop = false;
        for (int from = 0; from < requests.size(); from += batchSize) {
            List<WriteRequest> chunk = requests.subList(from,
                    Math.min(requests.size(), from + batchSize));
            if (stop) {
                for (WriteRequest r : chunk) {
                    out.add(notSent(r, table));
                }
                continue;
            }
            List<WriteOutcome> done = batch(chunk, table, control);
            out.addAll(done);
            for (WriteOutcome o : done) {
                stop |= o.failure() != null && isUnknownFate(o.failure());
            }
        }
        return out;
    }

    private static boolean isUnknownFate(SQLException e) {
        return e instanceof UnknownFate;
    }

    private static WriteOutcome notSent(WriteRequest r, String table) {
        return new WriteOutcome(r, null, new SQLException("Not sent: an earlier change to " + table
                + " ended in doubt, so the driver stopped; " + r.what() + " was not changed.",
                "08S01"));
    }

    // ---- one request

    private WriteOutcome single(WriteRequest r, String table, QueryControl control)
            throws SQLException {
        RetryPolicy policy = client.transport().options().retryPolicy();
        URI uri = URI.create(client.graphUrl() + "/v1.0" + r.path());
        for (int attempt = 1; ; attempt++) {
            TransportRequest.Builder b = TransportRequest.of(r.method(), uri, r.body())
                    .retrySafe(false)
                    .header("Accept", "application/json")
                    .header("Prefer", "IdType=\"ImmutableId\"");
            if (r.body() != null) {
                b.header("Content-Type", "application/json");
            }
            authorize(b);
            if (r.mailbox() != null) {
                b.mailbox(r.mailbox());
            }
            HttpResult result;
            try {
                result = client.transport().send(b.build(), client.transport().newDeadline(),
                        control);
            } catch (SQLException e) {
                return new WriteOutcome(r, null, sendFailure(e, r, table, r.method() + " "
                        + r.path()));
            }
            int status = result.status();
            if (result.isSuccess()) {
                String id = null;
                String text = result.readText(MAX_BODY);
                result.close();
                if (r.method().equals("POST")) {
                    id = idOf(text);
                }
                return new WriteOutcome(r, id, null);
            }
            if (status == 401 && attempt == 1 && client.tokens().renewable()) {
                result.close();
                client.tokens().invalidate();
                continue;
            }
            String retryAfter = result.header("Retry-After");
            if (status == 429 || status == 503) {
                Optional<Duration> delay = policy.delayBeforeRetry(attempt, retryAfter,
                        Instant.now(), ThreadLocalRandom.current().nextDouble());
                if (delay.isPresent()) {
                    result.close();
                    pause(delay.get(), control, r.method() + " " + r.path(), status);
                    continue;
                }
            }
            String text;
            try {
                text = result.readText(64 * 1024);
            } finally {
                result.close();
            }
            GraphErrors.ErrorBody body = GraphErrors.parse(text);
            return new WriteOutcome(r, null, WriteErrors.refused(status, body,
                    result.requestId(), r, table, client.transport().redactor()));
        }
    }

    private void authorize(TransportRequest.Builder b) throws SQLException {
        TokenProvider tokens = client.tokens();
        String token = tokens.token();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
    }

    private void pause(Duration delay, QueryControl control, String what, int status)
            throws SQLException {
        pause(client, delay, control, what, status);
    }

    /**
     * Waits {@code delay} before sending {@code what} again, which the service answered
     * {@code status}; the wait ends early with an exception when the execution is cancelled or
     * times out.
     */
    static void pause(GraphClient client, Duration delay, QueryControl control, String what,
            int status) throws SQLException {
        client.log().log(LogModule.HTTP, Verbosity.REQUESTS, "the service answered " + status
                + " to " + what + "; sending it again in " + delay.toMillis() + " ms");
        long end = System.nanoTime() + delay.toNanos();
        long left;
        try {
            while ((left = end - System.nanoTime()) > 0) {
                control.check(what);
                Thread.sleep(Math.max(1, Math.min(left / 1_000_000,
                        QueryControl.POLL.toMillis())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting to send " + what + " again.",
                    "HY008", e);
        }
        control.check(what);
    }

    /**
     * The failure of a request that could not be sent or whose answer never came: when the host
     * could not be reached nothing was applied; otherwise the change may have been applied.
     */
    private static SQLException sendFailure(SQLException e, WriteRequest r, String table,
            String what) {
        if ("08001".equals(e.getSQLState()) || "08003".equals(e.getSQLState())) {
            return e;
        }
        return new UnknownFate("The outcome of " + what + " (" + r.what() + " of " + table
                + ") is unknown: " + e.getMessage() + " The change may have been applied;"
                + " the driver does not send it again. Read the table to check before"
                + " repeating it.", e.getSQLState() == null ? "08S01" : e.getSQLState(), e);
    }

    /** A failure after which the service may or may not have applied the change. */
    static final class UnknownFate extends SQLException {
        private static final long serialVersionUID = 1L;

        UnknownFate(String message, String state, Throwable cause) {
            super(message, state, cause);
        }
    }

    private static String idOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("id") && t == JsonToken.VALUE_STRING) {
                    return p.getText();
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    // ---- $batch

    private List<WriteOutcome> batch(List<WriteRequest> chunk, String table,
            QueryControl control) throws SQLException {
        RetryPolicy policy = client.transport().options().retryPolicy();
        Map<String, WriteOutcome> outcomes = new HashMap<>();
        Map<String, WriteRequest> pending = new LinkedHashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            pending.put(String.valueOf(i + 1), chunk.get(i));
        }
        URI uri = URI.create(client.graphUrl() + "/v1.0/$batch");
        int round = 0;
        int wholeAttempts = 0;
        while (!pending.isEmpty()) {
            round++;
            byte[] body = batchBody(pending);
            TransportRequest.Builder b = TransportRequest.post(uri, "application/json", body)
                    .retrySafe(false)
                    .header("Accept", "application/json");
            authorize(b);
            HttpResult result;
            try {
                result = client.transport().send(b.build(), client.transport().newDeadline(),
                        control);
            } catch (SQLException e) {
                for (Map.Entry<String, WriteRequest> p : pending.entrySet()) {
                    outcomes.put(p.getKey(), new WriteOutcome(p.getValue(), null,
                            sendFailure(e, p.getValue(), table, "POST /v1.0/$batch")));
                }
                break;
            }
            int status = result.status();
            if (!result.isSuccess()) {
                String retryAfter = result.header("Retry-After");
                if (status == 401 && wholeAttempts == 0 && client.tokens().renewable()) {
                    wholeAttempts++;
                    result.close();
                    client.tokens().invalidate();
                    continue;
                }
                if (status == 429 || status == 503) {
                    wholeAttempts++;
                    Optional<Duration> delay = policy.delayBeforeRetry(wholeAttempts,
                            retryAfter, Instant.now(), ThreadLocalRandom.current().nextDouble());
                    if (delay.isPresent()) {
                        result.close();
                        pause(delay.get(), control, "POST /v1.0/$batch", status);
                        continue;
                    }
                }
                String text;
                try {
                    text = result.readText(64 * 1024);
                } finally {
                    result.close();
                }
                GraphErrors.ErrorBody error = GraphErrors.parse(text);
                for (Map.Entry<String, WriteRequest> p : pending.entrySet()) {
                    outcomes.put(p.getKey(), new WriteOutcome(p.getValue(), null,
                            WriteErrors.refused(status, error, result.requestId(), p.getValue(),
                                    table, client.transport().redactor())));
                }
                break;
            }
            List<GraphBatch.Response> items;
            try {
                items = GraphBatch.parse(result.readText(MAX_BODY));
            } catch (IOException e) {
                for (Map.Entry<String, WriteRequest> p : pending.entrySet()) {
                    outcomes.put(p.getKey(), new WriteOutcome(p.getValue(), null,
                            new UnknownFate("The answer to a batch of changes to " + table
                                    + " could not be read (" + e.getMessage() + "); the"
                                    + " changes may have been applied. Read the table to"
                                    + " check before repeating them.", "08S01", e)));
                }
                break;
            } finally {
                result.close();
            }
            Map<String, WriteRequest> again = new LinkedHashMap<>();
            Duration wait = Duration.ZERO;
            Map<String, GraphBatch.Response> throttled = new HashMap<>();
            for (GraphBatch.Response item : items) {
                WriteRequest r = pending.get(item.id());
                if (r == null) {
                    continue;
                }
                if (item.status() >= 200 && item.status() < 300) {
                    outcomes.put(item.id(), new WriteOutcome(r, idOf(item.body()), null));
                } else if (item.status() == 429 || item.status() == 503) {
                    Optional<Duration> delay = policy.delayBeforeRetry(round, item.retryAfter(),
                            Instant.now(), ThreadLocalRandom.current().nextDouble());
                    if (delay.isPresent()) {
                        again.put(item.id(), r);
                        wait = delay.get().compareTo(wait) > 0 ? delay.get() : wait;
                    }
                    throttled.put(item.id(), item);
                } else {
                    outcomes.put(item.id(), new WriteOutcome(r, null, WriteErrors.refused(
                            item.status(), GraphErrors.parse(item.body() == null ? ""
                                    : item.body()), item.requestId(),
                            r, table,
                            client.transport().redactor())));
                }
            }
            for (Map.Entry<String, WriteRequest> p : pending.entrySet()) {
                String id = p.getKey();
                if (outcomes.containsKey(id) || again.containsKey(id)) {
                    continue;
                }
                GraphBatch.Response t = throttled.get(id);
                outcomes.put(id, new WriteOutcome(p.getValue(), null, t != null
                        ? WriteErrors.refused(t.status(),
                                GraphErrors.parse(t.body() == null ? "" : t.body()),
                                t.requestId(), p.getValue(), table, client.transport().redactor())
                        : new UnknownFate("The batch answer named no outcome for "
                                + p.getValue().what() + " of " + table + "; the change may"
                                + " have been applied.", "08S01", null)));
            }
            pending = again;
            if (!pending.isEmpty()) {
                pause(wait, control, "POST /v1.0/$batch (" + pending.size() + " throttled)",
                        429);
            }
        }
        List<WriteOutcome> out = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            out.add(outcomes.get(String.valueOf(i + 1)));
        }
        return out;
    }

    private static byte[] batchBody(Map<String, WriteRequest> pending) throws SQLException {
        List<GraphBatch.Request> requests = new ArrayList<>(pending.size());
        for (Map.Entry<String, WriteRequest> e : pending.entrySet()) {
            WriteRequest r = e.getValue();
            requests.add(new GraphBatch.Request(e.getKey(), r.method(), r.path(), r.body()));
        }
        return GraphBatch.body(requests);
    }
}
