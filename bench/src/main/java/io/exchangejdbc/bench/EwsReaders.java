package io.exchangejdbc.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.service.item.EmailMessage;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.core.service.schema.EmailMessageSchema;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.ItemView;

/**
 * The three ways of reading one mailbox's Inbox through EWS FindItem that the EWS read benchmark
 * compares: the driver through SQL, the ews-java-api managed API with an indexed item view, and a
 * raw floor of JDK HttpClient POSTs parsed by StAX with the values discarded. All three ask for
 * the same six properties with the same page size.
 */
final class EwsReaders {

    /** The six columns, as SQL names; FindItem returns every one of them. */
    static final String SQL_COLUMNS =
            "ItemId, Subject, DateTimeReceived, IsRead, From_Name, Importance";
    /** The same properties as the FieldURIs of the floor's AdditionalProperties. */
    static final String[] FIELD_URIS =
            {"item:Subject", "item:DateTimeReceived", "message:IsRead", "message:From",
                "item:Importance"};
    /** Entries per FindItem page, the most EWS gives in one response. */
    static final int PAGE_SIZE = 1000;

    private static final String TYPES =
            "http://schemas.microsoft.com/exchange/services/2006/types";
    private static final String MESSAGES =
            "http://schemas.microsoft.com/exchange/services/2006/messages";
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private EwsReaders() {
    }

    /** The driver's connection string (after {@code jdbc:exchange:}) for a Basic sign-in. */
    static String connectionString(String ewsUrl, String user, String password) {
        return "Schema=EWS;Server=" + ewsUrl + ";AuthScheme=Basic;User=" + user + ";Password="
                + password + ";Pagesize=" + PAGE_SIZE + ";";
    }

    /** Rows read through the driver, every column fetched from the ResultSet. */
    static long driver(Connection c) throws Exception {
        long rows = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + SQL_COLUMNS + " FROM Inbox")) {
            while (rs.next()) {
                rs.getString(1);
                rs.getString(2);
                rs.getTimestamp(3);
                rs.getBoolean(4);
                rs.getString(5);
                rs.getString(6);
                rows++;
            }
        }
        return rows;
    }

    /** An ews-java-api service signed in with the user's password, pointed at the emulator. */
    static ExchangeService service(String ewsUrl, String user, String password) throws Exception {
        ExchangeService service = new ExchangeService(ExchangeVersion.Exchange2010_SP2);
        service.setCredentials(new WebCredentials(user, password));
        service.setUrl(new URI(ewsUrl));
        return service;
    }

    /** Rows read through ews-java-api's FindItems paging, every property read from the item. */
    static long sdk(ExchangeService service) throws Exception {
        PropertySet properties = new PropertySet(BasePropertySet.IdOnly, ItemSchema.Subject,
                ItemSchema.DateTimeReceived, EmailMessageSchema.IsRead, EmailMessageSchema.From,
                ItemSchema.Importance);
        long rows = 0;
        int offset = 0;
        while (true) {
            ItemView view = new ItemView(PAGE_SIZE, offset);
            view.setPropertySet(properties);
            FindItemsResults<Item> page = service.findItems(WellKnownFolderName.Inbox, view);
            for (Item item : page.getItems()) {
                item.getId().getUniqueId();
                item.getSubject();
                item.getDateTimeReceived();
                item.getImportance();
                if (item instanceof EmailMessage m) {
                    m.getIsRead();
                    if (m.getFrom() != null) {
                        m.getFrom().getName();
                    }
                }
                rows++;
            }
            if (!page.isMoreAvailable() || page.getNextPageOffset() == null) {
                return rows;
            }
            offset = page.getNextPageOffset();
        }
    }

    /** The Basic Authorization header value of a user. */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Rows read by plain FindItem POSTs and a StAX parse, the values discarded. */
    static long floor(HttpClient http, String ewsUrl, String authorization) throws Exception {
        long rows = 0;
        int offset = 0;
        URI uri = URI.create(ewsUrl);
        while (true) {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Authorization", authorization)
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(findItem(offset),
                            StandardCharsets.UTF_8)).build();
            HttpResponse<InputStream> response =
                    http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IllegalStateException("floor FindItem answered "
                        + response.statusCode());
            }
            Page page = new Page();
            try (InputStream in = response.body()) {
                XMLStreamReader r = XML.createXMLStreamReader(in);
                try {
                    parse(r, page);
                } finally {
                    r.close();
                }
            }
            if (!page.success) {
                throw new IllegalStateException("floor FindItem did not succeed");
            }
            rows += page.items;
            if (page.includesLast || page.items == 0) {
                return rows;
            }
            offset = page.nextOffset;
        }
    }

    /** What the floor keeps of one response. */
    private static final class Page {
        long items;
        boolean includesLast;
        int nextOffset;
        boolean success;
    }

    private static void parse(XMLStreamReader r, Page page) throws Exception {
        int depthInItems = -1; // depth below t:Items, -1 outside
        int depth = 0;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = r.getLocalName();
                if (depthInItems >= 0 && depth == depthInItems + 1) {
                    page.items++;
                } else if (name.equals("FindItemResponseMessage")) {
                    page.success = "Success".equals(r.getAttributeValue(null, "ResponseClass"));
                } else if (name.equals("RootFolder")) {
                    page.includesLast = "true".equals(
                            r.getAttributeValue(null, "IncludesLastItemInRange"));
                    String next = r.getAttributeValue(null, "IndexedPagingOffset");
                    page.nextOffset = next == null ? 0 : Integer.parseInt(next);
                } else if (name.equals("Items") && TYPES.equals(r.getNamespaceURI())) {
                    depthInItems = depth;
                }
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    r.getAttributeValue(i); // read as a consumer would, then dropped
                }
            } else if (event == XMLStreamConstants.CHARACTERS) {
                r.getText();
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == depthInItems) {
                    depthInItems = -1;
                }
                depth--;
            }
        }
    }

    /** The FindItem request of one page, with the same view and properties as the others. */
    static String findItem(int offset) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
                .append("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"")
                .append(" xmlns:t=\"").append(TYPES).append("\" xmlns:m=\"").append(MESSAGES)
                .append("\"><soap:Header><t:RequestServerVersion Version=\"Exchange2010_SP2\"/>")
                .append("</soap:Header><soap:Body><m:FindItem Traversal=\"Shallow\">")
                .append("<m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>")
                .append("<t:AdditionalProperties>");
        for (String uri : FIELD_URIS) {
            sb.append("<t:FieldURI FieldURI=\"").append(uri).append("\"/>");
        }
        sb.append("</t:AdditionalProperties></m:ItemShape>")
                .append("<m:IndexedPageItemView MaxEntriesReturned=\"").append(PAGE_SIZE)
                .append("\" Offset=\"").append(offset).append("\" BasePoint=\"Beginning\"/>")
                .append("<m:ParentFolderIds><t:DistinguishedFolderId Id=\"inbox\"/>")
                .append("</m:ParentFolderIds></m:FindItem></soap:Body></soap:Envelope>");
        return sb.toString();
    }
}
