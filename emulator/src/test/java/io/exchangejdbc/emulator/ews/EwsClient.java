package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;

/**
 * A plain JDK HTTP client that posts SOAP envelopes to the emulator's EWS front, as a test sees
 * it from outside. Every successful response is validated against the EWS schemas on arrival.
 */
final class EwsClient {

    static final String NS = "xmlns:m=\"" + EwsWriter.MESSAGES + "\" xmlns:t=\""
            + EwsWriter.TYPES + "\"";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private final Emulator emu;
    private String authorization;
    private String version = "Exchange2013_SP1";
    private String impersonate;

    EwsClient(Emulator emu) {
        this.emu = emu;
    }

    /** Signs in with Basic as a user, with the user's password from the store. */
    EwsClient as(User user) {
        return basic(user.userPrincipalName(), user.password());
    }

    EwsClient basic(String name, String password) {
        authorization = "Basic " + Base64.getEncoder().encodeToString(
                (name + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    EwsClient bearer(String token) {
        authorization = "Bearer " + token;
        return this;
    }

    /** Sets the RequestServerVersion sent (null: no header). */
    EwsClient version(String v) {
        version = v;
        return this;
    }

    /** Sets the ExchangeImpersonation SmtpAddress sent (null: none). */
    EwsClient impersonate(String smtp) {
        impersonate = smtp;
        return this;
    }

    /**
     * A response.
     *
     * @param status the HTTP status
     * @param headers the headers
     * @param body the body text
     */
    record Reply(int status, Map<String, List<String>> headers, String body) {

        XmlElement root() {
            try {
                return XmlElement.parse(body.getBytes(StandardCharsets.UTF_8));
            } catch (XMLStreamException e) {
                throw new AssertionError("not XML: " + body, e);
            }
        }

        /** Returns the operation's response element inside the SOAP body. */
        XmlElement response() {
            return root().required("Body").children().get(0);
        }

        /** Returns the response messages. */
        List<XmlElement> messages() {
            return response().required("ResponseMessages").children();
        }

        /** Returns the only response message. */
        XmlElement message() {
            List<XmlElement> all = messages();
            if (all.size() != 1) {
                throw new AssertionError("expected one response message, got " + all.size());
            }
            return all.get(0);
        }

        /** Returns the response code of the only message. */
        String code() {
            return message().childText("ResponseCode");
        }

        /** Returns the fault's response code (detail/ResponseCode), or null. */
        String faultCode() {
            Optional<XmlElement> fault = root().required("Body").child("Fault");
            return fault.map(f -> f.required("detail").childText("ResponseCode")).orElse(null);
        }
    }

    /** Posts a body element (operation request) with the configured headers. */
    Reply call(String operationXml) {
        StringBuilder env = new StringBuilder();
        env.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
                .append("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" ")
                .append(NS).append("><soap:Header>");
        if (version != null) {
            env.append("<t:RequestServerVersion Version=\"").append(version).append("\"/>");
        }
        if (impersonate != null) {
            env.append("<t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>")
                    .append(impersonate)
                    .append("</t:SmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>");
        }
        env.append("</soap:Header><soap:Body>").append(operationXml)
                .append("</soap:Body></soap:Envelope>");
        return post(env.toString());
    }

    /** Posts raw text as the request body. */
    Reply post(String text) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emu.ewsUrl()))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(text)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (impersonate != null) {
            b.header("X-AnchorMailbox", impersonate);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Reply reply = new Reply(r.statusCode(), r.headers().map(), r.body());
            if (r.statusCode() == 200) {
                EwsSchemaValidation.validateEnvelope(r.body());
                VALIDATED.add(r.body().length());
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sizes of the responses validated so far in this JVM. */
    static final List<Integer> VALIDATED = java.util.Collections.synchronizedList(
            new ArrayList<>());

    /** Builds a FindItem request. */
    static String findItem(String folderXml, String shape, String view, String restriction,
            String sort) {
        return "<m:FindItem Traversal=\"Shallow\"><m:ItemShape><t:BaseShape>" + shape
                + "</t:BaseShape></m:ItemShape>" + (view == null ? "" : view)
                + (restriction == null ? "" : "<m:Restriction>" + restriction
                        + "</m:Restriction>")
                + (sort == null ? "" : "<m:SortOrder>" + sort + "</m:SortOrder>")
                + "<m:ParentFolderIds>" + folderXml + "</m:ParentFolderIds></m:FindItem>";
    }

    static String distinguished(String id) {
        return "<t:DistinguishedFolderId Id=\"" + id + "\"/>";
    }

    static String page(int max, int offset) {
        return "<m:IndexedPageItemView MaxEntriesReturned=\"" + max + "\" Offset=\"" + offset
                + "\" BasePoint=\"Beginning\"/>";
    }
}
