package io.exchangejdbc.procedure;

import io.exchangejdbc.auth.TokenResponse;
import io.exchangejdbc.auth.UserSignIn;
import io.exchangejdbc.http.Transport;
import io.exchangejdbc.http.TransportOptions;
import io.exchangejdbc.schema.Catalog;
import io.exchangejdbc.schema.ProcedureDef;
import io.exchangejdbc.schema.SchemaKind;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OAuth procedures of web applications: {@code GetOAuthAuthorizationURL},
 * {@code GetOAuthAccessToken} and {@code RefreshOAuthAccessToken}. They run on a connection that
 * has no token yet ({@code InitiateOAuth=OFF}); each call sends its requests through a transport
 * of its own, with the connection's settings and log.
 *
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow">
 *     Authorization code flow</a>
 */
final class OAuthProcedures {

    private OAuthProcedures() {
    }

    /** The three procedures. */
    static List<Procedure> all() {
        return List.of(new AuthorizationUrl(), new AccessToken(), new Refresh());
    }

    /** A step of the sign-in. */
    @FunctionalInterface
    private interface Step<T> {
        T run(UserSignIn signIn) throws SQLException;
    }

    private static <T> T withSignIn(ProcedureContext context, Step<T> step)
            throws SQLException {
        try (Transport transport = new Transport(TransportOptions.forConnection(context.config()),
                context.log())) {
            return step.run(new UserSignIn(context.config(), transport));
        }
    }

    private static List<Object[]> tokens(TokenResponse r) {
        return List.<Object[]>of(new Object[] {r.accessToken(), r.refreshToken(),
            r.expiresIn()});
    }

    private static ProcedureDef declared(String name) {
        return Catalog.of(SchemaKind.MSGRAPH).procedure(name);
    }

    /** {@code GetOAuthAuthorizationURL}: builds the URL; nothing is sent. */
    private static final class AuthorizationUrl implements Procedure {
        private static final ProcedureDef DEF = declared("GetOAuthAuthorizationURL");

        @Override
        public ProcedureDef def() {
            return DEF;
        }

        @Override
        public List<Object[]> run(ProcedureContext context, Map<String, Object> args)
                throws SQLException {
            String url = withSignIn(context, s -> s.authorizationUrl(
                    (String) args.get("CallbackURL"), (String) args.get("Scope"),
                    (String) args.get("State"), (String) args.get("Prompt")));
            return List.<Object[]>of(new Object[] {url});
        }
    }

    /** {@code GetOAuthAccessToken}: redeems the code (WEB) or signs in with a browser (APP). */
    private static final class AccessToken implements Procedure {
        private static final ProcedureDef DEF = declared("GetOAuthAccessToken");

        @Override
        public ProcedureDef def() {
            return DEF;
        }

        @Override
        public List<Object[]> run(ProcedureContext context, Map<String, Object> args)
                throws SQLException {
            String mode = args.get("AuthMode") == null ? "WEB"
                    : ((String) args.get("AuthMode")).strip().toUpperCase(Locale.ROOT);
            String callback = (String) args.get("CallbackURL");
            String scope = (String) args.get("Scope");
            switch (mode) {
                case "WEB": {
                    String verifier = (String) args.get("Verifier");
                    if (verifier == null || verifier.isBlank()) {
                        throw new SQLException("GetOAuthAccessToken with AuthMode=WEB needs"
                                + " @Verifier: the code parameter of the redirect to"
                                + " CallbackURL.", "42000");
                    }
                    return tokens(withSignIn(context,
                            s -> s.redeem(verifier.strip(), callback, scope)));
                }
                case "APP":
                    return tokens(withSignIn(context, s -> s.signInWithBrowser(callback, scope)));
                default:
                    throw new SQLException("AuthMode must be WEB or APP, not '" + mode + "'.",
                            "42000");
            }
        }
    }

    /** {@code RefreshOAuthAccessToken}: redeems a refresh token. */
    private static final class Refresh implements Procedure {
        private static final ProcedureDef DEF = declared("RefreshOAuthAccessToken");

        @Override
        public ProcedureDef def() {
            return DEF;
        }

        @Override
        public List<Object[]> run(ProcedureContext context, Map<String, Object> args)
                throws SQLException {
            String refresh = (String) args.get("OAuthRefreshToken");
            return tokens(withSignIn(context, s -> s.refresh(refresh.strip())));
        }
    }
}
