package io.exchangejdbc.emulator.identity;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.exchangejdbc.emulator.store.AppRegistration;
import io.exchangejdbc.emulator.store.Store;
import io.exchangejdbc.emulator.store.Tenant;
import io.exchangejdbc.emulator.store.User;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Issues and verifies the emulator's access tokens: JWTs shaped like Entra's v1.0 access tokens
 * for Microsoft Graph ({@code aud}, {@code iss}, {@code tid}, {@code appid}, {@code roles} or
 * {@code scp}, {@code oid}/{@code upn}, {@code iat}/{@code nbf}/{@code exp}), signed with
 * HMAC-SHA256 under a key made fresh for each emulator, so only tokens this emulator issued pass.
 */
public final class TokenService {

    /** Audience of tokens for Microsoft Graph. */
    public static final String GRAPH_AUDIENCE = "https://graph.microsoft.com";
    /** Audience of tokens for Exchange Online (EWS). */
    public static final String OUTLOOK_AUDIENCE = "https://outlook.office365.com";
    /** The lifetime of tokens unless changed, as Entra's default. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String KEY_ID = "emulator-hs256";

    private final Store store;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private volatile Duration lifetime = DEFAULT_LIFETIME;

    /** Creates a token service over the store's tenants, with a fresh random key. */
    public TokenService(Store store, Clock clock) {
        this.store = requireNonNull(store, "store");
        this.clock = requireNonNull(clock, "clock");
        new SecureRandom().nextBytes(key);
    }

    /** Returns the lifetime of tokens issued from now on. */
    public Duration lifetime() {
        return lifetime;
    }

    /** Sets the lifetime of tokens issued from now on; zero gives tokens that are born expired. */
    public void setLifetime(Duration newLifetime) {
        if (requireNonNull(newLifetime, "lifetime").isNegative()) {
            throw new IllegalArgumentException("negative lifetime");
        }
        this.lifetime = newLifetime;
    }

    /** Returns the issuer claim of the tenant's tokens, as Entra writes it for v1.0 tokens. */
    public static String issuer(String tenantId) {
        return "https://sts.windows.net/" + tenantId + "/";
    }

    /** Issues an app-only token (client credentials) carrying the app's roles. */
    public String issueAppToken(Tenant tenant, AppRegistration app, String audience) {
        return issue(tenant, app, null, Set.of(), audience);
    }

    /** Issues a delegated token for a user, carrying the given scopes. */
    public String issueUserToken(Tenant tenant, AppRegistration app, User user,
            Collection<String> scopes, String audience) {
        return issue(tenant, app, requireNonNull(user, "user"), scopes, audience);
    }

    private String issue(Tenant tenant, AppRegistration app, User user,
            Collection<String> scopes, String audience) {
        requireNonNull(tenant, "tenant");
        requireNonNull(app, "app");
        requireNonNull(audience, "audience");
        long now = clock.instant().getEpochSecond();
        long exp = now + lifetime.getSeconds();
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(header)) {
            g.writeStartObject();
            g.writeStringField("typ", "JWT");
            g.writeStringField("alg", "HS256");
            g.writeStringField("kid", KEY_ID);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (JsonGenerator g = JSON.createGenerator(payload)) {
            g.writeStartObject();
            g.writeStringField("aud", audience);
            g.writeStringField("iss", issuer(tenant.id()));
            g.writeNumberField("iat", now);
            g.writeNumberField("nbf", now);
            g.writeNumberField("exp", exp);
            if (user != null) {
                g.writeStringField("acr", "1");
                g.writeArrayFieldStart("amr");
                g.writeString("pwd");
                g.writeEndArray();
            }
            g.writeStringField("app_displayname", app.displayName());
            g.writeStringField("appid", app.clientId());
            g.writeStringField("appidacr", "1");
            if (user != null) {
                g.writeStringField("family_name", user.surname());
                g.writeStringField("given_name", user.givenName());
            }
            g.writeStringField("idp", issuer(tenant.id()));
            g.writeStringField("idtyp", user == null ? "app" : "user");
            if (user != null) {
                g.writeStringField("ipaddr", "127.0.0.1");
                g.writeStringField("name", user.displayName());
            }
            g.writeStringField("oid", user == null ? app.servicePrincipalId() : user.id());
            if (user == null) {
                g.writeArrayFieldStart("roles");
                for (String r : app.roles().stream().sorted().toList()) {
                    g.writeString(r);
                }
                g.writeEndArray();
            } else {
                g.writeStringField("scp", String.join(" ", scopes.stream().sorted().toList()));
            }
            g.writeStringField("sub", user == null ? app.servicePrincipalId() : user.id());
            g.writeStringField("tid", tenant.id());
            if (user != null) {
                g.writeStringField("unique_name", user.userPrincipalName());
                g.writeStringField("upn", user.userPrincipalName());
            }
            g.writeStringField("uti", UUID.randomUUID().toString().replace("-", ""));
            g.writeStringField("ver", "1.0");
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Jwt.sign(header.toByteArray(), payload.toByteArray(), key);
    }

    /**
     * Verifies a token: signature, lifetime, audience, issuer and tenant.
     *
     * @param token the bearer token
     * @param audience the audience the caller serves, e.g. {@link #GRAPH_AUDIENCE}
     * @return the token's claims
     * @throws TokenRejectedException if the token does not pass, with Graph's reason
     */
    public AccessToken verify(String token, String audience) throws TokenRejectedException {
        byte[][] parts = Jwt.verify(requireNonNull(token, "token"), key);
        Claims c = parse(parts[1]);
        long now = clock.instant().getEpochSecond();
        if (c.exp == null || c.nbf == null || now >= c.exp || now < c.nbf) {
            throw new TokenRejectedException("Lifetime validation failed, the token is expired.");
        }
        if (!audience.equals(c.aud)) {
            throw new TokenRejectedException("Access token validation failure. Invalid "
                    + "audience.");
        }
        Optional<Tenant> tenant = c.tid == null ? Optional.empty() : store.tenant(c.tid);
        if (tenant.isEmpty() || !issuer(tenant.get().id()).equals(c.iss)) {
            throw new TokenRejectedException("Access token validation failure. Invalid issuer.");
        }
        Set<String> scopes = new LinkedHashSet<>();
        if (c.scp != null && !c.scp.isBlank()) {
            scopes.addAll(List.of(c.scp.trim().split("\\s+")));
        }
        boolean delegated = "user".equals(c.idtyp);
        return new AccessToken(c.tid, c.appid, c.aud, Instant.ofEpochSecond(c.iat),
                Instant.ofEpochSecond(c.exp), Set.copyOf(c.roles), scopes,
                delegated ? c.oid : null, delegated ? c.upn : null);
    }

    private static Claims parse(byte[] payload) throws TokenRejectedException {
        Claims c = new Claims();
        try (JsonParser p = JSON.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new TokenRejectedException("IDX14100: JWT is not well formed.");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "aud" -> c.aud = p.getValueAsString();
                    case "iss" -> c.iss = p.getValueAsString();
                    case "tid" -> c.tid = p.getValueAsString();
                    case "appid" -> c.appid = p.getValueAsString();
                    case "oid" -> c.oid = p.getValueAsString();
                    case "upn" -> c.upn = p.getValueAsString();
                    case "scp" -> c.scp = p.getValueAsString();
                    case "idtyp" -> c.idtyp = p.getValueAsString();
                    case "iat" -> c.iat = p.getValueAsLong();
                    case "nbf" -> c.nbf = p.getValueAsLong();
                    case "exp" -> c.exp = p.getValueAsLong();
                    case "roles" -> {
                        if (t == JsonToken.START_ARRAY) {
                            while (p.nextToken() == JsonToken.VALUE_STRING) {
                                c.roles.add(p.getText());
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new TokenRejectedException("IDX14100: JWT is not well formed.");
        }
        return c;
    }

    /** Claims read from a token payload. */
    private static final class Claims {
        private String aud;
        private String iss;
        private String tid;
        private String appid;
        private String oid;
        private String upn;
        private String scp;
        private String idtyp;
        private long iat;
        private Long nbf;
        private Long exp;
        private final List<String> roles = new ArrayList<>();
    }
}
