package io.exchangejdbc.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.exchangejdbc.http.Transport;
import io.exchangejdbc.http.TransportOptions;
import io.exchangejdbc.log.ConnectionLog;
import io.exchangejdbc.log.Redactor;
import io.exchangejdbc.log.Verbosity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The address mapping that lets msal4j, which only knows https authorities, use any LoginUrl. */
class MsalHttpClientTest {

    @Test
    void msalsHttpsOriginIsReplacedByTheLoginUrl() {
        try (Transport t = new Transport(TransportOptions.withTimeout(Duration.ofSeconds(1)),
                ConnectionLog.withoutFile(Verbosity.SUMMARY, Redactor.PATTERNS_ONLY))) {
            MsalHttpClient c = new MsalHttpClient(t, "https://127.0.0.1:8443",
                    "http://127.0.0.1:8443/login");
            assertEquals("http://127.0.0.1:8443/login/contoso.com/oauth2/v2.0/token",
                    c.mapUrl("https://127.0.0.1:8443/contoso.com/oauth2/v2.0/token"));
            assertEquals("http://127.0.0.1:8443/login/common/discovery/instance?x=1",
                    c.mapUrl("HTTPS://127.0.0.1:8443/common/discovery/instance?x=1"));
            // Another host, or a host that merely starts the same, is left alone.
            assertEquals("https://127.0.0.1:84431/t/", c.mapUrl("https://127.0.0.1:84431/t/"));
            assertEquals("https://login.microsoftonline.com/common/discovery/instance",
                    c.mapUrl("https://login.microsoftonline.com/common/discovery/instance"));
        }
    }
}
