package io.exchangejdbc.ews;

import io.exchangejdbc.http.LocalHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A loopback EWS endpoint scripted by a test: it records every SOAP request and answers with
 * the envelope the test's script returns (canned example responses or envelopes built from
 * items), with HTTP 500 for SOAP faults as Exchange does.
 */
final class EwsStub implements AutoCloseable {

    static final String M = "http://schemas.microsoft.com/exchange/services/2006/messages";
    static final String T = "http://schemas.microsoft.com/exchange/services/2006/types";

    private final LocalHttpServer server;

    private EwsStub(BiFunction<LocalHttpServer.Request, Integer, String> script)
            throws IOException {
        this.server = LocalHttpServer.start((exchange, request, index) -> {
            String answer = script.apply(request, index);
            int status = answer.contains(":Fault>") || answer.contains("<Fault>") ? 500 : 200;
            LocalHttpServer.respond(exchange, status, "text/xml; charset=utf-8", answer);
        });
    }

    /** A stub answering each request with what {@code script} returns for it. */
    static EwsStub start(BiFunction<LocalHttpServer.Request, Integer, String> script)
            throws IOException {
        return new EwsStub(script);
    }

    /** The EWS URL of the stub. */
    String url() {
        return server.baseUrl() + "/EWS/Exchange.asmx";
    }

    /** A connection to the stub with Basic sign-in and the given extra properties. */
    Connection connect(String extra) throws SQLException {
        return DriverManager.getConnection("jdbc:exchange:Schema=EWS;Server=" + url()
                + ";User=alice@contoso.com;Password=secret;" + extra);
    }

    /** The requests received so far. */
    List<LocalHttpServer.Request> requests() {
        return server.requests();
    }

    /** The bodies of the requests received so far. */
    List<String> bodies() {
        return requests().stream().map(LocalHttpServer.Request::body).toList();
    }

    @Override
    public void close() {
        server.close();
    }

    /** A Microsoft example response from the test resources. */
    static String example(String name) {
        try (InputStream in = EwsStub.class.getResourceAsStream("/ews/examples/" + name
                + ".xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A SOAP envelope around the given body content. */
    static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<s:Header><h:ServerVersionInfo MajorVersion=\"15\" MinorVersion=\"2\""
                + " MajorBuildNumber=\"1118\" MinorBuildNumber=\"7\" Version=\"V2017_07_11\""
                + " xmlns:h=\"" + T + "\"/></s:Header><s:Body>" + body
                + "</s:Body></s:Envelope>";
    }

    /** A FindItem answer with the given items (t: elements), paging attributes as given. */
    static String findItemPage(List<String> items, Integer nextOffset, boolean last) {
        StringBuilder sb = new StringBuilder("<m:FindItemResponse xmlns:m=\"" + M
                + "\" xmlns:t=\"" + T + "\"><m:ResponseMessages>"
                + "<m:FindItemResponseMessage ResponseClass=\"Success\">"
                + "<m:ResponseCode>NoError</m:ResponseCode><m:RootFolder");
        if (nextOffset != null) {
            sb.append(" IndexedPagingOffset=\"").append(nextOffset).append('"');
        }
        sb.append(" TotalItemsInView=\"0\" IncludesLastItemInRange=\"").append(last)
                .append("\"><t:Items>");
        items.forEach(sb::append);
        sb.append("</t:Items></m:RootFolder></m:FindItemResponseMessage></m:ResponseMessages>"
                + "</m:FindItemResponse>");
        return envelope(sb.toString());
    }

    /** A message element with an id, subject and received time. */
    static String message(String id, String subject, String received, boolean read) {
        return "<t:Message><t:ItemId Id=\"" + id + "\" ChangeKey=\"ck-" + id + "\"/>"
                + "<t:Subject>" + subject + "</t:Subject><t:DateTimeReceived>" + received
                + "</t:DateTimeReceived><t:IsRead>" + read + "</t:IsRead></t:Message>";
    }

    /** An error response message of an operation. */
    static String error(String operation, String code, String text) {
        return envelope("<m:" + operation + "Response xmlns:m=\"" + M + "\" xmlns:t=\"" + T
                + "\"><m:ResponseMessages><m:" + operation
                + "ResponseMessage ResponseClass=\"Error\"><m:MessageText>" + text
                + "</m:MessageText><m:ResponseCode>" + code + "</m:ResponseCode>"
                + "<m:DescriptiveLinkKey>0</m:DescriptiveLinkKey></m:" + operation
                + "ResponseMessage></m:ResponseMessages></m:" + operation + "Response>");
    }

    /** The server-busy answer of an operation, asking to wait {@code millis}. */
    static String busy(String operation, long millis) {
        return envelope("<m:" + operation + "Response xmlns:m=\"" + M + "\" xmlns:t=\"" + T
                + "\"><m:ResponseMessages><m:" + operation
                + "ResponseMessage ResponseClass=\"Error\"><m:MessageText>The server cannot"
                + " service this request right now. Try again later.</m:MessageText>"
                + "<m:ResponseCode>ErrorServerBusy</m:ResponseCode>"
                + "<m:DescriptiveLinkKey>0</m:DescriptiveLinkKey><m:MessageXml>"
                + "<t:Value Name=\"BackOffMilliseconds\">" + millis + "</t:Value>"
                + "</m:MessageXml></m:" + operation + "ResponseMessage></m:ResponseMessages></m:"
                + operation + "Response>");
    }

    /** A SOAP fault with a ResponseCode in its detail. */
    static String fault(String code, String text) {
        return envelope("<s:Fault><faultcode xmlns:a=\"" + T + "\">a:" + code + "</faultcode>"
                + "<faultstring xml:lang=\"en-US\">" + text + "</faultstring><detail>"
                + "<e:ResponseCode xmlns:e=\"" + T + "\">" + code + "</e:ResponseCode>"
                + "<e:Message xmlns:e=\"" + T + "\">" + text + "</e:Message></detail>"
                + "</s:Fault>");
    }
}
