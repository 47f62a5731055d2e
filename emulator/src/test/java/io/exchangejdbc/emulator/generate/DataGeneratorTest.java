package io.exchangejdbc.emulator.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.store.FlagStatus;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.Store;
import io.exchangejdbc.emulator.store.Tenant;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated tenant: reproducible from its seed, plausible, and compact at scale. */
class DataGeneratorTest {

    private static Tenant generate(long seed, int users, int messages,
            Map<Integer, Integer> byUser) {
        GeneratorSettings s = new GeneratorSettings(seed, users, messages, byUser,
                GeneratorSettings.DEFAULT_BASE_INSTANT, 180, "contoso.onmicrosoft.com",
                "Contoso");
        return new DataGenerator(s).populate(new Store(Clock.systemUTC()));
    }

    /** Describes every user and message, to compare two generated tenants. */
    private static String fingerprint(Tenant t) {
        StringBuilder sb = new StringBuilder(t.id());
        for (User u : t.users()) {
            sb.append('|').append(u.id()).append(u.userPrincipalName()).append(u.jobTitle());
            for (Message m : t.mailbox(u).messages()) {
                sb.append(m.id()).append(m.subject()).append(m.receivedEpochSecond())
                        .append(m.folder().path()).append(m.from()).append(m.toRecipients())
                        .append(m.isRead()).append(m.categories()).append(m.body().preview());
            }
        }
        return sb.toString();
    }

    @Test
    void sameSeedGivesTheSameData() {
        assertEquals(fingerprint(generate(42, 4, 150, Map.of())),
                fingerprint(generate(42, 4, 150, Map.of())));
    }

    @Test
    void anotherSeedGivesOtherData() {
        assertNotEquals(fingerprint(generate(42, 4, 150, Map.of())),
                fingerprint(generate(43, 4, 150, Map.of())));
    }

    @Test
    void firstUserIsTheDemoUser() {
        Tenant t = generate(1, 30, 1, Map.of());
        User first = t.users().get(0);
        assertEquals("AdeleV@contoso.onmicrosoft.com", first.userPrincipalName());
        assertEquals("Adele Vance", first.displayName());
        Set<String> upns = new HashSet<>();
        for (User u : t.users()) {
            assertTrue(upns.add(u.userPrincipalName().toLowerCase()), u.userPrincipalName());
        }
        assertEquals(30, upns.size());
    }

    @Test
    void mailboxesHoldTheRequestedNumberOfMessages() {
        Tenant t = generate(5, 3, 40, Map.of(1, 500));
        assertEquals(40, t.mailbox(t.users().get(0)).messageCount());
        assertEquals(500, t.mailbox(t.users().get(1)).messageCount());
        assertEquals(40, t.mailbox(t.users().get(2)).messageCount());
    }

    @Test
    void messagesArePlausible() {
        Tenant t = generate(9, 5, 2000, Map.of());
        Mailbox box = t.mailbox(t.users().get(0));
        Instant base = GeneratorSettings.DEFAULT_BASE_INSTANT;
        Set<String> ids = new HashSet<>();
        boolean outside = false;
        boolean quoted = false;
        boolean unread = false;
        boolean flagged = false;
        boolean attached = false;
        boolean categorized = false;
        for (Message m : box.messages()) {
            assertTrue(ids.add(m.id()));
            assertFalse(m.receivedDateTime().isAfter(base));
            assertTrue(m.receivedDateTime().isAfter(base.minus(Duration.ofDays(182))));
            assertFalse(m.sentDateTime().isAfter(m.receivedDateTime()));
            assertFalse(m.lastModifiedDateTime().isBefore(m.createdDateTime()));
            if (m.isDraft()) {
                assertEquals(WellKnownFolder.DRAFTS, m.folder().wellKnown().orElseThrow());
                assertEquals(null, m.from());
            } else {
                outside |= !m.from().domain().equals("contoso.onmicrosoft.com");
                quoted |= m.from().name().contains("'");
            }
            unread |= !m.isRead();
            flagged |= m.flag().status() == FlagStatus.FLAGGED;
            attached |= m.hasAttachments();
            categorized |= !m.categories().isEmpty();
        }
        assertTrue(outside && quoted && unread && flagged && attached && categorized);
        for (WellKnownFolder w : List.of(WellKnownFolder.INBOX, WellKnownFolder.SENTITEMS,
                WellKnownFolder.DRAFTS, WellKnownFolder.DELETEDITEMS, WellKnownFolder.JUNKEMAIL,
                WellKnownFolder.ARCHIVE)) {
            assertFalse(box.messages(box.folder(w)).isEmpty(), w.toString());
        }
        assertFalse(box.messages(box.folderByPath("Inbox/Projects/2026").orElseThrow())
                .isEmpty());
        assertTrue(box.messages(box.folder(WellKnownFolder.OUTBOX)).isEmpty());
    }

    @Test
    void generatesAHundredThousandMessagesInOneMailbox() {
        Tenant t = generate(42, 2, 10, Map.of(0, 100_000));
        Mailbox box = t.mailbox(t.users().get(0));
        assertEquals(100_000, box.messageCount());
        List<Message> all = box.messages();
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).receivedDateTime().isAfter(all.get(i - 1).receivedDateTime()));
        }
    }
}
