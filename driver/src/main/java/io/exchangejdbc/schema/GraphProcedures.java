package io.exchangejdbc.schema;

import static io.exchangejdbc.schema.ColumnType.VARCHAR;

import java.util.List;

/**
 * The stored procedures of {@code Schema=MSGraph}, declared once: parameters and result columns.
 *
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/v2-admin-consent">Admin
 *     consent on the Microsoft identity platform</a>
 */
final class GraphProcedures {

    private GraphProcedures() {
    }

    static List<ProcedureDef> procedures() {
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
                                "The admin consent URL to open in a browser."))));
    }
}
