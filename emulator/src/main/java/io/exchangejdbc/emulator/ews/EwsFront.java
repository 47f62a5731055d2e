package io.exchangejdbc.emulator.ews;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.emulator.http.Front;
import io.exchangejdbc.emulator.http.Request;
import io.exchangejdbc.emulator.http.Response;
import io.exchangejdbc.emulator.identity.TokenService;
import io.exchangejdbc.emulator.store.Store;
import io.exchangejdbc.emulator.store.User;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/**
 * The Exchange Web Services front: SOAP 1.1 requests to {@code /EWS/Exchange.asmx}, served over
 * the same store as the Graph front. It authenticates the caller ({@link EwsAuthenticator}),
 * honours {@code RequestServerVersion} (answering with {@code ServerVersionInfo}) and
 * {@code ExchangeImpersonation}, dispatches on the body element to an {@link EwsOperation}, and
 * answers SOAP faults for requests it cannot process.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/ews-operations-in-exchange">EWS operations</a>
 */
public final class EwsFront implements Front {

    /** The path of the service. */
    public static final String PATH = "/EWS/Exchange.asmx";
    /** The version assumed when a request names none. */
    public static final EwsVersion DEFAULT_VERSION = EwsVersion.EXCHANGE2007_SP1;

    private static final String XML = "text/xml; charset=utf-8";

    private final EwsAuthenticator authenticator;
    private final Clock clock;
    private final EwsBehaviour behaviour = new EwsBehaviour();
    private final Map<String, EwsOperation> operations = new HashMap<>();

    /** Creates the front over the store, accepting the token service's tokens. */
    public EwsFront(Store store, TokenService tokens, Clock clock) {
        requireNonNull(store, "store");
        this.authenticator = new EwsAuthenticator(store, tokens);
        this.clock = requireNonNull(clock, "clock");
        operations.put("FindItem", new FindItem());
        operations.put("GetItem", new GetItem());
        operations.put("FindFolder", new FolderReads.Find());
        operations.put("GetFolder", new FolderReads.Get());
        operations.put("CreateItem", new ItemWrites.Create());
        operations.put("UpdateItem", new ItemWrites.Update());
        operations.put("DeleteItem", new ItemWrites.Delete());
        operations.put("SendItem", new ItemWrites.Send());
        operations.put("MoveItem", new ItemWrites.MoveOrCopy(false));
        operations.put("CopyItem", new ItemWrites.MoveOrCopy(true));
        operations.put("CreateFolder", new FolderWrites.Create());
        operations.put("UpdateFolder", new FolderWrites.Update());
        operations.put("DeleteFolder", new FolderWrites.Delete());
        operations.put("CreateAttachment", new Attachments.Create());
        operations.put("GetAttachment", new Attachments.Get());
        operations.put("DeleteAttachment", new Attachments.Delete());
        operations.put("GetUserOofSettingsRequest", new MailboxSettingsOps.GetSettings());
        operations.put("SetUserOofSettingsRequest", new MailboxSettingsOps.SetSettings());
        operations.put("GetUserAvailabilityRequest", new Availability(CalendarItems.BUSY));
        operations.put("GetRoomLists", new RoomOps.Lists());
        operations.put("GetRooms", new RoomOps.Rooms());
        operations.put("ResolveNames", new ResolveNames());
    }

    /** Registers an operation under the local name of its request element. */
    void register(String name, EwsOperation operation) {
        operations.put(name, operation);
    }

    /** Returns what tests can make the front do (short pages, busy answers). */
    public EwsBehaviour behaviour() {
        return behaviour;
    }

    @Override
    public String name() {
        return "ews";
    }

    @Override
    public boolean serves(Request request) {
        return request.rawPath().equalsIgnoreCase(PATH);
    }

    /**
     * Reads of the store only: their answers may be kept by the emulator's pre-rendered pages
     * (a benchmark mode) and they leave kept answers in place. Everything else, writes and
     * operations whose answer depends on the time, empties them.
     */
    private static final Set<String> READ_OPERATIONS =
            Set.of("FindItem", "GetItem", "FindFolder", "GetFolder");

    @Override
    public boolean readsOnly(Request request) {
        if (!request.method().equals("POST")) {
            return Front.super.readsOnly(request);
        }
        String op = XmlElement.soapOperation(request.body());
        return op != null && READ_OPERATIONS.contains(op);
    }

    /** The authenticator of EWS requests. */
    public EwsAuthenticator authenticator() {
        return authenticator;
    }

    @Override
    public boolean acceptsFaults() {
        return true;
    }

    @Override
    public void handle(Request request, Response response) throws IOException {
        EwsCaller caller;
        try {
            caller = authenticator.authenticate(request);
        } catch (EwsAuthenticator.Unauthorized e) {
            for (String c : e.challenges().isEmpty() ? authenticator.challenges(request)
                    : e.challenges()) {
                response.header("WWW-Authenticate", c);
            }
            response.send(401, "text/html", "<html><body>401 Unauthorized: "
                    + escape(e.getMessage()) + "</body></html>");
            return;
        }
        if (!request.method().equals("POST")) {
            response.header("Allow", "POST");
            response.send(405, "text/html",
                    "<html><body>405 Method Not Allowed</body></html>");
            return;
        }
        byte[] out;
        int status = 200;
        try {
            out = serve(request, caller);
        } catch (EwsException e) {
            status = e.isFault() ? e.httpStatus() : 500;
            out = fault(e);
        }
        response.send(status, XML, out);
    }

    private byte[] serve(Request request, EwsCaller caller) {
        XmlElement envelope;
        try {
            envelope = XmlElement.parse(request.body());
        } catch (XMLStreamException e) {
            throw EwsException.schema("The request is not well-formed XML: "
                    + e.getMessage());
        }
        if (!envelope.name().equals("Envelope") || !envelope.namespace().equals(EwsWriter.SOAP)) {
            throw EwsException.schema("The root element must be a SOAP 1.1 Envelope.");
        }
        Optional<XmlElement> header = envelope.child("Header");
        EwsVersion version = DEFAULT_VERSION;
        XmlElement impersonation = null;
        if (header.isPresent()) {
            Optional<XmlElement> rsv = header.get().child("RequestServerVersion");
            if (rsv.isPresent()) {
                String v = rsv.get().attr("Version");
                version = EwsVersion.of(v).orElseThrow(() -> EwsException.schema(
                        "The 'Version' attribute is invalid - The value '" + v
                                + "' is invalid according to its datatype "
                                + "'http://schemas.microsoft.com/exchange/services/2006/types:"
                                + "ExchangeVersionType' - The Enumeration constraint failed."));
            }
            impersonation = header.get().child("ExchangeImpersonation").orElse(null);
        }
        User acting = acting(caller, impersonation);
        long backOff = behaviour.takeBusy(acting == null ? null : acting.mail(),
                acting == null ? null : acting.userPrincipalName());
        if (backOff >= 0) {
            throw EwsException.serverBusy(backOff);
        }
        XmlElement body = envelope.child("Body").orElseThrow(() ->
                EwsException.schema("The SOAP envelope has no Body."));
        if (body.children().isEmpty()) {
            throw EwsException.fault("ErrorInvalidRequest", "The request is invalid.");
        }
        XmlElement op = body.children().get(0);
        EwsOperation operation = operations.get(op.name());
        if (operation == null || !op.namespace().equals(EwsWriter.MESSAGES)) {
            throw EwsException.fault("ErrorInvalidRequest", "The request is invalid: "
                    + op.name() + " is not an operation this server supports.");
        }
        if (!version.atLeast(operation.since())) {
            throw EwsException.fault("ErrorInvalidServerVersion", "The specified server "
                    + "version is invalid: " + op.name() + " needs "
                    + operation.since().schemaName() + " or later.");
        }
        EwsContext ctx = new EwsContext(caller, acting, version, clock, behaviour);
        EwsWriter w = start(op.name());
        try {
            operation.execute(ctx, op, w);
        } catch (EwsException e) {
            if (e.isFault()) {
                throw e;
            }
            // An error of the request as a whole, written the operation's way.
            w = start(op.name());
            operation.writeError(op.name(), e, w);
        }
        w.end().end().end();
        return w.finish();
    }

    private static EwsWriter start(String operation) {
        EwsWriter w = new EwsWriter();
        w.start("s:Envelope").declare("s");
        w.start("s:Header");
        w.start("h:ServerVersionInfo").declare("h").attr("MajorVersion", 15)
                .attr("MinorVersion", 2).attr("MajorBuildNumber", 1544)
                .attr("MinorBuildNumber", 4).attr("Version", "V2017_07_11").end();
        w.end();
        w.start("s:Body");
        // GetUserOofSettingsRequest is answered by GetUserOofSettingsResponse.
        String base = operation.endsWith("Request")
                ? operation.substring(0, operation.length() - "Request".length()) : operation;
        w.start("m:" + base + "Response").declare("m").declare("t");
        return w;
    }

    /**
     * Returns the user a request acts as: the one named in {@code ExchangeImpersonation} if the
     * caller holds the ApplicationImpersonation role (or is an application with
     * {@code full_access_as_app}), otherwise the signed-in user.
     */
    private User acting(EwsCaller caller, XmlElement impersonation) {
        if (impersonation == null) {
            if (caller.isApplication()) {
                throw EwsException.fault("ErrorInvalidExchangeImpersonationHeaderData",
                        "ExchangeImpersonation SOAP header must be present for this type of "
                                + "OAuth token.");
            }
            return caller.user();
        }
        XmlElement sid = impersonation.required("ConnectingSID");
        if (sid.children().size() != 1) {
            throw EwsException.schema("ConnectingSID must name the user one way.");
        }
        XmlElement who = sid.children().get(0);
        String value = who.text();
        Optional<User> user;
        switch (who.name()) {
            case "PrincipalName":
            case "PrimarySmtpAddress":
            case "SmtpAddress":
                user = EwsAuthenticator.findUser(caller.tenant(), value);
                break;
            case "SID":
                user = caller.tenant().user(value);
                break;
            default:
                throw EwsException.schema("'" + who.name() + "' cannot name a user.");
        }
        if (user.isEmpty()) {
            throw EwsException.fault("ErrorNonExistentMailbox",
                    "The SMTP address has no mailbox associated with it.");
        }
        boolean allowed = caller.fullAccessApp()
                || caller.tenant().permissions().mayImpersonate(caller.principalId());
        if (!allowed) {
            throw EwsException.fault("ErrorImpersonateUserDenied",
                    "The account does not have permission to impersonate the requested user.");
        }
        return user.get();
    }

    private static byte[] fault(EwsException e) {
        EwsWriter w = new EwsWriter();
        w.start("s:Envelope").declare("s").start("s:Body").start("s:Fault");
        w.start("faultcode").declare("a").text("a:" + e.responseCode());
        w.end();
        w.start("faultstring").text(e.getMessage()).end();
        w.start("detail");
        w.start("e:ResponseCode").declare("e").text(e.responseCode()).end();
        w.start("e:Message").declare("e").text(e.getMessage()).end();
        if (e.backOffMillis() >= 0) {
            w.start("t:MessageXml").declare("t");
            w.start("t:Value").attr("Name", "BackOffMilliseconds")
                    .text(Long.toString(e.backOffMillis())).end();
            w.end();
        }
        w.end().end().end().end();
        return w.finish();
    }

    @Override
    public void sendError(Request request, Response response, int status, String code,
            String message) throws IOException {
        String rc = status == 503 || status == 429 ? "ErrorServerBusy" : "ErrorInternalServerError";
        response.send(status, XML, fault(EwsException.fault(rc, message)));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Returns the operations served, by request element name. */
    List<String> operationNames() {
        return List.copyOf(operations.keySet());
    }
}
