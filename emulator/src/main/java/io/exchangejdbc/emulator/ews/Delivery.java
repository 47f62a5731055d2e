package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.Tenant;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Sending a message: a copy, unread and no draft, lands in the Inbox of every recipient (To, Cc,
 * Bcc) who has a mailbox in the tenant; recipients outside the tenant are accepted and dropped,
 * as the emulator has no internet to send to.
 */
final class Delivery {

    private Delivery() {
    }

    /**
     * Delivers a message as its author sent it at {@code now}.
     *
     * @return the number of mailboxes it reached
     */
    static int deliver(Tenant tenant, Message message, Instant now) {
        Set<String> seen = new LinkedHashSet<>();
        int delivered = 0;
        for (List<EmailAddress> list : List.of(message.toRecipients(), message.ccRecipients(),
                message.bccRecipients())) {
            for (EmailAddress a : list) {
                User u = userByMail(tenant, a.address());
                if (u == null || !seen.add(u.id())) {
                    continue;
                }
                Mailbox box = tenant.mailbox(u);
                Message.Builder b = message.copyBuilder().receivedDateTime(now).sentDateTime(now)
                        .createdDateTime(now).lastModifiedDateTime(now).read(false).draft(false)
                        .bcc();
                box.addMessage(box.folder(WellKnownFolder.INBOX), b);
                delivered++;
            }
        }
        return delivered;
    }

    /** Tells whether a message has at least one recipient. */
    static boolean hasRecipients(Message m) {
        return !m.toRecipients().isEmpty() || !m.ccRecipients().isEmpty()
                || !m.bccRecipients().isEmpty();
    }

    private static User userByMail(Tenant tenant, String address) {
        for (User u : tenant.users()) {
            if ((u.mail() != null && u.mail().equalsIgnoreCase(address))
                    || u.userPrincipalName().equalsIgnoreCase(address)) {
                return u;
            }
        }
        return null;
    }
}
