package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.RoomList;
import java.util.Optional;

/**
 * GetRoomLists and GetRooms (Exchange 2010 and later): the directory's room lists and the rooms
 * in one of them. Their response element is itself the response message.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/getroomlists-operation">GetRoomLists operation</a>
 */
final class RoomOps {

    private RoomOps() {
    }

    private static void address(EwsWriter w, String qname, EmailAddress a) {
        w.start(qname).leaf("t:Name", a.name()).leaf("t:EmailAddress", a.address())
                .leaf("t:RoutingType", "SMTP").leaf("t:MailboxType", "PublicDL").end();
    }

    private static void head(EwsWriter w, EwsException e) {
        w.attr("ResponseClass", e == null ? "Success" : "Error");
        if (e == null) {
            w.leaf("m:ResponseCode", "NoError");
        } else {
            w.leaf("m:MessageText", e.getMessage()).leaf("m:ResponseCode", e.responseCode())
                    .leaf("m:DescriptiveLinkKey", 0);
        }
    }

    /** GetRoomLists. */
    static final class Lists implements EwsOperation {
        @Override
        public EwsVersion since() {
            return EwsVersion.EXCHANGE2010;
        }

        @Override
        public void writeError(String requestName, EwsException e, EwsWriter w) {
            head(w, e);
        }

        @Override
        public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
            head(w, null);
            w.start("m:RoomLists");
            for (RoomList l : ctx.tenant().roomLists()) {
                address(w, "t:Address", l.address());
            }
            w.end();
        }
    }

    /** GetRooms. */
    static final class Rooms implements EwsOperation {
        @Override
        public EwsVersion since() {
            return EwsVersion.EXCHANGE2010;
        }

        @Override
        public void writeError(String requestName, EwsException e, EwsWriter w) {
            head(w, e);
        }

        @Override
        public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
            String wanted = req.required("RoomList").childText("EmailAddress");
            Optional<RoomList> list = ctx.tenant().roomLists().stream()
                    .filter(l -> l.address().address().equalsIgnoreCase(wanted)).findFirst();
            if (list.isEmpty()) {
                throw EwsException.of("ErrorNameResolutionNoResults",
                        "No results were found.");
            }
            head(w, null);
            w.start("m:Rooms");
            for (EmailAddress room : list.get().rooms()) {
                w.start("t:Room");
                w.start("t:Id").leaf("t:Name", room.name()).leaf("t:EmailAddress", room.address())
                        .leaf("t:RoutingType", "SMTP").leaf("t:MailboxType", "Mailbox").end();
                w.end();
            }
            w.end();
        }
    }
}
