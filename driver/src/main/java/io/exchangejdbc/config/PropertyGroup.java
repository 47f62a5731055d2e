package io.exchangejdbc.config;

import static java.util.Objects.requireNonNull;

/**
 * A group of related connection properties, as users know them from the documentation of Exchange
 * drivers; it orders the property reference and {@link ExchangeConfig#propertyInfo()}.
 */
public enum PropertyGroup {
    /** Which API, which server and how to sign in. */
    AUTHENTICATION("Authentication"),
    /** The Microsoft Entra tenant. */
    AZURE("Azure"),
    /** OAuth clients, tokens and the token store. */
    OAUTH("OAuth"),
    /** The certificate that signs the client assertion of a service principal. */
    JWT_OAUTH("JWT OAuth"),
    /** Kerberos sign-in for {@code AuthScheme=Negotiate}. */
    KERBEROS("Kerberos"),
    /** The addresses of Microsoft's services. */
    ENDPOINTS("Endpoints"),
    /** Trust of the server's TLS certificate. */
    SSL("SSL"),
    /** The HTTP proxy between the driver and Microsoft. */
    PROXY("Proxy"),
    /** The driver's own log file. */
    LOGGING("Logging"),
    /** Which tables and views a connection exposes. */
    SCHEMA("Schema"),
    /** Everything else: mailbox, paging, limits, timeouts. */
    MISCELLANEOUS("Miscellaneous");

    private final String displayName;

    PropertyGroup(String displayName) {
        this.displayName = requireNonNull(displayName, "displayName");
    }

    /** The heading of the group in the property reference, such as {@code JWT OAuth}. */
    public String displayName() {
        return displayName;
    }
}
