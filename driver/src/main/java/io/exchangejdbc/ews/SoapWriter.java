package io.exchangejdbc.ews;

import static io.exchangejdbc.ews.EwsNames.MESSAGES;
import static io.exchangejdbc.ews.EwsNames.SOAP;
import static io.exchangejdbc.ews.EwsNames.TYPES;

import java.io.ByteArrayOutputStream;
import java.sql.SQLException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes SOAP 1.1 envelopes of EWS requests with StAX: the {@code RequestServerVersion} header
 * of the {@code Platform}, the {@code ExchangeImpersonation} header when impersonating, and the
 * operation's body, written by the caller with the {@code m:} and {@code t:} prefixes bound.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/exchangeimpersonation">
 *     ExchangeImpersonation</a>
 */
public final class SoapWriter {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    /** The body of a request: one {@code m:} operation element. */
    @FunctionalInterface
    public interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private SoapWriter() {
    }

    /**
     * The UTF-8 bytes of an envelope.
     *
     * @throws SQLException 42000 when the impersonation type is not one EWS knows
     */
    public static byte[] envelope(ExchangeVersion version, MailboxScope scope, Body body)
            throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        String sidElement = scope.impersonationUser() == null ? null
                : scope.connectingSidElement();
        if (scope.impersonationUser() != null && sidElement == null) {
            throw new SQLException("ImpersonationType='" + scope.impersonationType() + "' is not"
                    + " one of PrincipalName, SID, PrimarySmtpAddress, SmtpAddress.", "42000");
        }
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setPrefix("soap", SOAP);
            w.setPrefix("m", MESSAGES);
            w.setPrefix("t", TYPES);
            w.writeStartElement("soap", "Envelope", SOAP);
            w.writeNamespace("soap", SOAP);
            w.writeNamespace("m", MESSAGES);
            w.writeNamespace("t", TYPES);
            w.writeStartElement(SOAP, "Header");
            w.writeEmptyElement(TYPES, "RequestServerVersion");
            w.writeAttribute("Version", version.requestVersion());
            if (scope.impersonationUser() != null) {
                w.writeStartElement(TYPES, "ExchangeImpersonation");
                w.writeStartElement(TYPES, "ConnectingSID");
                text(w, TYPES, sidElement, scope.impersonationUser());
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeStartElement(SOAP, "Body");
            body.write(w);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new SQLException("Could not write the EWS request: " + e.getMessage(),
                    "HY000", e);
        }
        return out.toByteArray();
    }

    /** {@code <ns:name>text</ns:name>}. */
    public static void text(XMLStreamWriter w, String ns, String name, String text)
            throws XMLStreamException {
        w.writeStartElement(ns, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    /** {@code <t:FieldURI FieldURI="..."/>} or the indexed form for {@code uri[Index]}. */
    public static void path(XMLStreamWriter w, String fieldUri, String index)
            throws XMLStreamException {
        if (index == null) {
            w.writeEmptyElement(TYPES, "FieldURI");
            w.writeAttribute("FieldURI", fieldUri);
        } else {
            w.writeEmptyElement(TYPES, "IndexedFieldURI");
            w.writeAttribute("FieldURI", fieldUri);
            w.writeAttribute("FieldIndex", index);
        }
    }
}
