package io.exchangejdbc.onprem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.http.onprem.OnPremResponse;
import io.exchangejdbc.http.onprem.OnPremTransport;
import io.exchangejdbc.log.ConnectionLog;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At Verbosity=5 the on-premises transport logs every leg of every sign-in, and no password,
 * Basic pair, Digest response or NTLM message ever reaches the log or an exception message.
 * {@link EwsOnPremSqlTest} checks the same of whole SQL runs, Negotiate included.
 */
class OnPremSecretsInLogTest {

    @Test
    void everySchemeAtVerbosityFiveLogsNoSecret(@TempDir Path dir) throws Exception {
        try (Emulator emu = Emulator.builder().users(2).messagesPerUser(2).build().start()) {
            User u = emu.store().users().get(0);
            Path log = dir.resolve("onprem.log");
            StringBuilder messages = new StringBuilder();
            for (String scheme : new String[] {"Basic", "Digest", "NTLM"}) {
                for (String password : new String[] {u.password(), "Wr0ng-" + u.password()}) {
                    ExchangeConfig config = ExchangeConfig.fromConnectionString("Schema=EWS;"
                            + "AuthScheme=" + scheme + ";User=" + u.userPrincipalName()
                            + ";Password=" + password + ";Server=" + emu.onPremUrl("any")
                            + ";Logfile=" + log + ";Verbosity=5");
                    try (ConnectionLog l = ConnectionLog.open(config);
                            OnPremTransport t = OnPremTransport.open(config, l);
                            OnPremResponse r = t.post(URI.create(emu.onPremUrl("any")),
                                    OnPremSignInTest.SOAP, OnPremSignInTest.HEADERS)) {
                        messages.append(r.text(1000));
                    } catch (SQLException e) {
                        messages.append(e.getMessage());
                    }
                }
            }
            String text = Files.readString(log);
            assertTrue(text.contains("Authorization: NTLM ****"), "the legs are logged");
            assertTrue(text.contains("Authorization: Digest ****"), "the legs are logged");
            assertTrue(messages.toString().contains("Authentication failed"));
            String all = text + messages;
            for (String secret : new String[] {u.password(), "Wr0ng-" + u.password(),
                Base64.getEncoder().encodeToString((u.userPrincipalName() + ":" + u.password())
                        .getBytes(StandardCharsets.UTF_8)),
                "TlRMTVNTUAAD", "response=\""}) {
                assertFalse(all.contains(secret), "a secret in the log: " + secret);
            }
        }
    }
}
