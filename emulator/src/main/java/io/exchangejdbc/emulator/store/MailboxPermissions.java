package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mailbox rights of a tenant that Exchange keeps beside the directory: who holds the
 * ApplicationImpersonation role (users by object id, applications by client id) and who has full
 * access to another user's (for instance a shared) mailbox.
 */
public final class MailboxPermissions {

    private final Set<String> impersonators = ConcurrentHashMap.newKeySet();
    private final Set<String> fullAccess = ConcurrentHashMap.newKeySet();

    MailboxPermissions() {
    }

    /** Grants the ApplicationImpersonation role to a user (object id) or an app (client id). */
    public void grantImpersonation(String principalId) {
        impersonators.add(key(principalId));
    }

    /** Takes the ApplicationImpersonation role away. */
    public void revokeImpersonation(String principalId) {
        impersonators.remove(key(principalId));
    }

    /** Tells whether a user (object id) or app (client id) may impersonate users. */
    public boolean mayImpersonate(String principalId) {
        return principalId != null && impersonators.contains(key(principalId));
    }

    /** Gives a user full access to the mailbox of another user (both by object id). */
    public void grantFullAccess(String mailboxOwnerId, String delegateId) {
        fullAccess.add(key(mailboxOwnerId) + "/" + key(delegateId));
    }

    /** Tells whether a user (object id) has full access to another user's mailbox. */
    public boolean hasFullAccess(String mailboxOwnerId, String delegateId) {
        return fullAccess.contains(key(mailboxOwnerId) + "/" + key(delegateId));
    }

    private static String key(String id) {
        return requireNonNull(id, "id").toLowerCase(Locale.ROOT);
    }
}
