/**
 * The in-memory directory and mail store (tenants, users, app registrations, mailboxes, folders
 * and messages) that every front of the emulator reads and writes.
 */
package io.exchangejdbc.emulator.store;
