package io.exchangejdbc.schema;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The Graph CSDL subset of the test resources ({@code reference/graph-csdl-subset.xml}) read into
 * a small model: entity, complex and enum types by name, with their structural properties in
 * document order.
 */
final class CsdlModel {

    static final String RESOURCE = "/reference/graph-csdl-subset.xml";
    private static final String GRAPH_PREFIX = "graph.";

    /** A structural property: its name and its CSDL type ({@code Collection(graph.recipient)}). */
    record Property(String name, String type) {

        boolean isCollection() {
            return type.startsWith("Collection(");
        }

        /** The element type of a collection, or the type itself. */
        String elementType() {
            return isCollection() ? type.substring("Collection(".length(), type.length() - 1)
                    : type;
        }
    }

    /** An entity or complex type. */
    record StructuredType(String name, String kind, String baseType, boolean open,
            List<Property> ownProperties) {
    }

    private final Map<String, StructuredType> structured = new HashMap<>();
    private final Map<String, List<String>> enums = new HashMap<>();

    private CsdlModel() {
    }

    static CsdlModel load() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc;
        try (InputStream in = CsdlModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test classpath");
            }
            doc = factory.newDocumentBuilder().parse(in);
        }
        CsdlModel model = new CsdlModel();
        for (Element e : children(doc.getDocumentElement())) {
            String kind = e.getLocalName();
            String name = e.getAttribute("Name");
            if (kind.equals("EnumType")) {
                List<String> members = new ArrayList<>();
                for (Element m : children(e)) {
                    if (m.getLocalName().equals("Member")) {
                        members.add(m.getAttribute("Name"));
                    }
                }
                model.enums.put(name, members);
            } else if (kind.equals("EntityType") || kind.equals("ComplexType")) {
                List<Property> props = new ArrayList<>();
                for (Element p : children(e)) {
                    if (p.getLocalName().equals("Property")) {
                        props.add(new Property(p.getAttribute("Name"), p.getAttribute("Type")));
                    }
                }
                String base = e.getAttribute("BaseType");
                model.structured.put(name, new StructuredType(name, kind,
                        base.isEmpty() ? null : unqualify(base),
                        "true".equals(e.getAttribute("OpenType")), List.copyOf(props)));
            }
        }
        return model;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }

    /** {@code graph.recipient} to {@code recipient}; Edm types are returned unchanged. */
    static String unqualify(String type) {
        return type.startsWith(GRAPH_PREFIX) ? type.substring(GRAPH_PREFIX.length()) : type;
    }

    /** The entity or complex type of that (unqualified) name, or null. */
    StructuredType structured(String name) {
        return structured.get(name);
    }

    boolean isEnum(String type) {
        return enums.containsKey(unqualify(type));
    }

    /** The complex type a property type names (element type for collections), or null. */
    StructuredType complexOf(Property p) {
        StructuredType t = structured.get(unqualify(p.elementType()));
        return t != null && t.kind().equals("ComplexType") ? t : null;
    }

    /** Structural properties of a type with those of its base types first, in CSDL order. */
    List<Property> allProperties(String typeName) {
        StructuredType t = structured.get(typeName);
        if (t == null) {
            throw new IllegalArgumentException("type " + typeName + " is not in " + RESOURCE);
        }
        List<Property> out = new ArrayList<>();
        if (t.baseType() != null) {
            out.addAll(allProperties(t.baseType()));
        }
        out.addAll(t.ownProperties());
        return out;
    }

    /** The property of that name on the type or its base types, or null. */
    Property property(String typeName, String propertyName) {
        for (Property p : allProperties(typeName)) {
            if (p.name().equals(propertyName)) {
                return p;
            }
        }
        return null;
    }
}
