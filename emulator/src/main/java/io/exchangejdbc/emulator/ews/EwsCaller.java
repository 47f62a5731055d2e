package io.exchangejdbc.emulator.ews;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.emulator.store.Tenant;
import io.exchangejdbc.emulator.store.User;

/**
 * Who sent an EWS request, once authenticated: the tenant, the signed-in user (null for an
 * application with an app-only token) and the principal id that mailbox rights are granted to
 * (the user's object id, or the application's client id).
 *
 * @param tenant the tenant
 * @param user the signed-in user, or null for an application
 * @param principalId the id rights are checked against
 * @param scheme the authentication scheme used, e.g. {@code Basic} or {@code Bearer}
 * @param fullAccessApp whether an application holds {@code full_access_as_app}
 */
public record EwsCaller(Tenant tenant, User user, String principalId, String scheme,
        boolean fullAccessApp) {

    /** Checks tenant, principal and scheme are present. */
    public EwsCaller {
        requireNonNull(tenant, "tenant");
        requireNonNull(principalId, "principalId");
        requireNonNull(scheme, "scheme");
    }

    /** Tells whether the caller is an application rather than a user. */
    public boolean isApplication() {
        return user == null;
    }
}
