package io.exchangejdbc.http.onprem;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.config.ExchangeProperty;

/**
 * The Kerberos settings of Negotiate: {@code KerberosKDC}, {@code KerberosRealm},
 * {@code KerberosSPN}, {@code KerberosKeytabFile} and {@code KerberosTicketCache}; null where
 * not set.
 *
 * @param kdc         host or host:port of the KDC
 * @param realm       the realm
 * @param spn         the service principal of the server
 * @param keytab      the keytab file holding User's key
 * @param ticketCache the credential cache holding a ticket
 */
public record KerberosSettings(String kdc, String realm, String spn, String keytab,
        String ticketCache) {

    /** Nothing set. */
    public static KerberosSettings none() {
        return new KerberosSettings(null, null, null, null, null);
    }

    static KerberosSettings from(ExchangeConfig config) {
        return new KerberosSettings(config.get(ExchangeProperty.KERBEROS_KDC),
                config.get(ExchangeProperty.KERBEROS_REALM),
                config.get(ExchangeProperty.KERBEROS_SPN),
                config.get(ExchangeProperty.KERBEROS_KEYTAB_FILE),
                config.get(ExchangeProperty.KERBEROS_TICKET_CACHE));
    }

    /** Whether the ticket comes from a keytab or a ticket cache rather than a password. */
    public boolean hasOwnSource() {
        return keytab != null || ticketCache != null;
    }
}
