package io.exchangejdbc.auth;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.config.ExchangeProperty;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The OAuth scopes a sign-in asks for: the {@code Scope} property when set; otherwise, for a
 * user (delegated) sign-in to Microsoft Graph, the permissions the tables and procedures need
 * (mail, calendars, contacts, users, groups, mailbox settings) plus {@code offline_access} for a
 * refresh token; for Exchange Web Services ({@code Schema=EWS}) {@code EWS.AccessAsUser.All} of
 * the Exchange Online host; for an application (client credentials, certificate, managed
 * identity) the resource's {@code .default}.
 *
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/scopes-oidc">Scopes and
 *     permissions in the Microsoft identity platform</a>
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/exchange-web-services/how-to-authenticate-an-ews-application-by-using-oauth">
 *     Authenticate an EWS application by using OAuth</a>
 */
public final class SignInScopes {

    /** The delegated Graph permissions asked for by default, without the resource prefix. */
    public static final List<String> GRAPH_DELEGATED = List.of("Mail.ReadWrite", "Mail.Send",
            "Calendars.ReadWrite", "Contacts.ReadWrite", "MailboxSettings.ReadWrite", "User.Read",
            "User.ReadBasic.All", "Group.Read.All");

    /** The scope that makes the service return a refresh token. */
    public static final String OFFLINE_ACCESS = "offline_access";

    private SignInScopes() {
    }

    /** Whether the connection is for Exchange Web Services. */
    private static boolean ews(ExchangeConfig config) {
        return "EWS".equalsIgnoreCase(config.get(ExchangeProperty.SCHEMA));
    }

    /** The resource (audience) URI of the connection's API, without a trailing slash. */
    public static String resource(ExchangeConfig config) {
        if (ews(config)) {
            return switch (config.get(ExchangeProperty.OFFICE365_ENVIRONMENT)) {
                case "GCCHigh", "DOD" -> "https://outlook.office365.us";
                case "China" -> "https://partner.outlook.cn";
                default -> "https://outlook.office365.com";
            };
        }
        String scope = TokenProviders.defaultGraphScope(config.graphUrl());
        return scope.substring(0, scope.length() - "/.default".length());
    }

    /** The scopes of a user sign-in, always with {@code offline_access}. */
    public static Set<String> delegated(ExchangeConfig config) {
        Set<String> scopes = new LinkedHashSet<>(given(config));
        if (scopes.isEmpty()) {
            String resource = resource(config);
            if (ews(config)) {
                scopes.add(resource + "/EWS.AccessAsUser.All");
            } else {
                for (String s : GRAPH_DELEGATED) {
                    scopes.add(resource + "/" + s);
                }
            }
        }
        scopes.add(OFFLINE_ACCESS);
        return scopes;
    }

    /** The scopes of an application sign-in: {@code Scope}, else the resource's .default. */
    public static Set<String> application(ExchangeConfig config) {
        Set<String> scopes = given(config);
        return scopes.isEmpty() ? Set.of(resource(config) + "/.default") : scopes;
    }

    private static Set<String> given(ExchangeConfig config) {
        Set<String> scopes = new LinkedHashSet<>();
        String scope = config.get(ExchangeProperty.SCOPE);
        if (scope != null) {
            for (String s : scope.strip().split("[\\s,]+")) {
                if (!s.isEmpty()) {
                    scopes.add(s);
                }
            }
        }
        return scopes;
    }
}
