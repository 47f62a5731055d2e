package io.exchangejdbc.graph;

import static io.exchangejdbc.http.LocalHttpServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.http.LocalHttpServer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An application sign-in against one loopback server that is both the token endpoint and Graph: a
 * token Graph refuses is renewed once and the request repeated; a mailbox table read without a
 * mailbox is refused before any request.
 */
class TokenRenewalTest {

    private LocalHttpServer server;
    private GraphClient client;
    private final AtomicInteger tokensIssued = new AtomicInteger();

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Graph accepts only tokens issued after the first one, as if the first had expired. */
    private void start(boolean refuseEveryToken) throws Exception {
        server = LocalHttpServer.start((ex, r, i) -> {
            if (r.uri().getPath().endsWith("/oauth2/v2.0/token")) {
                json(ex, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,"
                        + "\"access_token\":\"tok" + tokensIssued.getAndIncrement() + "\"}");
            } else if (refuseEveryToken || "Bearer tok0".equals(r.header("Authorization"))) {
                json(ex, 401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\","
                        + "\"message\":\"Lifetime validation failed, the token is expired.\"}}",
                        "WWW-Authenticate", "Bearer error=\"invalid_token\"");
            } else {
                json(ex, 200, "{\"value\":[{\"id\":\"m1\"}]}");
            }
        });
        client = GraphClient.open(ExchangeConfig.fromConnectionString("GraphUrl="
                + server.baseUrl() + ";LoginUrl=" + server.baseUrl()
                + ";AuthScheme=AzureServicePrincipal;AzureTenant=contoso.onmicrosoft.com;"
                + "OAuthClientId=app-1;OAuthClientSecret=secret-1;Timeout=10"));
    }

    private GraphQuery messagesOf(String mailbox) {
        return GraphQuery.of(TestTables.messages())
                .withOutput(TestTables.columns(TestTables.messages(), "id"))
                .withMailboxes(mailbox == null ? List.of() : List.of(new Operand.Literal(mailbox)));
    }

    @Test
    void aRefusedTokenIsRenewedOnceAndTheRequestRepeated() throws Exception {
        start(false);
        List<Object> ids = new ArrayList<>();
        try (RowCursor c = client.scan(messagesOf("alice@contoso.com"),
                Operand.Parameters.NONE)) {
            while (c.next()) {
                ids.add(c.current()[0]);
            }
        }
        assertEquals(List.of("m1"), ids);
        assertEquals(2, tokensIssued.get());
        List<String> paths = new ArrayList<>();
        server.requests().forEach(r -> paths.add(r.uri().getPath()));
        assertEquals(List.of("/contoso.onmicrosoft.com/oauth2/v2.0/token",
                "/v1.0/users/alice@contoso.com/messages",
                "/contoso.onmicrosoft.com/oauth2/v2.0/token",
                "/v1.0/users/alice@contoso.com/messages"), paths);
    }

    @Test
    void aTokenRefusedTwiceIs28000() throws Exception {
        start(true);
        SQLException e = assertThrows(SQLException.class, () -> {
            try (RowCursor c = client.scan(messagesOf("alice@contoso.com"),
                    Operand.Parameters.NONE)) {
                c.next();
            }
        });
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("InvalidAuthenticationToken"), e.getMessage());
        assertEquals(2, tokensIssued.get());
    }

    @Test
    void anApplicationHasNoMailboxOfItsOwn() throws Exception {
        start(false);
        SQLException e = assertThrows(SQLException.class,
                () -> client.scan(messagesOf(null), Operand.Parameters.NONE));
        assertEquals("42000", e.getSQLState());
        assertTrue(e.getMessage().contains("UserId"), e.getMessage());
        assertTrue(server.requests().isEmpty());
    }
}
