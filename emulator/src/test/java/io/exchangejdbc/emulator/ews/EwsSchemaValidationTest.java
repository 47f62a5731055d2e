package io.exchangejdbc.emulator.ews;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The schema check every test's responses go through ({@link EwsClient} validates each 200
 * answer) catches what Exchange's clients would reject: here, that it fails on elements out of
 * their {@code xs:sequence} order and on unknown response codes, and passes a correct one.
 */
class EwsSchemaValidationTest {

    private static final String HEAD = "<m:GetFolderResponse " + EwsClient.NS + ">"
            + "<m:ResponseMessages><m:GetFolderResponseMessage ResponseClass=\"Success\">"
            + "<m:ResponseCode>NoError</m:ResponseCode><m:Folders><t:Folder>"
            + "<t:FolderId Id=\"AAE=\"/>";
    private static final String TAIL = "</t:Folder></m:Folders></m:GetFolderResponseMessage>"
            + "</m:ResponseMessages></m:GetFolderResponse>";

    @Test
    void elementsInSchemaOrderPass() {
        EwsSchemaValidation.validate(HEAD + "<t:DisplayName>Inbox</t:DisplayName>"
                + "<t:TotalCount>3</t:TotalCount><t:UnreadCount>1</t:UnreadCount>" + TAIL);
    }

    @Test
    void elementsOutOfSequenceOrderFail() {
        AssertionError e = assertThrows(AssertionError.class, () -> EwsSchemaValidation
                .validate(HEAD + "<t:TotalCount>3</t:TotalCount>"
                        + "<t:DisplayName>Inbox</t:DisplayName>" + TAIL));
        assertTrue(e.getMessage().contains("DisplayName"), e.getMessage());
    }

    @Test
    void unknownResponseCodeFails() {
        assertThrows(AssertionError.class, () -> EwsSchemaValidation.validate(
                HEAD.replace("NoError", "ErrorThatDoesNotExist") + TAIL));
    }
}
