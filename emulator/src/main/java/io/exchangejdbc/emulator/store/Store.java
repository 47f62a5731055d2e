package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The emulator's in-memory store: the tenants with their directories, registered apps and
 * mailboxes. Every front (Graph, EWS, identity) reads and writes the same store, so what one
 * front changes the others see. The first tenant is the default one the convenience methods use.
 */
public final class Store {

    private final Clock clock;
    private final List<Tenant> tenants = new CopyOnWriteArrayList<>();

    /** Creates an empty store whose change times come from the given clock. */
    public Store(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    /** Returns the clock that stamps changes. */
    public Clock clock() {
        return clock;
    }

    /** Creates a tenant. */
    public Tenant addTenant(String id, String domain, String displayName) {
        for (Tenant t : tenants) {
            if (t.isNamedBy(id) || t.isNamedBy(domain)) {
                throw new IllegalArgumentException("tenant exists: " + t);
            }
        }
        Tenant t = new Tenant(id, domain, displayName, clock);
        tenants.add(t);
        return t;
    }

    /** Returns all tenants. */
    public List<Tenant> tenants() {
        return List.copyOf(tenants);
    }

    /** Finds a tenant by id or domain (ignoring case). */
    public Optional<Tenant> tenant(String idOrDomain) {
        for (Tenant t : tenants) {
            if (t.isNamedBy(idOrDomain)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Returns the default (first) tenant. */
    public Tenant tenant() {
        if (tenants.isEmpty()) {
            throw new NoSuchElementException("the store has no tenant");
        }
        return tenants.get(0);
    }

    /** Returns the users of the default tenant. */
    public List<User> users() {
        return tenant().users();
    }

    /** Returns a user of the default tenant by id or user principal name. */
    public User user(String idOrUpn) {
        return tenant().user(idOrUpn)
                .orElseThrow(() -> new NoSuchElementException("no user " + idOrUpn));
    }

    /** Returns the mailbox of a user of the default tenant by id or user principal name. */
    public Mailbox mailbox(String idOrUpn) {
        return tenant().mailbox(user(idOrUpn));
    }
}
