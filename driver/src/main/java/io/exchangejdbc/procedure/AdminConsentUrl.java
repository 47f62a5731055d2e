package io.exchangejdbc.procedure;

import io.exchangejdbc.config.ExchangeProperty;
import io.exchangejdbc.schema.Catalog;
import io.exchangejdbc.schema.ProcedureDef;
import io.exchangejdbc.schema.SchemaKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * {@code GetAdminConsentURL}: the URL at which a tenant administrator consents to the
 * application's permissions for the whole tenant. It only builds the URL; nothing is sent.
 *
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/v2-admin-consent">Admin
 *     consent on the Microsoft identity platform</a>
 */
final class AdminConsentUrl implements Procedure {

    private static final ProcedureDef DEF =
            Catalog.of(SchemaKind.MSGRAPH).procedure("GetAdminConsentURL");

    @Override
    public ProcedureDef def() {
        return DEF;
    }

    @Override
    public List<Object[]> run(ProcedureContext context, Map<String, Object> args)
            throws SQLException {
        var config = context.config();
        String clientId = config.get(ExchangeProperty.OAUTH_CLIENT_ID);
        if (clientId == null) {
            throw new SQLException("GetAdminConsentURL needs the application's client id: set the"
                    + " OAuthClientId connection property.", "42000");
        }
        String tenant = config.get(ExchangeProperty.AZURE_TENANT);
        StringBuilder url = new StringBuilder(config.loginUrl()).append('/')
                .append(encode(tenant == null ? "organizations" : tenant))
                .append("/v2.0/adminconsent?client_id=").append(encode(clientId))
                .append("&scope=").append(encode((String) args.get("Scope")))
                .append("&redirect_uri=").append(encode((String) args.get("CallbackURL")));
        Object state = args.get("State");
        if (state != null) {
            url.append("&state=").append(encode((String) state));
        }
        return List.<Object[]>of(new Object[] {url.toString()});
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
