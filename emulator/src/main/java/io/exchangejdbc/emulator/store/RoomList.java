package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A room list of the tenant's directory (a distribution group of meeting rooms), as EWS's
 * GetRoomLists and GetRooms show it: its own name and address, and the rooms in it.
 *
 * @param address the list's name and SMTP address
 * @param rooms the rooms' names and SMTP addresses
 */
public record RoomList(EmailAddress address, List<EmailAddress> rooms) {

    /** Checks the parts are present and copies the rooms. */
    public RoomList {
        requireNonNull(address, "address");
        rooms = List.copyOf(rooms);
    }
}
