package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

/**
 * Name and SMTP address of a mail participant, the value of Graph's {@code emailAddress} type
 * (wrapped by {@code recipient} in messages).
 *
 * @param name the display name, may be null
 * @param address the SMTP address
 */
public record EmailAddress(String name, String address) {

    /** Checks the address is present. */
    public EmailAddress {
        requireNonNull(address, "address");
    }

    /** Returns the domain part of the address (after the last {@code @}), or an empty string. */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1);
    }

    @Override
    public String toString() {
        return name == null ? address : name + " <" + address + ">";
    }
}
