package io.exchangejdbc.emulator.ews;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an EWS SOAP response with StAX. Names are given as {@code prefix:local} with the
 * prefixes {@code s} (SOAP envelope), {@code m} (messages) and {@code t} (types); the
 * response element declares {@code m} and {@code t} itself, as Exchange does, so the body element
 * stands on its own.
 */
public final class EwsWriter {

    /** The SOAP 1.1 envelope namespace. */
    public static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    /** The EWS messages namespace. */
    public static final String MESSAGES = "http://schemas.microsoft.com/exchange/services/2006/messages";
    /** The EWS types namespace. */
    public static final String TYPES = "http://schemas.microsoft.com/exchange/services/2006/types";
    /** The EWS errors namespace of SOAP fault details. */
    public static final String ERRORS = "http://schemas.microsoft.com/exchange/services/2006/errors";

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    private final XMLStreamWriter w;

    /** Starts a UTF-8 document. */
    public EwsWriter() {
        try {
            w = OUTPUT.createXMLStreamWriter(bytes, "UTF-8");
            w.writeStartDocument("utf-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ns(String prefix) {
        switch (prefix) {
            case "s":
                return SOAP;
            case "m":
                return MESSAGES;
            case "t":
            case "h":
            case "a":
                return TYPES;
            case "e":
                return ERRORS;
            default:
                throw new IllegalArgumentException("prefix " + prefix);
        }
    }

    /** Starts an element named {@code prefix:local}. */
    public EwsWriter start(String qname) {
        int colon = qname.indexOf(':');
        try {
            if (colon < 0) {
                w.writeStartElement(qname);
            } else {
                String p = qname.substring(0, colon);
                w.writeStartElement(p, qname.substring(colon + 1), ns(p));
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Declares a namespace prefix on the element just started. */
    public EwsWriter declare(String prefix) {
        try {
            w.writeNamespace(prefix, ns(prefix));
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Writes an attribute of the element just started, unless the value is null. */
    public EwsWriter attr(String name, Object value) {
        if (value == null) {
            return this;
        }
        try {
            w.writeAttribute(name, String.valueOf(value));
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Writes text. */
    public EwsWriter text(String value) {
        try {
            w.writeCharacters(value == null ? "" : value);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Ends the innermost open element. */
    public EwsWriter end() {
        try {
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Writes an element holding a text, unless the value is null. */
    public EwsWriter leaf(String qname, Object value) {
        if (value == null) {
            return this;
        }
        return start(qname).text(value instanceof Instant i ? dateTime(i) : String.valueOf(value))
                .end();
    }

    /** Writes an element without content. */
    public EwsWriter empty(String qname) {
        return start(qname).end();
    }

    /** Formats an instant as EWS does, in UTC to the second: {@code 2026-12-01T09:00:00Z}. */
    public static String dateTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Ends the document and returns its bytes. */
    public byte[] finish() {
        try {
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
