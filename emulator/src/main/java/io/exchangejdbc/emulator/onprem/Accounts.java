package io.exchangejdbc.emulator.onprem;

import io.exchangejdbc.emulator.store.Store;
import io.exchangejdbc.emulator.store.User;
import java.util.Locale;

/** Where the gate finds an account and its password by the name a client signed in with. */
@FunctionalInterface
public interface Accounts {

    /** An account: the name the gate reports (a user principal name) and its password. */
    record Account(String name, String password) {
    }

    /**
     * The account of {@code user} (as sent: {@code user}, {@code user@domain} or
     * <code>DOMAIN&#92;user</code> all reach it), or null.
     */
    Account find(String user);

    /** The users of the store's default tenant, by UPN, mail, or nickname with any domain. */
    static Accounts of(Store store) {
        return name -> {
            String n = name.strip();
            String nick = n;
            int slash = n.indexOf('\\');
            if (slash >= 0) {
                nick = n.substring(slash + 1);
            } else if (n.contains("@")) {
                nick = n.substring(0, n.lastIndexOf('@'));
            }
            for (User u : store.users()) {
                if (u.password() == null) {
                    continue;
                }
                if (u.userPrincipalName().equalsIgnoreCase(n)
                        || u.mail() != null && u.mail().equalsIgnoreCase(n)
                        || u.mailNickname() != null && u.mailNickname().equalsIgnoreCase(nick)
                        || u.userPrincipalName().toLowerCase(Locale.ROOT)
                                .startsWith(nick.toLowerCase(Locale.ROOT) + "@")) {
                    return new Account(u.userPrincipalName(), u.password());
                }
            }
            return null;
        };
    }

    /** One account with a fixed name and password (a proxy's). */
    static Accounts single(String user, String password) {
        return name -> name.equalsIgnoreCase(user) ? new Account(user, password) : null;
    }
}
