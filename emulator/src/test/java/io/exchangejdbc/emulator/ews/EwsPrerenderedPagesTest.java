package io.exchangejdbc.emulator.ews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pre-rendered pages for EWS benchmarks: a repeated FindItem (a POST) is answered from the bytes
 * sent the first time when its whole envelope is the same, and an operation that may change the
 * data (or one that is not a read of the store) empties the kept answers.
 */
class EwsPrerenderedPagesTest {

    private static Emulator emu;
    private static EwsClient ews;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(5).users(1).messagesPerUser(40).build().start();
        ews = new EwsClient(emu).as(emu.demoUser());
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static String findItem(int offset) {
        return "<m:FindItem Traversal=\"Shallow\"><m:ItemShape><t:BaseShape>IdOnly"
                + "</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI=\"item:Subject\"/>"
                + "</t:AdditionalProperties></m:ItemShape><m:IndexedPageItemView"
                + " MaxEntriesReturned=\"5\" Offset=\"" + offset + "\" BasePoint=\"Beginning\"/>"
                + "<m:ParentFolderIds><t:DistinguishedFolderId Id=\"inbox\"/>"
                + "</m:ParentFolderIds></m:FindItem>";
    }

    @Test
    void aRepeatedFindItemIsAnsweredFromTheKeptBytesUntilDataMayChange() {
        long hits = emu.prerenderedHits();
        emu.setPrerenderedPages(true);
        try {
            EwsClient.Reply first = ews.call(findItem(0));
            assertEquals("NoError", first.code());
            EwsClient.Reply again = ews.call(findItem(0));
            assertEquals(200, again.status());
            assertEquals(first.body(), again.body());
            assertEquals(hits + 1, emu.prerenderedHits());

            // another offset, another page
            EwsClient.Reply next = ews.call(findItem(5));
            assertNotEquals(first.body(), next.body());
            assertEquals(hits + 1, emu.prerenderedHits());

            // a write empties the kept pages: the next FindItem is rendered again
            String id = first.message().required("RootFolder").required("Items").children()
                    .get(0).required("ItemId").attr("Id");
            EwsClient.Reply deleted = ews.call("<m:DeleteItem DeleteType=\"HardDelete\">"
                    + "<m:ItemIds><t:ItemId Id=\"" + id + "\"/></m:ItemIds></m:DeleteItem>");
            assertEquals("NoError", deleted.code());
            EwsClient.Reply after = ews.call(findItem(0));
            assertEquals(hits + 1, emu.prerenderedHits());
            assertFalse(after.body().contains(id), "the deleted item is gone from the page");
            assertTrue(after.body().contains("FindItemResponseMessage"));
        } finally {
            emu.setPrerenderedPages(false);
        }
    }

    @Test
    void offByDefault() {
        long hits = emu.prerenderedHits();
        ews.call(findItem(0));
        ews.call(findItem(0));
        assertEquals(hits, emu.prerenderedHits());
    }
}
