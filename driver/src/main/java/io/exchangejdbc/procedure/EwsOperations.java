package io.exchangejdbc.procedure;

import io.exchangejdbc.config.ExchangeProperty;
import io.exchangejdbc.ews.EwsClient;
import io.exchangejdbc.ews.EwsMailbox;
import io.exchangejdbc.ews.EwsValues;
import io.exchangejdbc.graph.GraphQuery;
import io.exchangejdbc.graph.ODataExpr;
import io.exchangejdbc.graph.ODataValues;
import io.exchangejdbc.graph.Operand;
import io.exchangejdbc.graph.RowCursor;
import io.exchangejdbc.schema.Catalog;
import io.exchangejdbc.schema.FilterOp;
import io.exchangejdbc.schema.ProcedureDef;
import io.exchangejdbc.schema.SchemaKind;
import io.exchangejdbc.schema.TableDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The procedures of {@code Schema=EWS} that act on the mailbox through the EWS client
 * ({@link EwsMailbox}): sending, moving and copying, attachments, out-of-office settings,
 * availability and rooms. Procedures that change data or send mail are refused on a
 * {@code Readonly=true} connection.
 */
final class EwsOperations {

    private EwsOperations() {
    }

    /** The body of a procedure. */
    @FunctionalInterface
    private interface Body {
        List<Object[]> run(ProcedureContext context, Map<String, Object> args)
                throws SQLException;
    }

    private static Procedure of(String name, boolean writes, Body body) {
        ProcedureDef def = Catalog.of(SchemaKind.EWS).procedure(name);
        return new Procedure() {
            @Override
            public ProcedureDef def() {
                return def;
            }

            @Override
            public List<Object[]> run(ProcedureContext context, Map<String, Object> args)
                    throws SQLException {
                if (writes && context.config().getBoolean(ExchangeProperty.READONLY)) {
                    throw new SQLException(name + " changes the mailbox, and the connection is"
                            + " Readonly=true.", "25006");
                }
                return body.run(context, args);
            }
        };
    }

    private static final List<Object[]> SUCCESS = List.<Object[]>of(new Object[] {true});

    static List<Procedure> all(EwsClient client) {
        EwsMailbox mailbox = new EwsMailbox(client);
        List<Procedure> all = new ArrayList<>();
        all.add(of("SendMail", true, (c, a) -> {
            mailbox.sendMail(text(a, "Subject"), text(a, "Content"), text(a, "ContentType"),
                    text(a, "ToRecipients"), text(a, "CcRecipients"), text(a, "BccRecipients"));
            return SUCCESS;
        }));
        all.add(of("SendItem", true, (c, a) -> {
            mailbox.sendItem(text(a, "ItemId"), text(a, "ChangeKey"));
            return SUCCESS;
        }));
        all.add(of("MoveItem", true, (c, a) -> List.<Object[]>of(new Object[] {
            mailbox.moveOrCopy(false, text(a, "ItemId"), text(a, "DestinationFolder"))})));
        all.add(of("CopyItem", true, (c, a) -> List.<Object[]>of(new Object[] {
            mailbox.moveOrCopy(true, text(a, "ItemId"), text(a, "DestinationFolder"))})));
        all.add(of("GetAttachment", false, (c, a) -> {
            List<String> ids = new ArrayList<>();
            for (String id : text(a, "AttachmentIds").split(";")) {
                if (!id.isBlank()) {
                    ids.add(id.strip());
                }
            }
            List<Object[]> rows = new ArrayList<>();
            for (EwsMailbox.Attachment x : mailbox.getAttachments(ids)) {
                rows.add(new Object[] {x.id(), x.name(), x.contentType(), x.content()});
            }
            return rows;
        }));
        all.add(of("CreateAttachments", true, (c, a) -> {
            byte[] content = bytes(a);
            String name = text(a, "Name");
            if (name == null && a.get("LocalFile") != null) {
                name = Path.of(text(a, "LocalFile")).getFileName().toString();
            }
            if (name == null || content == null) {
                throw new SQLException("CreateAttachments needs Name and Content (or"
                        + " ContentBase64), or LocalFile.", "42000");
            }
            return List.<Object[]>of(new Object[] {
                mailbox.createAttachment(text(a, "ItemId"), name, content)});
        }));
        all.add(of("DeleteAttachment", true, (c, a) -> List.<Object[]>of(new Object[] {
            mailbox.deleteAttachment(text(a, "AttachmentId"))})));
        all.add(of("GetUserOofSettings", false, (c, a) -> {
            EwsMailbox.OofSettings s = mailbox.getOof(mailboxOf(c, a));
            return List.<Object[]>of(new Object[] {s.state(), s.externalAudience(),
                timestamp(s.start()), timestamp(s.end()), s.internalReply(), s.externalReply()});
        }));
        all.add(of("SetUserOofSettings", true, (c, a) -> {
            mailbox.setOof(mailboxOf(c, a), new EwsMailbox.OofSettings(text(a, "OofState"),
                    text(a, "ExternalAudience"), dateTime(a.get("StartTime")),
                    dateTime(a.get("EndTime")), text(a, "InternalReply"),
                    text(a, "ExternalReply")));
            return SUCCESS;
        }));
        all.add(of("GetUserAvailability", false, (c, a) -> {
            List<String> emails = new ArrayList<>();
            for (String e : text(a, "Emails").split("[;,]")) {
                if (!e.isBlank()) {
                    emails.add(e.strip());
                }
            }
            List<Object[]> rows = new ArrayList<>();
            for (EwsMailbox.BusyInterval b : mailbox.availability(emails,
                    dateTime(a.get("StartTime")), dateTime(a.get("EndTime")))) {
                rows.add(new Object[] {b.email(), timestamp(b.start()), timestamp(b.end()),
                    b.busyType()});
            }
            return rows;
        }));
        all.add(of("GetRoomLists", false, (c, a) -> rows(client, "RoomLists", null)));
        all.add(of("GetRooms", false, (c, a) -> rows(client, "Rooms",
                text(a, "RoomListEmail"))));
        return all;
    }

    /** The rows of the RoomLists or Rooms view, read as a scan would read them. */
    private static List<Object[]> rows(EwsClient client, String view, String roomList)
            throws SQLException {
        TableDef table = Catalog.of(SchemaKind.EWS).table(view);
        GraphQuery q = GraphQuery.of(table).withOutput(List.of(table.column("Name"),
                table.column("EmailAddress"), table.column("RoutingType"),
                table.column("MailboxType")));
        if (roomList != null) {
            q = q.withFilter(new ODataExpr.Compare(table.column("RoomListEmail"), FilterOp.EQ,
                    new Operand.Literal(roomList)));
        }
        List<Object[]> rows = new ArrayList<>();
        try (RowCursor cursor = client.scan(q, Operand.Parameters.NONE)) {
            while (cursor.next()) {
                rows.add(cursor.current());
            }
        }
        return rows;
    }

    private static String text(Map<String, Object> args, String name) {
        Object v = args.get(name);
        return v == null ? null : v.toString();
    }

    private static String mailboxOf(ProcedureContext c, Map<String, Object> a)
            throws SQLException {
        String m = text(a, "Mailbox");
        if (m == null) {
            m = c.config().get(ExchangeProperty.USER);
        }
        if (m == null || m.isBlank()) {
            throw new SQLException("Give Mailbox (an SMTP address); the connection has no User"
                    + " to default to.", "42000");
        }
        return m.strip();
    }

    private static byte[] bytes(Map<String, Object> a) throws SQLException {
        Object content = a.get("Content");
        if (content instanceof byte[] b) {
            return b;
        }
        if (content != null) {
            return content.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (a.get("ContentBase64") != null) {
            try {
                return Base64.getMimeDecoder().decode(text(a, "ContentBase64"));
            } catch (IllegalArgumentException e) {
                throw new SQLException("ContentBase64 is not base64: " + e.getMessage(),
                        "22018");
            }
        }
        if (a.get("LocalFile") != null) {
            try {
                return Files.readAllBytes(Path.of(text(a, "LocalFile")));
            } catch (IOException | RuntimeException e) {
                throw new SQLException("Cannot read LocalFile '" + text(a, "LocalFile") + "': "
                        + e.getMessage(), "58030");
            }
        }
        return null;
    }

    /** An xs:dateTime (UTC) of a TIMESTAMP argument, or null. */
    private static String dateTime(Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        try {
            return EwsValues.dateTime(ODataValues.toEpochMillis(value));
        } catch (RuntimeException e) {
            throw new SQLException("'" + value + "' is not a timestamp (use 'yyyy-mm-dd"
                    + " hh:mm:ss', UTC).", "22007");
        }
    }

    /** The JDBC timestamp (UTC wall clock) of an xs:dateTime, or null. */
    private static Timestamp timestamp(String dateTime) {
        if (dateTime == null || dateTime.isBlank()) {
            return null;
        }
        long millis = EwsValues.epochMillis(dateTime.strip());
        return Timestamp.valueOf(LocalDateTime.ofInstant(Instant.ofEpochMilli(millis),
                ZoneOffset.UTC));
    }
}
