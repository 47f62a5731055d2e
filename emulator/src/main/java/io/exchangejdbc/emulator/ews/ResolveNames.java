package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.store.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ResolveNames over the tenant's directory: an entry matches users whose display name, given
 * name, surname, alias or SMTP address starts with it (ignoring case; {@code SMTP:} prefixes
 * dropped). One match succeeds; several answer with a warning
 * ({@code ErrorNameResolutionMultipleResults}) and the candidates; none is an error.
 * Contacts are not searched, so no {@code Contact} data is returned.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/resolvenames-operation">ResolveNames operation</a>
 */
final class ResolveNames implements EwsOperation {

    private static final int MAX = 100;

    @Override
    public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
        String entry = req.required("UnresolvedEntry").text();
        if (entry.regionMatches(true, 0, "SMTP:", 0, 5)) {
            entry = entry.substring(5);
        }
        String needle = entry.toLowerCase(Locale.ROOT);
        List<User> found = new ArrayList<>();
        for (User u : ctx.tenant().users()) {
            if (matches(u, needle)) {
                found.add(u);
            }
        }
        w.start("m:ResponseMessages");
        String head = "m:ResolveNamesResponseMessage";
        if (found.isEmpty()) {
            ResponseMessages.write(w, head, EwsException.of("ErrorNameResolutionNoResults",
                    "No results were found."));
        } else {
            boolean several = found.size() > 1;
            w.start(head).attr("ResponseClass", several ? "Warning" : "Success");
            if (several) {
                w.leaf("m:MessageText", "Multiple results were found.")
                        .leaf("m:ResponseCode", "ErrorNameResolutionMultipleResults")
                        .leaf("m:DescriptiveLinkKey", 0);
            } else {
                w.leaf("m:ResponseCode", "NoError");
            }
            List<User> shown = found.subList(0, Math.min(MAX, found.size()));
            w.start("m:ResolutionSet").attr("TotalItemsInView", shown.size())
                    .attr("IncludesLastItemInRange", shown.size() == found.size());
            for (User u : shown) {
                w.start("t:Resolution").start("t:Mailbox").leaf("t:Name", u.displayName())
                        .leaf("t:EmailAddress", u.mail()).leaf("t:RoutingType", "SMTP")
                        .leaf("t:MailboxType", "Mailbox").end().end();
            }
            w.end().end();
        }
        w.end();
    }

    private static boolean matches(User u, String needle) {
        for (String s : new String[] {u.displayName(), u.givenName(), u.surname(),
            u.mailNickname(), u.mail(), u.userPrincipalName()}) {
            if (s != null && s.toLowerCase(Locale.ROOT).startsWith(needle)) {
                return true;
            }
        }
        return false;
    }
}
