package io.exchangejdbc.emulator.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.testing.TestHttp;
import io.exchangejdbc.emulator.testing.TestJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The JSON the emulator serves has Graph's shape: every property it writes exists in the v1.0
 * CSDL with a compatible JSON type, and the responses carry the same property names and value
 * types as Microsoft's documented examples (src/test/resources/reference, see its README).
 */
class GraphShapeTest {

    /** A property of the CSDL: its type name, whether it may be null, whether it is a relation. */
    private record CsdlProperty(String type, boolean nullable, boolean navigation) {
    }

    private static final Map<String, Map<String, CsdlProperty>> TYPES = new HashMap<>();
    private static final Map<String, Set<String>> ENUMS = new HashMap<>();

    private static Emulator emu;
    private static final TestHttp HTTP = new TestHttp();
    private static String token;
    private static String user;
    private static Message rich;

    @BeforeAll
    static void start() throws Exception {
        loadCsdl();
        emu = Emulator.builder().seed(5).users(3).messagesPerUser(400).build().start();
        token = emu.issueAppToken(emu.defaultClientId());
        user = emu.graphUrl() + "/v1.0/users/" + emu.demoUser().id();
        Mailbox box = emu.store().mailbox(emu.demoUser().id());
        rich = box.messages().stream().filter(m -> m.hasAttachments() && !m.isDraft()
                && !m.ccRecipients().isEmpty() && m.flag().start() != null).findFirst()
                .orElseThrow();
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    // ---- the CSDL

    private static void loadCsdl() throws Exception {
        Document doc;
        try (InputStream in = resource("graph-v1.0-mail-and-users.csdl.xml")) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            doc = f.newDocumentBuilder().parse(in);
        }
        Map<String, String> baseTypes = new HashMap<>();
        for (String kind : List.of("EntityType", "ComplexType")) {
            NodeList nodes = doc.getElementsByTagNameNS("*", kind);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                Map<String, CsdlProperty> props = new LinkedHashMap<>();
                for (String child : List.of("Property", "NavigationProperty")) {
                    NodeList ps = e.getElementsByTagNameNS("*", child);
                    for (int j = 0; j < ps.getLength(); j++) {
                        Element p = (Element) ps.item(j);
                        props.put(p.getAttribute("Name"), new CsdlProperty(p.getAttribute("Type"),
                                !"false".equals(p.getAttribute("Nullable")),
                                child.equals("NavigationProperty")));
                    }
                }
                TYPES.put(e.getAttribute("Name"), props);
                if (e.hasAttribute("BaseType")) {
                    baseTypes.put(e.getAttribute("Name"), local(e.getAttribute("BaseType")));
                }
            }
        }
        for (Map.Entry<String, String> e : baseTypes.entrySet()) {
            for (String base = e.getValue(); base != null; base = baseTypes.get(base)) {
                TYPES.get(e.getKey()).putAll(TYPES.get(base));
            }
        }
        NodeList enums = doc.getElementsByTagNameNS("*", "EnumType");
        for (int i = 0; i < enums.getLength(); i++) {
            Element e = (Element) enums.item(i);
            Set<String> members = new HashSet<>();
            NodeList ms = e.getElementsByTagNameNS("*", "Member");
            for (int j = 0; j < ms.getLength(); j++) {
                members.add(((Element) ms.item(j)).getAttribute("Name"));
            }
            ENUMS.put(e.getAttribute("Name"), members);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = GraphShapeTest.class.getResourceAsStream("/reference/" + name);
        assertNotNull(in, name);
        return in;
    }

    private static Map<String, Object> example(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return TestJson.object(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String local(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    // ---- checking emulator JSON against the CSDL

    @SuppressWarnings("unchecked")
    private static void checkObject(String type, Map<String, Object> json, String where) {
        String actual = type;
        Object odataType = json.get("@odata.type");
        if (odataType != null) {
            actual = local((String) odataType);
        }
        Map<String, CsdlProperty> props = TYPES.get(actual);
        assertNotNull(props, "type " + actual + " at " + where);
        for (Map.Entry<String, Object> e : json.entrySet()) {
            String name = e.getKey();
            if (name.startsWith("@odata.")) {
                continue;
            }
            CsdlProperty p = props.get(name);
            if (p == null) {
                fail("property '" + name + "' at " + where + " is not in the CSDL type " + actual);
            }
            checkValue(p.type(), p.nullable(), e.getValue(), where + "/" + name);
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkValue(String type, boolean nullable, Object v, String where) {
        if (v == null) {
            assertTrue(nullable, "null at " + where + " of non-nullable " + type);
            return;
        }
        if (type.startsWith("Collection(")) {
            assertTrue(v instanceof List, "array expected at " + where);
            String element = type.substring(11, type.length() - 1);
            for (Object e : (List<Object>) v) {
                checkValue(element, false, e, where + "[]");
            }
            return;
        }
        switch (type) {
            case "Edm.String":
                assertTrue(v instanceof String, "string expected at " + where);
                return;
            case "Edm.Boolean":
                assertTrue(v instanceof Boolean, "boolean expected at " + where);
                return;
            case "Edm.Int32":
            case "Edm.Int64":
                assertTrue(v instanceof Long, "integer expected at " + where);
                return;
            case "Edm.Double":
                assertTrue(v instanceof Number, "number expected at " + where);
                return;
            case "Edm.DateTimeOffset":
                assertTrue(v instanceof String && ((String) v).matches(
                        "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z"),
                        "DateTimeOffset expected at " + where + ": " + v);
                return;
            case "Edm.Binary":
                assertTrue(v instanceof String, "base64 expected at " + where);
                Base64.getDecoder().decode((String) v);
                return;
            case "Edm.Guid":
                UUID.fromString((String) v);
                return;
            default:
                break;
        }
        String local = local(type);
        if (ENUMS.containsKey(local)) {
            assertTrue(ENUMS.get(local).contains(v), "member of " + local + " expected at "
                    + where + ": " + v);
        } else if (TYPES.containsKey(local)) {
            assertTrue(v instanceof Map, "object expected at " + where);
            checkObject(local, (Map<String, Object>) v, where);
        } else {
            // A type outside the copied part of the CSDL: only its JSON kind can be checked.
            assertTrue(v instanceof Map, "object expected at " + where);
        }
    }

    private static Map<String, Object> get(String url, String... headers) {
        TestHttp.Reply r = HTTP.get(url, token, headers);
        assertEquals(200, r.status(), url + " -> " + r.body());
        return r.json();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> values(Map<String, Object> collection) {
        return (List<Map<String, Object>>) collection.get("value");
    }

    @Test
    void messagePropertiesAreInTheCsdlWithCompatibleTypes() {
        String url = user + "/messages/" + rich.id();
        checkObject("message", get(url), "message");
        checkObject("message", get(url + "?$select=*"), "message($select=*)");
        checkObject("message", get(url + "?$expand=attachments"), "message($expand)");
        checkObject("message", get(url + "?$select=body,uniqueBody", "Prefer",
                "outlook.body-content-type=\"text\""), "message(text)");
        for (Map<String, Object> m : values(get(user + "/messages?$top=200"))) {
            checkObject("message", m, "messages[" + m.get("id") + "]");
        }
    }

    @Test
    void mailFolderPropertiesAreInTheCsdlWithCompatibleTypes() {
        for (Map<String, Object> f : values(get(user + "/mailFolders"))) {
            checkObject("mailFolder", f, "mailFolders[" + f.get("displayName") + "]");
        }
        checkObject("mailFolder", get(user + "/mailFolders/inbox?$select=*"), "inbox");
    }

    @Test
    void userPropertiesAreInTheCsdlWithCompatibleTypes() {
        checkObject("user", get(user), "user");
        checkObject("user", get(user + "?$select=*"), "user($select=*)");
        for (Map<String, Object> u : values(get(emu.graphUrl() + "/v1.0/users"))) {
            checkObject("user", u, "users[" + u.get("id") + "]");
        }
    }

    @Test
    void selectingEverythingGivesEveryStructuralPropertyOfTheCsdl() {
        Map<String, String> urls = Map.of("user", user + "?$select=*",
                "message", user + "/messages/" + rich.id() + "?$select=*",
                "mailFolder", user + "/mailFolders/inbox?$select=*");
        for (Map.Entry<String, String> e : urls.entrySet()) {
            Map<String, Object> all = get(e.getValue());
            for (Map.Entry<String, CsdlProperty> p : TYPES.get(e.getKey()).entrySet()) {
                if (!p.getValue().navigation()) {
                    assertTrue(all.containsKey(p.getKey()), e.getKey() + "." + p.getKey());
                }
            }
        }
    }

    // ---- comparing with Microsoft's examples

    /** Asserts the emulator's value has every property of the example, with the same JSON kind. */
    @SuppressWarnings("unchecked")
    private static void assertSameShape(Object example, Object actual, String where) {
        if (example == null) {
            return;
        }
        assertNotNull(actual, "null at " + where + " where the example has a value");
        assertEquals(kind(example), kind(actual), "JSON kind at " + where);
        if (example instanceof Map) {
            Map<String, Object> a = (Map<String, Object>) actual;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) example).entrySet()) {
                if (e.getKey().equals("@odata.context") || e.getKey().equals("@odata.nextLink")) {
                    continue;
                }
                assertTrue(a.containsKey(e.getKey()), "missing '" + e.getKey() + "' at " + where);
                assertSameShape(e.getValue(), a.get(e.getKey()), where + "/" + e.getKey());
            }
        } else if (example instanceof List && !((List<?>) example).isEmpty()
                && !((List<?>) actual).isEmpty()) {
            assertSameShape(((List<?>) example).get(0), ((List<?>) actual).get(0), where + "[0]");
        }
    }

    private static String kind(Object v) {
        if (v instanceof Map) {
            return "object";
        }
        if (v instanceof List) {
            return "array";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        return v instanceof Number ? "number" : "null";
    }

    /** Returns the part of a context URL after {@code #}, with keys in quotes blanked. */
    private static String contextShape(Map<String, Object> json) {
        String c = (String) json.get("@odata.context");
        return c.substring(c.indexOf('#') + 1).replaceAll("'[^']*'", "'*'");
    }

    /** Returns the keys in the order written, leaving out the context. */
    private static List<String> keys(Map<String, Object> json) {
        List<String> k = new ArrayList<>(json.keySet());
        k.remove("@odata.context");
        return k;
    }

    /** Asserts the example's keys appear in the emulator's object in the same order. */
    private static void assertSameOrder(Map<String, Object> example, Map<String, Object> actual) {
        List<String> want = keys(example);
        List<String> got = new ArrayList<>(keys(actual));
        got.retainAll(want);
        assertEquals(want, got);
    }

    @Test
    void listOfMessagesWithSelectMatchesTheExample() throws IOException {
        Map<String, Object> example = example("user-list-messages.example-1.json");
        Map<String, Object> actual = get(user + "/messages?$select=sender,subject&$filter="
                + TestHttp.enc("isDraft eq false"));
        assertEquals(contextShape(example), contextShape(actual));
        Map<String, Object> first = values(example).get(0);
        assertEquals(keys(first), keys(values(actual).get(0)));
        for (Map<String, Object> m : values(actual)) {
            assertSameShape(first, m, "messages");
        }
    }

    @Test
    void messageMatchesTheExampleInNamesTypesAndOrder() throws IOException {
        Map<String, Object> example = example("message-get.example-1.json");
        Map<String, Object> actual = get(user + "/messages/" + rich.id());
        assertEquals(contextShape(example), contextShape(actual));
        assertSameShape(example, actual, "message");
        assertSameOrder(example, actual);
        assertTrue(((String) actual.get("@odata.etag")).matches("W/\"[A-Za-z0-9+/=]+\""));
    }

    @Test
    void messageHeadersMatchTheExample() throws IOException {
        Map<String, Object> example = example("message-get.example-2-headers.json");
        Map<String, Object> actual = get(user + "/messages/" + rich.id()
                + "?$select=internetMessageHeaders");
        assertEquals(contextShape(example), contextShape(actual));
        assertEquals(keys(example), keys(actual));
        assertSameShape(example, actual, "message");
    }

    @Test
    @SuppressWarnings("unchecked")
    void textBodyMatchesTheExample() throws IOException {
        Map<String, Object> example = example("message-get.example-3-text-body.json");
        TestHttp.Reply r = HTTP.get(user + "/messages/" + rich.id()
                + "?$select=subject,body,bodyPreview,uniqueBody", token, "Prefer",
                "outlook.body-content-type=\"text\"");
        Map<String, Object> actual = r.json();
        assertEquals("outlook.body-content-type=\"text\"", r.header("Preference-Applied"));
        assertEquals(contextShape(example), contextShape(actual));
        assertSameShape(example, actual, "message");
        assertEquals("text", ((Map<String, Object>) actual.get("body")).get("contentType"));
        assertEquals("text", ((Map<String, Object>) actual.get("uniqueBody")).get("contentType"));
    }

    @Test
    void mailFoldersMatchTheExample() throws IOException {
        Map<String, Object> example = example("user-list-mailfolders.example-1.json");
        Map<String, Object> actual = get(user + "/mailFolders");
        assertEquals(contextShape(example), contextShape(actual));
        int compared = 0;
        for (Map<String, Object> folder : values(example)) {
            if (folder.containsKey("@odata.type")) {
                continue; // a mail search folder, which the emulator does not have
            }
            for (Map<String, Object> f : values(actual)) {
                assertSameShape(folder, f, "mailFolders");
                assertEquals(keys(folder), keys(f));
            }
            compared++;
        }
        assertEquals(8, compared);
    }

    @Test
    void usersMatchTheExamples() throws IOException {
        Map<String, Object> example1 = example("user-list.example-1.json");
        Map<String, Object> first = values(example1).get(0);
        Map<String, Object> actual1 = get(emu.graphUrl() + "/v1.0/users?$select="
                + String.join(",", keys(first)));
        for (Map<String, Object> u : values(actual1)) {
            assertEquals(keys(first), keys(u));
            assertSameShape(first, u, "users");
        }
        Map<String, Object> example5 = example("user-list.example-5.json");
        Map<String, Object> user5 = values(example5).get(0);
        Map<String, Object> actual5 = get(emu.graphUrl() + "/v1.0/users?$count=true&$select="
                + String.join(",", keys(user5)));
        assertEquals(contextShape(example5) + "(" + String.join(",", keys(user5)) + ")",
                contextShape(actual5));
        assertSameShape(example5, actual5, "users");
    }

    @Test
    void userMatchesTheExampleExactly() throws IOException {
        Map<String, Object> example = example("user-get.example-1.json");
        Map<String, Object> actual = get(user);
        assertEquals(keys(example), keys(actual));
        assertSameShape(example, actual, "user");
        assertEquals("users/$entity", contextShape(actual));
        Map<String, Object> selected = example("user-get.example-3-select.json");
        Map<String, Object> actualSelected = get(user
                + "?$select=displayName,givenName,postalCode");
        assertEquals(keys(selected), keys(actualSelected));
        assertSameShape(selected, actualSelected, "user");
    }
}
