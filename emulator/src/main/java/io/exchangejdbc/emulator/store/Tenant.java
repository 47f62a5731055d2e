package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Microsoft Entra tenant (an organization): its id and domain, its directory of users (each with
 * a mailbox) and its registered applications.
 */
public final class Tenant {

    private final String id;
    private final String domain;
    private final String displayName;
    private final Clock clock;
    private final List<User> users = new ArrayList<>();
    private final Map<String, User> usersByKey = new ConcurrentHashMap<>();
    private final Map<String, Mailbox> mailboxes = new ConcurrentHashMap<>();
    private final Map<String, AppRegistration> apps = new ConcurrentHashMap<>();
    private final Map<String, AppRegistration> userAssignedIdentities = new ConcurrentHashMap<>();
    private volatile AppRegistration systemAssignedIdentity;
    private final List<Group> groups = new ArrayList<>();
    private final MailboxPermissions permissions = new MailboxPermissions();
    private final List<RoomList> roomLists = new java.util.concurrent.CopyOnWriteArrayList<>();

    Tenant(String id, String domain, String displayName, Clock clock) {
        this.id = UUID.fromString(requireNonNull(id, "id")).toString();
        this.domain = requireNonNull(domain, "domain").toLowerCase(Locale.ROOT);
        this.displayName = requireNonNull(displayName, "displayName");
        this.clock = clock;
    }

    /** Returns the tenant id (a GUID). */
    public String id() {
        return id;
    }

    /** Returns the initial domain, e.g. {@code contoso.onmicrosoft.com}. */
    public String domain() {
        return domain;
    }

    /** Returns the organization's name. */
    public String displayName() {
        return displayName;
    }

    /** Tells whether the given tenant id or domain names this tenant (ignoring case). */
    public boolean isNamedBy(String idOrDomain) {
        return id.equalsIgnoreCase(idOrDomain) || domain.equalsIgnoreCase(idOrDomain);
    }

    /** Adds a user and creates the user's mailbox. */
    public synchronized User addUser(User user) {
        requireNonNull(user, "user");
        String upnKey = user.userPrincipalName().toLowerCase(Locale.ROOT);
        if (usersByKey.containsKey(user.id()) || usersByKey.containsKey(upnKey)) {
            throw new IllegalArgumentException("user exists: " + user);
        }
        users.add(user);
        usersByKey.put(user.id(), user);
        usersByKey.put(upnKey, user);
        mailboxes.put(user.id(), new Mailbox(user, clock));
        return user;
    }

    /** Returns the users in the order they were added. */
    public synchronized List<User> users() {
        return List.copyOf(users);
    }

    /** Finds a user by object id or user principal name (ignoring case). */
    public Optional<User> user(String idOrUpn) {
        User u = usersByKey.get(idOrUpn.toLowerCase(Locale.ROOT));
        return Optional.ofNullable(u);
    }

    /** Returns the mailbox of a user of this tenant. */
    public Mailbox mailbox(User user) {
        Mailbox m = mailboxes.get(user.id());
        if (m == null) {
            throw new IllegalArgumentException("not a user of " + domain + ": " + user);
        }
        return m;
    }

    /** Finds the mailbox of a user given by object id or user principal name. */
    public Optional<Mailbox> mailbox(String idOrUpn) {
        return user(idOrUpn).map(this::mailbox);
    }

    /** Adds a group of the directory. */
    public synchronized Group addGroup(Group group) {
        requireNonNull(group, "group");
        groups.add(group);
        return group;
    }

    /** Returns the groups in the order they were added. */
    public synchronized List<Group> groups() {
        return List.copyOf(groups);
    }

    /** Replaces the group that has the same id (an update); false when there is none. */
    public synchronized boolean replaceGroup(Group group) {
        requireNonNull(group, "group");
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).id().equalsIgnoreCase(group.id())) {
                groups.set(i, group);
                return true;
            }
        }
        return false;
    }

    /** Deletes a group; false when there is none with that id. */
    public synchronized boolean removeGroup(String id) {
        return groups.removeIf(g -> g.id().equalsIgnoreCase(id));
    }

    /** Finds a group by object id (ignoring case). */
    public synchronized Optional<Group> group(String id) {
        for (Group g : groups) {
            if (g.id().equalsIgnoreCase(id)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /** Registers an application, replacing one with the same client id. */
    public AppRegistration registerApp(AppRegistration app) {
        apps.put(requireNonNull(app, "app").clientId(), app);
        return app;
    }

    /** Finds a registered application by client id (ignoring case). */
    public Optional<AppRegistration> app(String clientId) {
        return Optional.ofNullable(apps.get(clientId.toLowerCase(Locale.ROOT)));
    }

    /**
     * Sets the system-assigned managed identity of the Azure resource the emulator plays (its
     * service principal, with the application permissions granted to it).
     */
    public AppRegistration setSystemAssignedIdentity(AppRegistration identity) {
        this.systemAssignedIdentity = requireNonNull(identity, "identity");
        return identity;
    }

    /** Returns the system-assigned managed identity, if the resource has one. */
    public Optional<AppRegistration> systemAssignedIdentity() {
        return Optional.ofNullable(systemAssignedIdentity);
    }

    /** Attaches a user-assigned managed identity to the resource the emulator plays. */
    public AppRegistration addUserAssignedIdentity(AppRegistration identity) {
        userAssignedIdentities.put(requireNonNull(identity, "identity").clientId()
                .toLowerCase(Locale.ROOT), identity);
        return identity;
    }

    /** Finds a user-assigned managed identity by its client id (ignoring case). */
    public Optional<AppRegistration> userAssignedIdentity(String clientId) {
        return Optional.ofNullable(
                userAssignedIdentities.get(clientId.toLowerCase(Locale.ROOT)));
    }

    /** Adds a room list to the directory. */
    public RoomList addRoomList(RoomList list) {
        roomLists.add(requireNonNull(list, "list"));
        return list;
    }

    /** Returns the directory's room lists in the order they were added. */
    public List<RoomList> roomLists() {
        return List.copyOf(roomLists);
    }

    /** Returns the mailbox rights (impersonation, full access) granted in the tenant. */
    public MailboxPermissions permissions() {
        return permissions;
    }

    @Override
    public String toString() {
        return "Tenant[" + domain + ", " + id + "]";
    }

    /**
     * Replaces a user by a changed copy with the same id and user principal name; the mailbox
     * stays. Returns the copy.
     */
    public synchronized User replaceUser(User changed) {
        requireNonNull(changed, "changed");
        User old = usersByKey.get(changed.id());
        if (old == null || !old.userPrincipalName().equalsIgnoreCase(
                changed.userPrincipalName())) {
            throw new IllegalArgumentException("no such user: " + changed);
        }
        users.set(users.indexOf(old), changed);
        usersByKey.put(changed.id(), changed);
        usersByKey.put(changed.userPrincipalName().toLowerCase(Locale.ROOT), changed);
        return changed;
    }

    /** Removes a user and the user's mailbox; returns false if the user was not there. */
    public synchronized boolean removeUser(User user) {
        requireNonNull(user, "user");
        if (!users.remove(usersByKey.get(user.id()))) {
            return false;
        }
        usersByKey.remove(user.id());
        usersByKey.remove(user.userPrincipalName().toLowerCase(Locale.ROOT));
        mailboxes.remove(user.id());
        return true;
    }
}
