package io.exchangejdbc.emulator.ews;

import static io.exchangejdbc.emulator.ews.EwsClient.distinguished;
import static io.exchangejdbc.emulator.ews.EwsClient.findItem;
import static io.exchangejdbc.emulator.ews.EwsClient.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.FaultSpec;
import io.exchangejdbc.emulator.store.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SOAP side of the front: ServerVersionInfo, RequestServerVersion refusals, SOAP faults for
 * malformed requests, ErrorServerBusy with its back-off, and injected HTTP faults.
 */
class EwsProtocolTest {

    private static Emulator emu;
    private static User adele;
    private static EwsClient ews;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(2).users(2).messagesPerUser(8).build().start();
        adele = emu.demoUser();
        ews = new EwsClient(emu).as(adele);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static String inbox(String shapeExtra) {
        return "<m:FindItem Traversal=\"Shallow\"><m:ItemShape><t:BaseShape>IdOnly"
                + "</t:BaseShape>" + shapeExtra + "</m:ItemShape>" + page(2, 0)
                + "<m:ParentFolderIds>" + distinguished("inbox")
                + "</m:ParentFolderIds></m:FindItem>";
    }

    @Test
    void answersCarryServerVersionInfo() {
        EwsClient.Reply r = ews.call(inbox(""));
        XmlElement info = r.root().required("Header").required("ServerVersionInfo");
        assertEquals("15", info.attr("MajorVersion"));
        assertNotNull(info.attr("Version"));
        assertTrue(r.headers().get("content-type").get(0).startsWith("text/xml"));
    }

    @Test
    void unknownVersionIsASchemaFault() {
        EwsClient.Reply r = new EwsClient(emu).as(adele).version("Exchange2099").call(inbox(""));
        assertEquals(500, r.status());
        assertEquals("ErrorSchemaValidation", r.faultCode());
        assertEquals("a:ErrorSchemaValidation", r.root().required("Body").required("Fault")
                .childText("faultcode"));
    }

    @Test
    void propertyNewerThanTheRequestedVersionIsRefused() {
        String conv = "<t:AdditionalProperties><t:FieldURI FieldURI=\"item:ConversationId\"/>"
                + "</t:AdditionalProperties>";
        EwsClient.Reply old = new EwsClient(emu).as(adele).version("Exchange2007_SP1")
                .call(inbox(conv));
        assertEquals(500, old.status());
        assertEquals("ErrorSchemaValidation", old.faultCode());
        EwsClient.Reply current = new EwsClient(emu).as(adele).version("Exchange2010")
                .call(inbox(conv));
        assertEquals("NoError", current.code());
        assertNotNull(current.message().required("RootFolder").required("Items").children()
                .get(0).required("ConversationId").attr("Id"));
        EwsClient.Reply defaulted = new EwsClient(emu).as(adele).version(null).call(inbox(""));
        assertEquals("NoError", defaulted.code(), "no header means " + EwsFront.DEFAULT_VERSION);
    }

    @Test
    void malformedRequestsGetSoapFaults() {
        EwsClient.Reply broken = ews.post("<soap:Envelope");
        assertEquals(500, broken.status());
        assertEquals("ErrorSchemaValidation", broken.faultCode());
        EwsClient.Reply unknown = ews.call("<m:FrobnicateItem/>");
        assertEquals(500, unknown.status());
        assertEquals("ErrorInvalidRequest", unknown.faultCode());
        EwsClient.Reply noShape = ews.call("<m:FindItem Traversal=\"Shallow\">"
                + "<m:ParentFolderIds>" + distinguished("inbox") + "</m:ParentFolderIds>"
                + "</m:FindItem>");
        assertEquals("ErrorSchemaValidation", noShape.faultCode());
    }

    @Test
    void serverBusyCarriesTheBackOffForThatMailboxOnly() {
        User bob = emu.tenant().users().get(1);
        emu.ews().serverBusy(adele.mail(), 2500, 1);
        EwsClient.Reply busy = ews.call(inbox(""));
        assertEquals(500, busy.status());
        assertEquals("ErrorServerBusy", busy.faultCode());
        XmlElement value = busy.root().required("Body").required("Fault").required("detail")
                .required("MessageXml").required("Value");
        assertEquals("BackOffMilliseconds", value.attr("Name"));
        assertEquals("2500", value.text());
        assertEquals("NoError", new EwsClient(emu).as(bob).call(inbox("")).code());
        assertEquals("NoError", ews.call(inbox("")).code(), "busy only as often as asked");
    }

    @Test
    void injectedHttpFaultsAnswerAsSoapFaults() {
        emu.faults().next(FaultSpec.status(503));
        EwsClient.Reply r = ews.call(inbox(""));
        assertEquals(503, r.status());
        assertEquals("ErrorServerBusy", r.faultCode());
        assertEquals("NoError", ews.call(inbox("")).code());
    }
}
