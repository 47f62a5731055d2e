package io.exchangejdbc.emulator.onprem;

import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Base64;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.Oid;

/**
 * The server side of Negotiate: SPNEGO with Kerberos through the JDK's GSS-API, with the
 * service's key from a keytab (as IIS has the machine account's key). A token that establishes
 * the context signs in the client principal's account (found by its name before the realm).
 */
public final class NegotiateAcceptor {

    /** The account signed in (with a final token, or null), or a token to continue with. */
    record Result(String user, String token) {
    }

    private static final Oid SPNEGO;

    static {
        try {
            SPNEGO = new Oid("1.3.6.1.5.5.2");
        } catch (GSSException e) {
            throw new IllegalStateException(e);
        }
    }

    private final Subject subject;

    /**
     * Signs the service in from its keytab.
     *
     * @param servicePrincipal such as {@code HTTP/127.0.0.1@EXAMPLE.COM}
     * @param keytab           the keytab holding its key
     */
    public NegotiateAcceptor(String servicePrincipal, Path keytab) throws LoginException {
        Map<String, String> options = Map.of("useKeyTab", "true", "keyTab", keytab.toString(),
                "principal", servicePrincipal, "storeKey", "true", "isInitiator", "false",
                "doNotPrompt", "true", "refreshKrb5Config", "true");
        Configuration conf = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {new AppConfigurationEntry(
                        "com.sun.security.auth.module.Krb5LoginModule",
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
            }
        };
        this.subject = new Subject();
        new LoginContext("emulator-negotiate", subject, callbacks -> { }, conf).login();
    }

    Result accept(String token, Accounts accounts) {
        byte[] in;
        try {
            in = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return new Result(null, null);
        }
        try {
            return Subject.doAs(subject, (PrivilegedExceptionAction<Result>) () -> {
                GSSManager manager = GSSManager.getInstance();
                GSSCredential cred = manager.createCredential(null,
                        GSSCredential.INDEFINITE_LIFETIME, SPNEGO, GSSCredential.ACCEPT_ONLY);
                GSSContext ctx = manager.createContext(cred);
                try {
                    byte[] out = ctx.acceptSecContext(in, 0, in.length);
                    String outToken = out == null || out.length == 0 ? null
                            : Base64.getEncoder().encodeToString(out);
                    if (!ctx.isEstablished()) {
                        return new Result(null, outToken);
                    }
                    String client = ctx.getSrcName().toString();
                    int at = client.indexOf('@');
                    Accounts.Account a = accounts.find(at > 0 ? client.substring(0, at) : client);
                    return new Result(a == null ? null : a.name(), outToken);
                } finally {
                    ctx.dispose();
                }
            });
        } catch (PrivilegedActionException e) {
            return new Result(null, null);
        }
    }
}
