package io.exchangejdbc.emulator.ews;

import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/**
 * Validates EWS response elements against Microsoft's {@code messages.xsd}/{@code types.xsd}
 * (copies in the test resources). The SOAP envelope is not in those schemas, so the elements
 * inside {@code s:Header} and {@code s:Body} are validated each on its own.
 */
final class EwsSchemaValidation {

    private static final Schema SCHEMA = load();

    private EwsSchemaValidation() {
    }

    private static Schema load() {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // The EWS schema breaks Unique Particle Attribution in places Exchange tolerates.
            f.setFeature("http://apache.org/xml/features/validation/schema-full-checking", false);
            URL xml = resource("xml.xsd");
            URL messages = resource("messages.xsd");
            return f.newSchema(new Source[] {new StreamSource(xml.toExternalForm()),
                new StreamSource(messages.toExternalForm())});
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load the EWS schemas", e);
        }
    }

    private static URL resource(String name) {
        URL u = EwsSchemaValidation.class.getResource("/ews-schema/" + name);
        if (u == null) {
            throw new IllegalStateException("missing test resource ews-schema/" + name);
        }
        return u;
    }

    /**
     * Validates one standalone element document.
     *
     * @throws AssertionError naming the schema violation
     */
    static void validate(String elementXml) {
        Validator v = SCHEMA.newValidator();
        try {
            v.validate(new StreamSource(new StringReader(elementXml)));
        } catch (SAXException e) {
            throw new AssertionError("schema violation: " + e.getMessage() + "\nin: "
                    + (elementXml.length() > 3000 ? elementXml.substring(0, 3000) + "..."
                            : elementXml), e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Validates the header and body elements of a SOAP response (not of a fault, whose
     * envelope elements are SOAP's own).
     */
    static void validateEnvelope(String envelope) {
        int h = envelope.indexOf("<s:Header>");
        int hEnd = envelope.indexOf("</s:Header>");
        if (h < 0 || hEnd < 0 || !envelope.substring(h, hEnd).contains("ServerVersionInfo")) {
            throw new AssertionError("no ServerVersionInfo header in: " + envelope);
        }
        validate(envelope.substring(h + "<s:Header>".length(), hEnd));
        int body = envelope.indexOf("<s:Body>");
        int close = envelope.lastIndexOf("</s:Body>");
        if (body < 0 || close < 0) {
            throw new AssertionError("no SOAP body in: " + envelope);
        }
        validate(envelope.substring(body + "<s:Body>".length(), close));
    }
}
