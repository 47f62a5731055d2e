package io.exchangejdbc.schema;

import static io.exchangejdbc.schema.ColumnType.BIGINT;
import static io.exchangejdbc.schema.ColumnType.VARCHAR;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored procedures of {@code Schema=MSGraph}, declared once: parameters and result columns.
 *
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/v2-admin-consent">Admin
 *     consent on the Microsoft identity platform</a>
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow">
 *     Authorization code flow (the OAuth procedures of web applications)</a>
 */
final class GraphProcedures {

    private GraphProcedures() {
    }

    static List<ProcedureDef> procedures() {
        List<ProcedureDef> all = new ArrayList<>(signInProcedures());
        all.addAll(GraphMailProcedures.procedures());
        all.addAll(GraphEventProcedures.procedures());
        return List.copyOf(all);
    }

    private static List<ProcedureDef> signInProcedures() {
        return List.of(
                new ProcedureDef("GetAdminConsentURL",
                        "Builds the URL at which a tenant administrator grants the application"
                                + " (OAuthClientId) the permissions it asks for, for the whole"
                                + " tenant (AzureTenant). Open it in a browser; Entra ID then"
                                + " redirects to CallbackURL with admin_consent=True.",
                        List.of(
                                new ProcedureDef.Parameter("CallbackURL", VARCHAR, false,
                                        "http://localhost:33333",
                                        "Where Entra ID redirects after the consent; must be a"
                                                + " redirect URI of the app registration."),
                                new ProcedureDef.Parameter("State", VARCHAR, false, null,
                                        "A value returned unchanged with the redirect, to tie"
                                                + " it to the request."),
                                new ProcedureDef.Parameter("Scope", VARCHAR, false,
                                        "https://graph.microsoft.com/.default",
                                        "The permissions to consent to, separated by spaces;"
                                                + " .default means those configured on the app"
                                                + " registration.")),
                        List.of(new ProcedureDef.ResultColumn("URL", VARCHAR,
                                "The admin consent URL to open in a browser."))),
                new ProcedureDef("GetOAuthAuthorizationURL",
                        "Builds the URL at which a user signs in to the application"
                                + " (OAuthClientId, else the built-in one) for a web"
                                + " application: Entra ID then redirects to CallbackURL with"
                                + " the authorization code (and State), which"
                                + " GetOAuthAccessToken exchanges for tokens.",
                        List.of(
                                new ProcedureDef.Parameter("CallbackURL", VARCHAR, false, null,
                                        "Where Entra ID redirects with the code; a redirect URI"
                                                + " of the app registration. Default: the"
                                                + " CallbackURL property, else"
                                                + " http://localhost:33333."),
                                new ProcedureDef.Parameter("Scope", VARCHAR, false, null,
                                        "Scopes separated by spaces. Default: the Scope"
                                                + " property, else the driver's delegated"
                                                + " permissions; offline_access is always"
                                                + " added."),
                                new ProcedureDef.Parameter("State", VARCHAR, false, null,
                                        "A value returned unchanged with the redirect: check it"
                                                + " there to refuse forged redirects."),
                                new ProcedureDef.Parameter("Prompt", VARCHAR, false, null,
                                        "login, consent, select_account or none.")),
                        List.of(new ProcedureDef.ResultColumn("URL", VARCHAR,
                                "The sign-in URL to send the user's browser to."))),
                new ProcedureDef("GetOAuthAccessToken",
                        "Obtains the OAuth tokens of a user: AuthMode=WEB exchanges the code"
                                + " the redirect to CallbackURL carried (Verifier); AuthMode=APP"
                                + " signs the user in through the browser as desktop sign-in"
                                + " does. The tokens are also kept in OAuthSettingsLocation when"
                                + " it is set.",
                        List.of(
                                new ProcedureDef.Parameter("AuthMode", VARCHAR, false, "WEB",
                                        "WEB (exchange Verifier) or APP (sign in through the"
                                                + " browser)."),
                                new ProcedureDef.Parameter("Verifier", VARCHAR, false, null,
                                        "The code parameter of the redirect; required with"
                                                + " AuthMode=WEB."),
                                new ProcedureDef.Parameter("CallbackURL", VARCHAR, false, null,
                                        "The redirect URI used in GetOAuthAuthorizationURL."),
                                new ProcedureDef.Parameter("State", VARCHAR, false, null,
                                        "With AuthMode=WEB, the State given to"
                                                + " GetOAuthAuthorizationURL, for the record;"
                                                + " compare it with the redirect's yourself."),
                                new ProcedureDef.Parameter("Scope", VARCHAR, false, null,
                                        "Scopes separated by spaces, as in"
                                                + " GetOAuthAuthorizationURL.")),
                        tokenColumns()),
                new ProcedureDef("RefreshOAuthAccessToken",
                        "Exchanges a refresh token for a new access token and (usually) a new"
                                + " refresh token, which replaces the old one. The tokens are"
                                + " also kept in OAuthSettingsLocation when it is set.",
                        List.of(new ProcedureDef.Parameter("OAuthRefreshToken", VARCHAR, true,
                                null, "The refresh token of GetOAuthAccessToken or of the"
                                        + " previous refresh.")),
                        tokenColumns()));
    }

    private static List<ProcedureDef.ResultColumn> tokenColumns() {
        return List.of(
                new ProcedureDef.ResultColumn("OAuthAccessToken", VARCHAR,
                        "The access token; give it as OAuthAccessToken."),
                new ProcedureDef.ResultColumn("OAuthRefreshToken", VARCHAR,
                        "The refresh token; keep it like a password and give it as"
                                + " OAuthRefreshToken with InitiateOAuth=REFRESH."),
                new ProcedureDef.ResultColumn("ExpiresIn", BIGINT,
                        "Seconds until the access token expires."));
    }
}
