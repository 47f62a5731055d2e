package io.exchangejdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Where a table's rows live in Exchange Web Services and which operation reads them: the
 * {@code .ews(...)} counterpart of {@link GraphResource}.
 *
 * @param kind            the operation family that produces the rows
 * @param distinguishedId the distinguished folder read ({@code inbox}, {@code calendar}, ...), or
 *                        null when the table is not a folder's items
 * @param itemElement     the EWS element of the items written to the folder ({@code Message},
 *                        {@code CalendarItem}, {@code Contact}, {@code Task}), or null
 * @param docUrl          the Microsoft documentation page of the operation
 * @param required        the columns an INSERT must give a value (Exchange refuses the item
 *                        without them)
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/finditem-operation">
 *     FindItem operation</a>
 */
public record EwsSource(Kind kind, String distinguishedId, String itemElement, String docUrl,
        List<String> required) {

    public EwsSource {
        requireNonNull(kind, "kind");
        requireNonNull(docUrl, "docUrl");
        required = List.copyOf(requireNonNull(required, "required"));
        if (kind == Kind.FOLDER_ITEMS && distinguishedId == null) {
            throw new IllegalArgumentException("the items of a folder need the folder");
        }
    }

    /** How the rows are read. */
    public enum Kind {
        /** FindItem (then GetItem for the properties FindItem does not return) in one folder. */
        FOLDER_ITEMS,
        /** FindFolder below the mailbox root (or below {@code ParentFolderId}). */
        FOLDERS,
        /** GetItem of one calendar item; a row per required attendee. */
        REQUIRED_ATTENDEES,
        /** GetItem of one calendar item; a row per optional attendee. */
        OPTIONAL_ATTENDEES,
        /** GetItem of recurring masters; a row per modified occurrence. */
        MODIFIED_OCCURRENCES,
        /** GetRooms of a room list. */
        ROOMS,
        /** GetRoomLists of the organization. */
        ROOM_LISTS
    }

    /** The items of a distinguished folder. */
    public static EwsSource folderItems(String distinguishedId, String itemElement) {
        return new EwsSource(Kind.FOLDER_ITEMS, distinguishedId, itemElement,
                "https://learn.microsoft.com/exchange/client-developer/web-service-reference/"
                        + "finditem-operation", List.of());
    }

    /** Rows that another operation produces. */
    public static EwsSource of(Kind kind, String docUrl) {
        return new EwsSource(kind, null, null, docUrl, List.of());
    }

    /** The same source, with the columns an INSERT must give. */
    public EwsSource require(String... columns) {
        return new EwsSource(kind, distinguishedId, itemElement, docUrl, List.of(columns));
    }
}
