package io.exchangejdbc.http.onprem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * The Kerberos sign-in of one connection, with the JDK's {@code Krb5LoginModule} through a
 * {@link Configuration} made for it (no JAAS file, no {@code java.security.auth.login.config}):
 * from User and Password, from {@code KerberosKeytabFile}, or from the ticket already in
 * {@code KerberosTicketCache}. The tickets live in this login's {@link Subject} only.
 *
 * <p>One JVM-wide setting cannot be avoided: the JDK's Kerberos reads its realms and KDCs from a
 * single krb5.conf. When {@code KerberosKDC} is set, the driver writes the realms and KDCs its
 * connections were given into a krb5.conf of its own (a temporary file) and points
 * {@code java.security.krb5.conf} at it, unless the application set that property itself, in
 * which case it is left alone and the realms must be in that file. The file only grows: a realm
 * once added keeps its KDC, so concurrent connections to different realms stay correct; sign-ins
 * are serialized while the configuration is reloaded. Without {@code KerberosKDC}, nothing is
 * changed and the JVM's krb5.conf decides.
 */
final class KerberosLogin {

    private static final String DRIVER_CONF = "exchange-jdbc.krb5.conf";
    private static final Object CONFIG_LOCK = new Object();
    private static final Map<String, String> REALMS = new TreeMap<>();
    private static Path ownConf;

    private final Credentials credentials;
    private final KerberosSettings settings;
    private LoginContext context;
    private Subject subject;

    KerberosLogin(Credentials credentials, KerberosSettings settings) {
        this.credentials = credentials;
        this.settings = settings;
    }

    String user() {
        return credentials != null ? credentials.user() : "(ticket cache)";
    }

    String realm() {
        if (settings.realm() != null) {
            return settings.realm();
        }
        if (credentials != null && credentials.user().contains("@")) {
            return credentials.domain().toUpperCase(Locale.ROOT);
        }
        return null;
    }

    private String principal() {
        if (credentials == null) {
            return null;
        }
        String realm = realm();
        return realm == null ? credentials.account() : credentials.account() + "@" + realm;
    }

    /** The signed-in subject, signing in on first use. */
    synchronized Subject subject() throws SQLException {
        if (subject != null) {
            return subject;
        }
        Map<String, String> options = new HashMap<>();
        options.put("refreshKrb5Config", "true");
        options.put("isInitiator", "true");
        if (principal() != null) {
            options.put("principal", principal());
        }
        if (settings.keytab() != null) {
            options.put("useKeyTab", "true");
            options.put("keyTab", settings.keytab());
            options.put("doNotPrompt", "true");
            options.put("storeKey", "false");
        } else if (settings.ticketCache() != null) {
            options.put("useTicketCache", "true");
            options.put("ticketCache", settings.ticketCache());
            options.put("doNotPrompt", "true");
        } else {
            options.put("useTicketCache", "false");
        }
        Configuration conf = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {new AppConfigurationEntry(
                        "com.sun.security.auth.module.Krb5LoginModule",
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
            }
        };
        Subject s = new Subject();
        synchronized (CONFIG_LOCK) {
            try {
                configureRealm();
                LoginContext lc = new LoginContext("exchange-jdbc", s, callbacks -> {
                    for (Callback cb : callbacks) {
                        if (cb instanceof NameCallback n) {
                            n.setName(principal());
                        } else if (cb instanceof PasswordCallback p) {
                            p.setPassword(credentials == null ? new char[0]
                                    : credentials.password().toCharArray());
                        } else {
                            throw new UnsupportedCallbackException(cb);
                        }
                    }
                }, conf);
                lc.login();
                this.context = lc;
            } catch (LoginException e) {
                throw new SQLException("Authentication failed for user " + user()
                        + " with scheme Negotiate: the Kerberos sign-in was refused ("
                        + e.getMessage() + "). Check User and Password (or KerberosKeytabFile,"
                        + " KerberosTicketCache), KerberosRealm and KerberosKDC.", "28000", e);
            } catch (IOException e) {
                throw new SQLException("The driver could not write its Kerberos configuration: "
                        + e.getMessage() + ".", "08001", e);
            }
        }
        subject = s;
        return s;
    }

    private void configureRealm() throws IOException {
        if (settings.kdc() == null || realm() == null) {
            return;
        }
        String realm = realm().toUpperCase(Locale.ROOT);
        String set = System.getProperty("java.security.krb5.conf");
        if (set != null && (ownConf == null || !set.equals(ownConf.toString()))) {
            return;
        }
        if (settings.kdc().equals(REALMS.get(realm)) && ownConf != null) {
            return;
        }
        REALMS.putIfAbsent(realm, settings.kdc());
        if (ownConf == null) {
            ownConf = Files.createTempFile("exchange-jdbc-", "-" + DRIVER_CONF);
            ownConf.toFile().deleteOnExit();
        }
        StringBuilder sb = new StringBuilder("[libdefaults]\n")
                .append(" default_realm = ").append(REALMS.keySet().iterator().next()).append('\n')
                .append(" dns_lookup_kdc = false\n udp_preference_limit = 1\n")
                .append("[realms]\n");
        REALMS.forEach((r, kdc) -> sb.append(' ').append(r).append(" = {\n  kdc = ").append(kdc)
                .append("\n }\n"));
        Files.writeString(ownConf, sb.toString(), StandardCharsets.UTF_8);
        System.setProperty("java.security.krb5.conf", ownConf.toString());
    }

    synchronized void logout() throws LoginException {
        if (context != null) {
            context.logout();
            context = null;
            subject = null;
        }
    }
}
