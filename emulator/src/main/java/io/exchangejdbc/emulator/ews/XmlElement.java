package io.exchangejdbc.emulator.ews;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One element of a SOAP request, read with StAX into a small immutable tree: its namespace and
 * local name, attributes (by local name), child elements and text. EWS requests are small, so
 * operations read them as trees; responses are streamed.
 */
public final class XmlElement {

    private static final XMLInputFactory INPUT = newInputFactory();

    private final String namespace;
    private final String name;
    private final Map<String, String> attributes;
    private final List<XmlElement> children;
    private final String text;

    private XmlElement(String namespace, String name, Map<String, String> attributes,
            List<XmlElement> children, String text) {
        this.namespace = namespace == null ? "" : namespace;
        this.name = name;
        this.attributes = Collections.unmodifiableMap(attributes);
        this.children = Collections.unmodifiableList(children);
        this.text = text;
    }

    private static XMLInputFactory newInputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        // No DTDs and no external entities: requests come from the network.
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    /**
     * Reads a document and returns its root element.
     *
     * @throws XMLStreamException if the bytes are not well-formed XML
     */
    public static XmlElement parse(byte[] bytes) throws XMLStreamException {
        XMLStreamReader r = INPUT.createXMLStreamReader(new ByteArrayInputStream(bytes));
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT) {
                    return read(r);
                }
            }
            throw new XMLStreamException("The document has no root element.");
        } finally {
            r.close();
        }
    }

    /**
     * The local name of the operation a SOAP request asks for (the first element inside the
     * envelope's {@code Body}, in the EWS messages namespace), read no further than that
     * element; null when the bytes are not such a request.
     */
    static String soapOperation(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            XMLStreamReader r = INPUT.createXMLStreamReader(new ByteArrayInputStream(bytes));
            try {
                int depth = 0;
                boolean inBody = false;
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        if (inBody) {
                            return EwsWriter.MESSAGES.equals(r.getNamespaceURI())
                                    ? r.getLocalName() : null;
                        }
                        inBody = depth == 2 && r.getLocalName().equals("Body")
                                && EwsWriter.SOAP.equals(r.getNamespaceURI());
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        if (inBody) {
                            return null;
                        }
                        depth--;
                    }
                }
                return null;
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            return null;
        }
    }

    private static XmlElement read(XMLStreamReader r) throws XMLStreamException {
        String ns = r.getNamespaceURI();
        String local = r.getLocalName();
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        List<XmlElement> kids = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        while (true) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                kids.add(read(r));
            } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA
                    || e == XMLStreamConstants.SPACE) {
                sb.append(r.getText());
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                return new XmlElement(ns, local, attrs, kids, sb.toString());
            }
        }
    }

    /** Returns the namespace URI, empty for none. */
    public String namespace() {
        return namespace;
    }

    /** Returns the local name. */
    public String name() {
        return name;
    }

    /** Returns an attribute by local name, or null. */
    public String attr(String localName) {
        return attributes.get(localName);
    }

    /** Returns an attribute by local name, or the given default. */
    public String attr(String localName, String orElse) {
        String v = attributes.get(localName);
        return v == null ? orElse : v;
    }

    /** Returns the child elements in document order. */
    public List<XmlElement> children() {
        return children;
    }

    /** Returns the children with a local name. */
    public List<XmlElement> children(String localName) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.name.equals(localName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Returns the first child with a local name. */
    public Optional<XmlElement> child(String localName) {
        for (XmlElement c : children) {
            if (c.name.equals(localName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Returns the first child with a local name, or fails with a schema validation error. */
    public XmlElement required(String localName) {
        return child(localName).orElseThrow(() -> EwsException.schema("The element '" + name
                + "' is missing its required child '" + localName + "'."));
    }

    /** Returns the text of the first child with a local name, or null. */
    public String childText(String localName) {
        return child(localName).map(XmlElement::text).orElse(null);
    }

    /** Returns the text content, trimmed. */
    public String text() {
        return text.strip();
    }

    /** Returns the text content as sent. */
    public String rawText() {
        return text;
    }

    @Override
    public String toString() {
        return "<" + name + ">";
    }
}
