package io.exchangejdbc.ews;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the SOAP envelope of an EWS answer with StAX, as it streams in: the
 * {@code ServerVersionInfo} header, a {@code soap:Fault} (turned into an {@link EwsException}
 * with the fault's {@code ResponseCode}) or the operation's response element, handed to the
 * caller's {@link Handler}; and, inside it, the response messages with their
 * {@code ResponseClass}, errors thrown as {@link EwsException}s.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/serverversioninfo">
 *     ServerVersionInfo</a>
 */
public final class SoapReader {

    private static final XMLInputFactory INPUT = inputFactory();

    /** Reads the operation's response element; the reader is on its start. */
    @FunctionalInterface
    public interface Handler<T> {
        T read(XMLStreamReader r) throws XMLStreamException, SQLException;
    }

    /** Reads one content element of a successful response message and leaves it on its end. */
    @FunctionalInterface
    public interface Content {
        void element(XMLStreamReader r) throws XMLStreamException, SQLException;
    }

    /** The version of the server that answered, from {@code ServerVersionInfo}. */
    public record ServerVersion(int major, int minor, int majorBuild, int minorBuild,
            String version) {
        @Override
        public String toString() {
            return major + "." + minor + "." + majorBuild + "." + minorBuild
                    + (version == null ? "" : " (" + version + ")");
        }
    }

    private SoapReader() {
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    /**
     * Reads an answer.
     *
     * @param operation the operation, for messages
     * @param version   receives the ServerVersionInfo when the answer has one; may be null
     */
    public static <T> T read(SoapResponse response, String operation,
            java.util.function.Consumer<ServerVersion> version, Handler<T> handler)
            throws SQLException {
        int status = response.status();
        if (status != 200 && status != 500) {
            throw httpError(response, operation, status);
        }
        InputStream in = response.body();
        XMLStreamReader r = null;
        try {
            r = INPUT.createXMLStreamReader(in);
            if (!r.hasNext() || r.nextTag() != XMLStreamReader.START_ELEMENT
                    || !"Envelope".equals(r.getLocalName())) {
                throw notSoap(response, operation, status, null);
            }
            while (Xml.nextChild(r)) {
                String name = r.getLocalName();
                if (name.equals("Header")) {
                    while (Xml.nextChild(r)) {
                        if (r.getLocalName().equals("ServerVersionInfo") && version != null) {
                            version.accept(new ServerVersion(number(r, "MajorVersion"),
                                    number(r, "MinorVersion"), number(r, "MajorBuildNumber"),
                                    number(r, "MinorBuildNumber"), Xml.attr(r, "Version")));
                        }
                        Xml.skip(r);
                    }
                } else if (name.equals("Body")) {
                    if (!Xml.nextChild(r)) {
                        throw notSoap(response, operation, status, null);
                    }
                    if (r.getLocalName().equals("Fault")) {
                        throw fault(r, operation);
                    }
                    return handler.read(r);
                } else {
                    Xml.skip(r);
                }
            }
            throw notSoap(response, operation, status, null);
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof IOException io) {
                throw response.readFailure(io);
            }
            throw notSoap(response, operation, status, e);
        } catch (UncheckedIOException e) {
            throw response.readFailure(e.getCause());
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException e) {
                    // the response is closed by the caller
                }
            }
        }
    }

    private static int number(XMLStreamReader r, String attr) {
        String v = Xml.attr(r, attr);
        try {
            return v == null ? 0 : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static SQLException httpError(SoapResponse response, String operation, int status) {
        String text = "";
        try {
            byte[] b = response.body().readNBytes(300);
            text = new String(b, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        } catch (IOException e) {
            // the status says enough
        }
        String state = status == 403 ? "28000" : status == 404 ? "08001" : "08S01";
        return new SQLException("The EWS server answered HTTP " + status + " to " + operation
                + (status == 404 ? ": check that Server is the EWS URL"
                        + " (https://server/EWS/Exchange.asmx)" : "")
                + (text.isEmpty() ? "." : ": " + text), state, status);
    }

    private static SQLException notSoap(SoapResponse response, String operation, int status,
            Exception cause) {
        return new SQLException("The answer of " + response.describe() + " (HTTP " + status
                + ") is not an EWS SOAP envelope" + (cause == null ? "" : ": "
                        + cause.getMessage()) + ". Check that Server is the EWS URL.", "08S01",
                cause);
    }

    /** A SOAP fault: faultstring and, when given, the ResponseCode of its detail. */
    private static EwsException fault(XMLStreamReader r, String operation)
            throws XMLStreamException {
        String faultString = null;
        String code = null;
        String faultCode = null;
        long backOff = 0;
        int depth = 1;
        String valueName = null;
        while (depth > 0 && r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamReader.START_ELEMENT) {
                depth++;
                String n = r.getLocalName();
                if (n.equals("faultstring")) {
                    faultString = r.getElementText();
                    depth--;
                } else if (n.equals("faultcode")) {
                    faultCode = r.getElementText();
                    depth--;
                } else if (n.equals("ResponseCode")) {
                    code = r.getElementText().strip();
                    depth--;
                } else if (n.equals("Value")) {
                    valueName = Xml.attr(r, "Name");
                    String v = r.getElementText();
                    depth--;
                    if ("BackOffMilliseconds".equals(valueName)) {
                        backOff = parseLong(v);
                    }
                }
            } else if (e == XMLStreamReader.END_ELEMENT) {
                depth--;
            }
        }
        return new EwsException(operation, code != null ? code : faultCode,
                faultString, backOff);
    }

    private static long parseLong(String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Reads the response messages inside the operation's response element (the reader on its
     * start): each {@code ...ResponseMessage} of {@code ResponseMessages}; the content elements
     * of successful ones go to {@code content}; the first error is thrown once its message has
     * been read.
     */
    public static void messages(XMLStreamReader r, String operation, Content content)
            throws XMLStreamException, SQLException {
        while (Xml.nextChild(r)) {
            if (r.getLocalName().equals("ResponseMessages")) {
                while (Xml.nextChild(r)) {
                    message(r, operation, content);
                }
            } else {
                Xml.skip(r);
            }
        }
    }

    /**
     * Reads one response message (the reader on its start, which carries
     * {@code ResponseClass}); leaves the reader on its end.
     */
    public static void message(XMLStreamReader r, String operation, Content content)
            throws XMLStreamException, SQLException {
        String responseClass = Xml.attr(r, "ResponseClass");
        boolean error = "Error".equals(responseClass);
        String code = null;
        String text = null;
        long backOff = 0;
        while (Xml.nextChild(r)) {
            switch (r.getLocalName()) {
                case "ResponseCode":
                    code = r.getElementText().strip();
                    break;
                case "MessageText":
                    text = r.getElementText();
                    break;
                case "DescriptiveLinkKey":
                    Xml.skip(r);
                    break;
                case "MessageXml":
                    while (Xml.nextChild(r)) {
                        if (r.getLocalName().equals("Value")
                                && "BackOffMilliseconds".equals(Xml.attr(r, "Name"))) {
                            backOff = parseLong(r.getElementText());
                        } else {
                            Xml.skip(r);
                        }
                    }
                    break;
                default:
                    if (error || content == null) {
                        Xml.skip(r);
                    } else {
                        content.element(r);
                    }
            }
        }
        if (error) {
            throw new EwsException(operation, code, text, backOff);
        }
    }
}
