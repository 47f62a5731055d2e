package io.exchangejdbc.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalServiceException;
import io.exchangejdbc.log.Redactor;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How refused sign-ins read. */
class SignInErrorsTest {

    private final Redactor redactor = Redactor.of(List.of("the-secret~value"));

    @Test
    void aBadSecretQuotesTheCodeAndFirstSentenceAndSaysWhatToCheck() {
        MsalServiceException cause = new MsalServiceException("AADSTS7000215: Invalid client"
                + " secret provided. Ensure the secret being sent in the request is the client"
                + " secret value, not the client secret ID, for a secret added to app 'x'.\r\n"
                + "Trace ID: 1\r\nCorrelation ID: 2", "invalid_client");
        SQLException e = SignInErrors.of(cause, "application app to tenant t", redactor);
        assertEquals("28000", e.getSQLState());
        assertEquals("Microsoft Entra ID refused to sign in application app to tenant t:"
                + " AADSTS7000215: Invalid client secret provided. Check OAuthClientSecret: it"
                + " must be the secret's value, not its id.", e.getMessage());
        assertSame(cause, e.getCause());
    }

    @Test
    void anUnknownTenantAndAnUnknownAppSayWhichPropertyToCheck() {
        SQLException tenant = SignInErrors.of(new MsalServiceException("AADSTS90002: Tenant"
                + " 'nope' not found. Check to make sure you have the correct tenant ID.",
                "invalid_request"), "app", redactor);
        assertTrue(tenant.getMessage().contains("AADSTS90002: Tenant 'nope' not found."),
                tenant.getMessage());
        assertTrue(tenant.getMessage().contains("Check AzureTenant"), tenant.getMessage());
        SQLException app = SignInErrors.of(new MsalServiceException("AADSTS700016: Application"
                + " with identifier 'x' was not found in the directory 'y'.",
                "unauthorized_client"),
                "app", redactor);
        assertTrue(app.getMessage().contains("Check OAuthClientId"), app.getMessage());
    }

    @Test
    void aSecretEchoedByTheServiceIsMasked() {
        SQLException e = SignInErrors.of(new MsalServiceException("AADSTS50000: Bad"
                + " the-secret~value here.", "x"), "app", redactor);
        assertFalse(e.getMessage().contains("the-secret~value"), e.getMessage());
    }

    @Test
    void theTransportsOwnFailureIsKept() {
        SQLException cannotConnect = new SQLException("Could not connect", "08001");
        assertSame(cannotConnect, SignInErrors.of(new MsalClientException(cannotConnect),
                "app", redactor));
    }

    @Test
    void firstSentenceStopsAtAFullStopFollowedBySpaceOrALineBreak() {
        assertEquals("Invalid client secret provided.",
                SignInErrors.firstSentence("Invalid client secret provided. Ensure it."));
        assertEquals("Tenant 'a.b.c' not found.",
                SignInErrors.firstSentence("Tenant 'a.b.c' not found.\r\nTrace ID: 1"));
        assertEquals("No full stop", SignInErrors.firstSentence("No full stop\nTrace"));
    }
}
