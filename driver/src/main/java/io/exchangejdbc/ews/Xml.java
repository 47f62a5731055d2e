package io.exchangejdbc.ews;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Small steps over a StAX reader used by the EWS response readers. */
final class Xml {

    private Xml() {
    }

    /**
     * Moves to the next child element of the element the reader is in (the reader on its start
     * or on a previous child's end); false when the parent's end is reached (the reader is then
     * on that end).
     */
    static boolean nextChild(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (e == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    /** Skips the element the reader is on; leaves the reader on its end. */
    static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The text of a simple element; leaves the reader on its end. */
    static String text(XMLStreamReader r) throws XMLStreamException {
        return r.getElementText();
    }

    /** The local name of the current element. */
    static String name(XMLStreamReader r) {
        return r.getLocalName();
    }

    /** An attribute of the current element by local name, or null. */
    static String attr(XMLStreamReader r, String name) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals(name)) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }
}
