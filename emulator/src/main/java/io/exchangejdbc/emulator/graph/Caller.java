package io.exchangejdbc.emulator.graph;

import io.exchangejdbc.emulator.identity.AccessToken;
import io.exchangejdbc.emulator.store.Tenant;
import io.exchangejdbc.emulator.store.User;

/**
 * Who is calling Graph: the verified token, its tenant and, for delegated tokens, the signed-in
 * user ({@code /me}).
 *
 * @param token the verified access token
 * @param tenant the token's tenant
 * @param user the signed-in user, or null for app-only tokens
 */
record Caller(AccessToken token, Tenant tenant, User user) {
}
