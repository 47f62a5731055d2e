package io.exchangejdbc.http.onprem;

import java.net.URI;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import javax.security.auth.Subject;
import javax.security.auth.login.LoginException;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;

/**
 * Negotiate (RFC 4559): SPNEGO carrying Kerberos, through the JDK's GSS-API. The connection's
 * own Kerberos sign-in ({@link KerberosLogin}: User and Password, a keytab or a ticket cache)
 * gives a {@link Subject}; each request's security context is made inside
 * {@link Subject#doAs} for that subject only, so connections never share tickets. The server is
 * {@code KerberosSPN}, else {@code HTTP/<host of Server>}.
 */
final class NegotiateScheme implements AuthScheme, AutoCloseable {

    private static final Oid SPNEGO = oid("1.3.6.1.5.5.2");
    private static final Oid KRB5 = oid("1.2.840.113554.1.2.2");
    private static final Oid KRB5_PRINCIPAL = oid("1.2.840.113554.1.2.2.1");

    private final OnPremSettings settings;
    private final KerberosLogin login;

    private NegotiateScheme(OnPremSettings settings, KerberosLogin login) {
        this.settings = settings;
        this.login = login;
    }

    static NegotiateScheme create(OnPremSettings settings) {
        return new NegotiateScheme(settings, new KerberosLogin(settings.credentials(),
                settings.kerberos()));
    }

    @Override
    public String name() {
        return "Negotiate";
    }

    @Override
    public String user() {
        return login.user();
    }

    @Override
    public boolean connectionOriented() {
        return true;
    }

    @Override
    public Attempt begin(String method, String requestUri) {
        return new Attempt() {
            private GSSContext context;
            private int step;

            @Override
            public String answer(List<Challenge> challenges, boolean sentAhead)
                    throws SQLException {
                Challenge ch = challenges.get(0);
                if (step == 0) {
                    step = 1;
                    Subject subject = login.subject();
                    return "Negotiate " + run(subject, () -> {
                        context = newContext();
                        return Base64.getEncoder().encodeToString(
                                context.initSecContext(new byte[0], 0, 0));
                    });
                }
                if (ch.token() == null || context == null || context.isEstablished()) {
                    return null;
                }
                byte[] in = Base64.getDecoder().decode(ch.token());
                byte[] out = run(login.subject(), () -> context.initSecContext(in, 0, in.length));
                return out == null || out.length == 0 ? null
                        : "Negotiate " + Base64.getEncoder().encodeToString(out);
            }
        };
    }

    private GSSContext newContext() throws GSSException {
        GSSManager manager = GSSManager.getInstance();
        String spn = settings.servicePrincipal(uriHost());
        GSSName server = spn.contains("/")
                ? manager.createName(withRealm(spn), KRB5_PRINCIPAL)
                : manager.createName(spn, GSSName.NT_HOSTBASED_SERVICE);
        GSSCredential mine = manager.createCredential(null, GSSCredential.DEFAULT_LIFETIME,
                KRB5, GSSCredential.INITIATE_ONLY);
        mine.add(null, GSSCredential.DEFAULT_LIFETIME, GSSCredential.DEFAULT_LIFETIME, SPNEGO,
                GSSCredential.INITIATE_ONLY);
        GSSContext ctx = manager.createContext(server, SPNEGO, mine, GSSContext.DEFAULT_LIFETIME);
        ctx.requestMutualAuth(false);
        ctx.requestCredDeleg(false);
        return ctx;
    }

    private URI serverUri;

    /** Sets the server the contexts are for (the transport's target). */
    void server(URI uri) {
        this.serverUri = uri;
    }

    private URI uriHost() {
        return serverUri == null ? URI.create("http://localhost/") : serverUri;
    }

    private String withRealm(String spn) {
        if (spn.contains("@") || login.realm() == null) {
            return spn;
        }
        return spn + "@" + login.realm();
    }

    private <T> T run(Subject subject, PrivilegedExceptionAction<T> action) throws SQLException {
        try {
            return Subject.doAs(subject, action);
        } catch (PrivilegedActionException e) {
            Throwable cause = e.getCause();
            throw new SQLException("Negotiate (Kerberos) failed for user " + login.user() + " and"
                    + " service " + settings.servicePrincipal(uriHost()) + ": "
                    + (cause == null ? e : cause.getMessage()) + ". Check KerberosSPN (default"
                    + " HTTP/<host of Server>), KerberosRealm and KerberosKDC.", "28000", cause);
        }
    }

    @Override
    public void close() {
        try {
            login.logout();
        } catch (LoginException e) {
            // the tickets go with the subject anyway
        }
    }

    private static Oid oid(String s) {
        try {
            return new Oid(s);
        } catch (GSSException e) {
            throw new IllegalStateException(e);
        }
    }
}
