package io.exchangejdbc.emulator.store;

/**
 * A postal address, the value of Graph's {@code physicalAddress} type (a contact's business, home
 * and other addresses). Every part may be null.
 *
 * @param street          street and number
 * @param city            city
 * @param state           state or province
 * @param countryOrRegion country or region
 * @param postalCode      postal code
 */
public record PhysicalAddress(String street, String city, String state, String countryOrRegion,
        String postalCode) {
}
