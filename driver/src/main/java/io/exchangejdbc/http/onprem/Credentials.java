package io.exchangejdbc.http.onprem;

import static java.util.Objects.requireNonNull;

/**
 * A user name and password for Basic, Digest, NTLM and Negotiate. The user may be written
 * <code>DOMAIN&#92;user</code>, {@code user@domain} or plain {@code user}; NTLM sends the account and
 * the domain apart, the other schemes send the name as written.
 *
 * <p>{@link #toString()} never shows the password.
 */
public final class Credentials {

    private final String user;
    private final char[] password;

    /**
     * @param user     the user name as configured ({@code User})
     * @param password the password ({@code Password}); null counts as empty
     */
    public Credentials(String user, String password) {
        this.user = requireNonNull(user, "user");
        this.password = password == null ? new char[0] : password.toCharArray();
    }

    /** The user name as configured. */
    public String user() {
        return user;
    }

    /** The password. */
    String password() {
        return new String(password);
    }

    /** The account part: {@code user} of <code>DOMAIN&#92;user</code> or of {@code user@domain}. */
    public String account() {
        int slash = user.indexOf('\\');
        if (slash >= 0) {
            return user.substring(slash + 1);
        }
        int at = user.lastIndexOf('@');
        return at > 0 ? user.substring(0, at) : user;
    }

    /** The domain part of <code>DOMAIN&#92;user</code> or {@code user@domain}, else empty. */
    public String domain() {
        int slash = user.indexOf('\\');
        if (slash >= 0) {
            return user.substring(0, slash);
        }
        int at = user.lastIndexOf('@');
        return at > 0 ? user.substring(at + 1) : "";
    }

    @Override
    public String toString() {
        return user;
    }
}
