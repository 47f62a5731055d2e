package io.exchangejdbc.emulator.graph;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.emulator.graph.odata.ValueContext;
import io.exchangejdbc.emulator.http.Request;
import io.exchangejdbc.emulator.http.Response;
import io.exchangejdbc.emulator.identity.AccessToken;
import io.exchangejdbc.emulator.store.Contact;
import io.exchangejdbc.emulator.store.ContactBook;
import io.exchangejdbc.emulator.store.ContactFolder;
import io.exchangejdbc.emulator.store.ItemIds;
import io.exchangejdbc.emulator.store.User;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The contacts of a mailbox on the Graph front: {@code /contacts} (the default folder),
 * {@code /contactFolders} (the top-level folders), and below a folder its {@code contacts} and
 * {@code childFolders}, to any depth.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/user-list-contacts">List contacts</a>
 * @see <a href="https://learn.microsoft.com/graph/api/user-list-contactfolders">List
 *     contactFolders</a>
 * @see <a href="https://learn.microsoft.com/graph/api/contactfolder-list-childfolders">List
 *     childFolders</a>
 */
final class ContactRoutes {

    private static final Set<String> ROLES = Set.of("Contacts.Read", "Contacts.ReadWrite");
    private static final Set<String> SCOPES = Set.of("Contacts.Read", "Contacts.ReadWrite",
            "Contacts.Read.Shared", "Contacts.ReadWrite.Shared");

    private final GraphFront front;

    ContactRoutes(GraphFront front) {
        this.front = requireNonNull(front, "front");
    }

    /** Whether a segment below a user is one of these routes. */
    static boolean serves(String segment) {
        return segment.equalsIgnoreCase("contacts") || segment.equalsIgnoreCase("contactFolders");
    }

    /** Serves {@code rest}, the path below the user, starting with a segment it serves. */
    void handle(Request request, Response response, Caller caller, User user, List<String> rest,
            String userContext) throws IOException {
        authorize(caller, user);
        ContactBook book = caller.tenant().mailbox(user).contacts();
        String seg = rest.get(0);
        if (seg.equalsIgnoreCase("contacts")) {
            contacts(request, response, book, book.defaultFolder(), rest.subList(1, rest.size()),
                    userContext + "/contacts");
            return;
        }
        if (rest.size() == 1) {
            listFolders(request, response, book.topFolders(), userContext + "/contactFolders");
            return;
        }
        ContactFolder folder = folder(book, rest.get(1));
        folderRoute(request, response, book, folder, rest.subList(2, rest.size()),
                userContext + "/contactFolders('" + rest.get(1) + "')",
                userContext + "/contactFolders");
    }

    private void folderRoute(Request request, Response response, ContactBook book,
            ContactFolder folder, List<String> rest, String context, String setContext)
            throws IOException {
        if (rest.isEmpty()) {
            QueryOptions q = QueryOptions.parse(request, ContactModel.CONTACT_FOLDER_TYPE);
            GraphFront.checkExpand(q, ContactModel.CONTACT_FOLDER_TYPE, Set.of());
            front.writeEntity(request, response, null, ContactModel.CONTACT_FOLDER, folder,
                    setContext, q, ValueContext.DEFAULT, null);
            return;
        }
        String seg = rest.get(0);
        if (seg.equalsIgnoreCase("contacts")) {
            contacts(request, response, book, folder, rest.subList(1, rest.size()),
                    context + "/contacts");
        } else if (seg.equalsIgnoreCase("childFolders")) {
            if (rest.size() == 1) {
                listFolders(request, response, folder.children(), context + "/childFolders");
                return;
            }
            ContactFolder child = folder(book, rest.get(1));
            if (!child.parentFolderId().equals(folder.id())) {
                throw GraphError.itemNotFound();
            }
            folderRoute(request, response, book, child, rest.subList(2, rest.size()),
                    context + "/childFolders('" + rest.get(1) + "')",
                    context + "/childFolders");
        } else {
            throw GraphError.segmentNotFound(seg);
        }
    }

    private void contacts(Request request, Response response, ContactBook book,
            ContactFolder folder, List<String> rest, String context) throws IOException {
        if (rest.isEmpty()) {
            QueryOptions q = QueryOptions.parse(request, ContactModel.CONTACT_TYPE);
            GraphFront.checkExpand(q, ContactModel.CONTACT_TYPE, Set.of());
            if (q.search != null) {
                throw new GraphError(400, "ErrorInvalidUrlQuery",
                        "The query parameter '$search' is invalid.");
            }
            List<Object> items = new ArrayList<>(folder.contacts());
            front.writeCollection(request, response, Preferences.of(request),
                    GraphFront.CollectionKind.CONTACTS, ContactModel.CONTACT,
                    GraphFront.shape(items, q), q, context, ValueContext.DEFAULT, null);
            return;
        }
        if (rest.size() > 1) {
            throw GraphError.segmentNotFound(rest.get(1));
        }
        String id = rest.get(0);
        if (!ItemIds.isWellFormed(id)) {
            throw GraphError.malformedId();
        }
        Contact c = book.contact(id).filter(x -> x.parentFolderId().equals(folder.id()))
                .orElseThrow(GraphError::itemNotFound);
        QueryOptions q = QueryOptions.parse(request, ContactModel.CONTACT_TYPE);
        GraphFront.checkExpand(q, ContactModel.CONTACT_TYPE, Set.of());
        front.writeEntity(request, response, null, ContactModel.CONTACT, c, context, q,
                ValueContext.DEFAULT, null);
    }

    private void listFolders(Request request, Response response, List<ContactFolder> folders,
            String context) throws IOException {
        QueryOptions q = QueryOptions.parse(request, ContactModel.CONTACT_FOLDER_TYPE);
        GraphFront.checkExpand(q, ContactModel.CONTACT_FOLDER_TYPE, Set.of());
        front.writeCollection(request, response, Preferences.of(request),
                GraphFront.CollectionKind.CONTACT_FOLDERS, ContactModel.CONTACT_FOLDER,
                GraphFront.shape(new ArrayList<Object>(folders), q), q, context,
                ValueContext.DEFAULT, null);
    }

    private static ContactFolder folder(ContactBook book, String id) {
        if (!id.equalsIgnoreCase("contacts") && !ItemIds.isWellFormed(id)) {
            throw GraphError.malformedId();
        }
        return book.folder(id).orElseThrow(GraphError::itemNotFound);
    }

    private static void authorize(Caller caller, User owner) {
        AccessToken t = caller.token();
        if (!t.allowsAny(ROLES, SCOPES)) {
            throw GraphError.mailAccessDenied();
        }
        if (t.isDelegated() && !caller.user().id().equals(owner.id())) {
            throw GraphError.mailAccessDenied();
        }
    }
}
