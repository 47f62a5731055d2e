package io.exchangejdbc.ews;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Validates SOAP requests against Microsoft's EWS schemas (copies of messages.xsd, types.xsd
 * and xml.xsd in the test resources): every element inside {@code soap:Header} and
 * {@code soap:Body} on its own, as the schemas' README says.
 */
final class EwsSchemaValidator {

    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final Schema SCHEMA = load();

    private EwsSchemaValidator() {
    }

    private static Schema load() {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // the EWS schema breaks Unique Particle Attribution in places; Exchange tolerates it
            f.setFeature("http://apache.org/xml/features/validation/schema-full-checking", false);
            URL xml = EwsSchemaValidator.class.getResource("/ews/schema/xml.xsd");
            URL messages = EwsSchemaValidator.class.getResource("/ews/schema/messages.xsd");
            return f.newSchema(new Source[] {new StreamSource(xml.toExternalForm()),
                new StreamSource(messages.toExternalForm())});
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the EWS schemas", e);
        }
    }

    /** Fails the test when an element of the envelope is not valid; returns the count checked. */
    static int validate(String envelope) {
        try {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setNamespaceAware(true);
            Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(
                    envelope.getBytes(StandardCharsets.UTF_8)));
            Element root = doc.getDocumentElement();
            if (!SOAP.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
                fail("not a SOAP 1.1 envelope: " + envelope);
            }
            int checked = 0;
            for (Node part = root.getFirstChild(); part != null; part = part.getNextSibling()) {
                if (!(part instanceof Element p)) {
                    continue;
                }
                for (Node n = p.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e) {
                        Validator v = SCHEMA.newValidator();
                        try {
                            v.validate(new DOMSource(e));
                        } catch (org.xml.sax.SAXException ex) {
                            fail("invalid " + e.getLocalName() + ": " + ex.getMessage() + "\n"
                                    + envelope);
                        }
                        checked++;
                    }
                }
            }
            return checked;
        } catch (Exception e) {
            fail("cannot validate: " + e + "\n" + envelope);
            return 0;
        }
    }
}
