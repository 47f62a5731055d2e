package io.exchangejdbc.emulator.generate;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.emulator.store.Attachment;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.FlagStatus;
import io.exchangejdbc.emulator.store.FollowupFlag;
import io.exchangejdbc.emulator.store.Importance;
import io.exchangejdbc.emulator.store.InferenceClassification;
import io.exchangejdbc.emulator.store.ItemBody;
import io.exchangejdbc.emulator.store.MailFolder;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.RoomList;
import io.exchangejdbc.emulator.store.Store;
import io.exchangejdbc.emulator.store.Tenant;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Deterministic generator of a demo tenant: users with directory data and mailboxes full of
 * plausible mail (colleagues and outside senders, threads, newsletters, junk, drafts, sent items,
 * flags, categories, attachments), dated in the months before a fixed base instant.
 *
 * <p>Each mailbox draws from its own random stream derived from the seed and the user's index,
 * so the same settings give the same data, and a mailbox's size does not change the others.
 * Messages share their subject strings, bodies and recipient lists through pools, which keeps a
 * million-message mailbox small.
 */
public final class DataGenerator {

    private static final long DAY = 86_400;
    private static final int RECIPIENT_POOL = 64;

    private final GeneratorSettings settings;
    private final List<String> topics = new ArrayList<>();
    private final List<String> subjects = new ArrayList<>();
    private final List<ItemBody> bodies = new ArrayList<>();
    private final List<String[]> categorySets = new ArrayList<>();
    private final List<Attachment[]> attachmentSets = new ArrayList<>();
    private final int bodyVariants = 4;
    private final int projectBase;
    private final int newsletterBase;
    private final int junkBase;

    /** Creates a generator for the given settings. */
    public DataGenerator(GeneratorSettings settings) {
        this.settings = requireNonNull(settings, "settings");
        topics.addAll(Vocabulary.WORK_TOPICS);
        projectBase = topics.size();
        topics.addAll(Vocabulary.PROJECT_TOPICS);
        newsletterBase = topics.size();
        topics.addAll(Vocabulary.NEWSLETTER_TOPICS);
        junkBase = topics.size();
        topics.addAll(Vocabulary.JUNK_TOPICS);
        SplittableRandom rnd = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
        for (String topic : topics) {
            subjects.add(topic);
            subjects.add("RE: " + topic);
            subjects.add("FW: " + topic);
            for (int v = 0; v < bodyVariants; v++) {
                bodies.add(ItemBody.html(bodyHtml(topic, rnd)));
            }
        }
        buildCategorySets();
        buildAttachmentSets(rnd);
    }

    /** Creates the tenant, its users and their mail in the store, and returns the tenant. */
    public Tenant populate(Store store) {
        SplittableRandom rnd = new SplittableRandom(settings.seed());
        Tenant tenant = store.addTenant(guid(rnd), settings.tenantDomain(),
                settings.tenantName());
        List<User> users = createUsers(tenant, rnd);
        for (int i = 0; i < users.size(); i++) {
            fillMailbox(tenant.mailbox(users.get(i)), users, i);
            new CalendarGenerator(settings).fill(tenant.mailbox(users.get(i)), users, i);
        }
        addRooms(tenant);
        new DirectorySeeder(settings).seed(tenant, users);
        return tenant;
    }

    /** Seeds two room lists (buildings) with their meeting rooms; no mail or users change. */
    private void addRooms(Tenant tenant) {
        String d = settings.tenantDomain();
        tenant.addRoomList(new RoomList(new EmailAddress("Building 40 Rooms",
                "building40rooms@" + d), List.of(
                        new EmailAddress("Conf Room Adams", "confroomadams@" + d),
                        new EmailAddress("Conf Room Baker", "confroombaker@" + d),
                        new EmailAddress("Conf Room Crystal", "confroomcrystal@" + d))));
        tenant.addRoomList(new RoomList(new EmailAddress("Building 41 Rooms",
                "building41rooms@" + d), List.of(
                        new EmailAddress("Conf Room Hood", "confroomhood@" + d),
                        new EmailAddress("Conf Room Rainier", "confroomrainier@" + d))));
    }

    private List<User> createUsers(Tenant tenant, SplittableRandom rnd) {
        Set<String> taken = new HashSet<>();
        List<User> users = new ArrayList<>();
        for (int i = 0; i < settings.users(); i++) {
            String given;
            String surname;
            String job;
            String department;
            String office;
            if (i < Vocabulary.STAFF.size()) {
                Vocabulary.Person p = Vocabulary.STAFF.get(i);
                given = p.givenName();
                surname = p.surname();
                job = p.jobTitle();
                department = p.department();
                office = p.office();
            } else {
                given = pick(rnd, Vocabulary.GIVEN_NAMES);
                surname = pick(rnd, Vocabulary.SURNAMES);
                job = pick(rnd, Vocabulary.JOB_TITLES);
                department = pick(rnd, Vocabulary.DEPARTMENTS);
                office = (10 + rnd.nextInt(120)) + "/" + (1100 + rnd.nextInt(1200));
            }
            String alias = given + surname.replace("'", "").charAt(0);
            String unique = alias;
            for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
                unique = alias + n;
            }
            String phone = String.format(Locale.ROOT, "+1 425 555 %04d", 100 + i);
            User u = User.builder(unique + "@" + settings.tenantDomain())
                    .id(guid(rnd))
                    .displayName(given + " " + surname)
                    .givenName(given)
                    .surname(surname)
                    .jobTitle(job)
                    .department(department)
                    .companyName(settings.tenantName())
                    .officeLocation(office)
                    .mobilePhone(i % 3 == 2 ? null : phone)
                    .businessPhones(i % 4 == 3 ? List.of() : List.of(phone))
                    .preferredLanguage(i % 7 == 6 ? "de-DE" : "en-US")
                    .usageLocation("US")
                    .address("4567 Main St", "Redmond", "WA", "98052", "United States")
                    .employeeId(String.valueOf(100_000 + i * 17))
                    .createdDateTime(settings.baseInstant()
                            .minus(400 + rnd.nextInt(1000), ChronoUnit.DAYS)
                            .truncatedTo(ChronoUnit.SECONDS))
                    .password("Passw0rd!" + (i + 1))
                    .build();
            users.add(tenant.addUser(u));
        }
        return users;
    }

    private void fillMailbox(Mailbox mailbox, List<User> users, int index) {
        SplittableRandom rnd = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L
                + index * 0xBF58476D1CE4E5B9L + 1);
        User owner = users.get(index);
        EmailAddress me = owner.emailAddress();
        List<EmailAddress> colleagues = new ArrayList<>();
        for (User u : users) {
            if (u != owner) {
                colleagues.add(u.emailAddress());
            }
        }
        List<EmailAddress> external = new ArrayList<>();
        for (Vocabulary.Contact c : Vocabulary.EXTERNAL) {
            external.add(new EmailAddress(c.name(), c.address()));
        }
        List<EmailAddress> everyone = new ArrayList<>(colleagues);
        everyone.addAll(external);

        MailFolder inbox = mailbox.folder(WellKnownFolder.INBOX);
        MailFolder projects = mailbox.createFolder(inbox, "Projects");
        MailFolder projects2026 = mailbox.createFolder(projects, "2026");
        MailFolder newsletters = mailbox.createFolder(inbox, "Newsletters");
        MailFolder sent = mailbox.folder(WellKnownFolder.SENTITEMS);
        MailFolder drafts = mailbox.folder(WellKnownFolder.DRAFTS);
        MailFolder deleted = mailbox.folder(WellKnownFolder.DELETEDITEMS);
        MailFolder junk = mailbox.folder(WellKnownFolder.JUNKEMAIL);
        MailFolder archive = mailbox.folder(WellKnownFolder.ARCHIVE);

        EmailAddress[][] toMe = new EmailAddress[RECIPIENT_POOL][];
        EmailAddress[][] toOthers = new EmailAddress[RECIPIENT_POOL][];
        EmailAddress[][] ccOthers = new EmailAddress[RECIPIENT_POOL][];
        for (int i = 0; i < RECIPIENT_POOL; i++) {
            toMe[i] = withFirst(me, pickSome(rnd, everyone, rnd.nextInt(3)));
            toOthers[i] = pickSome(rnd, everyone, 1 + rnd.nextInt(3));
            ccOthers[i] = pickSome(rnd, everyone, 1 + rnd.nextInt(2));
        }
        EmailAddress[] meOnly = {me};
        EmailAddress[][] newsletterFrom = new EmailAddress[Vocabulary.NEWSLETTER_SENDERS.size()][];
        for (int i = 0; i < newsletterFrom.length; i++) {
            Vocabulary.Contact c = Vocabulary.NEWSLETTER_SENDERS.get(i);
            newsletterFrom[i] = new EmailAddress[] {new EmailAddress(c.name(), c.address())};
        }

        int count = settings.messagesOf(index);
        long base = settings.baseInstant().getEpochSecond();
        long baseDay = Math.floorDiv(base, DAY) * DAY;
        long span = settings.historyDays();
        int threadsPerTopic = Math.max(1, Math.min(64, count / (topics.size() * 3) + 1));
        BitSet started = new BitSet();
        Message.Builder b = Message.builder();
        for (int k = 0; k < count; k++) {
            int roll = rnd.nextInt(1000);
            MailFolder folder;
            int topic;
            Kind kind;
            if (roll < 520) {
                folder = inbox;
                kind = Kind.RECEIVED;
            } else if (roll < 570) {
                folder = projects;
                kind = Kind.PROJECT;
            } else if (roll < 610) {
                folder = projects2026;
                kind = Kind.PROJECT;
            } else if (roll < 670) {
                folder = newsletters;
                kind = Kind.NEWSLETTER;
            } else if (roll < 820) {
                folder = sent;
                kind = Kind.SENT;
            } else if (roll < 880) {
                folder = archive;
                kind = Kind.RECEIVED;
            } else if (roll < 940) {
                folder = deleted;
                kind = rnd.nextInt(3) == 0 ? Kind.NEWSLETTER : Kind.RECEIVED;
            } else if (roll < 975) {
                folder = junk;
                kind = Kind.JUNK;
            } else {
                folder = drafts;
                kind = Kind.DRAFT;
            }
            switch (kind) {
                case PROJECT:
                    topic = projectBase + rnd.nextInt(Vocabulary.PROJECT_TOPICS.size());
                    break;
                case NEWSLETTER:
                    topic = newsletterBase + rnd.nextInt(Vocabulary.NEWSLETTER_TOPICS.size());
                    break;
                case JUNK:
                    topic = junkBase + rnd.nextInt(Vocabulary.JUNK_TOPICS.size());
                    break;
                default:
                    topic = rnd.nextInt(Vocabulary.WORK_TOPICS.size());
            }

            // Recent days hold more mail than old ones; most mail arrives in office hours.
            double u = rnd.nextDouble();
            long ageDays = (long) (u * u * span);
            long secondOfDay = rnd.nextInt(10) < 9 ? 25_200 + rnd.nextInt(43_200)
                    : rnd.nextInt((int) DAY);
            long received = baseDay - ageDays * DAY + secondOfDay;
            if (received > base) {
                received -= DAY;
            }

            b.sender(null).replyTo().cc().bcc().categories().attachments()
                    .flag(FollowupFlag.NOT_FLAGGED).importance(Importance.NORMAL)
                    .inferenceClassification(InferenceClassification.FOCUSED)
                    .deliveryReceiptRequested(false).readReceiptRequested(false).draft(false);

            boolean threaded = kind == Kind.RECEIVED || kind == Kind.PROJECT || kind == Kind.SENT;
            int subjectIndex = topic * 3;
            int conversation;
            if (threaded) {
                int thread = topic * 64 + rnd.nextInt(threadsPerTopic);
                conversation = thread;
                if (started.get(thread)) {
                    subjectIndex += rnd.nextInt(5) == 0 ? 2 : 1;
                } else {
                    started.set(thread);
                }
            } else {
                conversation = 100_000 + k;
            }
            b.subject(subjects.get(subjectIndex)).conversation(conversation)
                    .body(bodies.get(topic * bodyVariants + rnd.nextInt(bodyVariants)));

            long sentAt = received - 3 - rnd.nextInt(180);
            long created = received;
            boolean old = base - received > 14 * DAY;
            boolean read;
            switch (kind) {
                case SENT:
                    b.from(me).to(toOthers[rnd.nextInt(RECIPIENT_POOL)]);
                    if (rnd.nextInt(4) == 0) {
                        b.cc(ccOthers[rnd.nextInt(RECIPIENT_POOL)]);
                    }
                    if (rnd.nextInt(20) == 0) {
                        b.bcc(pickSome(rnd, colleagues, 1));
                    }
                    sentAt = received;
                    read = true;
                    break;
                case DRAFT:
                    b.from(null).to(rnd.nextInt(3) == 0 ? new EmailAddress[0]
                            : toOthers[rnd.nextInt(RECIPIENT_POOL)]).draft(true);
                    sentAt = received;
                    read = true;
                    break;
                case NEWSLETTER:
                    EmailAddress[] nl = newsletterFrom[topic % newsletterFrom.length];
                    b.from(nl[0]).to(meOnly).replyTo(nl)
                            .inferenceClassification(InferenceClassification.OTHER);
                    read = old ? rnd.nextInt(10) < 7 : rnd.nextInt(10) < 3;
                    break;
                case JUNK:
                    Vocabulary.Contact j = Vocabulary.JUNK_SENDERS.get(
                            rnd.nextInt(Vocabulary.JUNK_SENDERS.size()));
                    b.from(new EmailAddress(j.name(), j.address())).to(meOnly)
                            .inferenceClassification(InferenceClassification.OTHER);
                    read = rnd.nextInt(10) < 2;
                    break;
                default:
                    EmailAddress author = rnd.nextInt(100) < 55 && !colleagues.isEmpty()
                            ? colleagues.get(rnd.nextInt(colleagues.size()))
                            : external.get(rnd.nextInt(external.size()));
                    b.from(author).to(toMe[rnd.nextInt(RECIPIENT_POOL)]);
                    if (rnd.nextInt(4) == 0) {
                        b.cc(ccOthers[rnd.nextInt(RECIPIENT_POOL)]);
                    }
                    if (rnd.nextInt(100) < 15) {
                        b.inferenceClassification(InferenceClassification.OTHER);
                    }
                    read = old ? rnd.nextInt(100) < 95 : rnd.nextInt(100) < 60;
            }
            long modified = created + rnd.nextInt(5);

            if (kind != Kind.JUNK && kind != Kind.NEWSLETTER) {
                int r = rnd.nextInt(100);
                if (r < 8) {
                    b.importance(Importance.HIGH);
                } else if (r < 12) {
                    b.importance(Importance.LOW);
                }
                if (rnd.nextInt(100) < 20) {
                    b.categories(categorySets.get(rnd.nextInt(categorySets.size())));
                }
                if (rnd.nextInt(100) < 15) {
                    b.attachments(attachmentSets.get(rnd.nextInt(attachmentSets.size())));
                }
                if (kind != Kind.DRAFT && kind != Kind.SENT) {
                    int f = rnd.nextInt(100);
                    Instant start = Instant.ofEpochSecond(Math.floorDiv(received, DAY) * DAY);
                    if (f < 8) {
                        b.flag(new FollowupFlag(FlagStatus.FLAGGED, start,
                                start.plus(7, ChronoUnit.DAYS), null));
                        modified = Math.min(base, modified + rnd.nextInt((int) DAY));
                    } else if (f < 12) {
                        b.flag(new FollowupFlag(FlagStatus.COMPLETE, start,
                                start.plus(7, ChronoUnit.DAYS),
                                Instant.ofEpochSecond(Math.min(base, received + 2 * DAY))));
                        modified = Math.min(base, received + 2 * DAY);
                    }
                    b.deliveryReceiptRequested(rnd.nextInt(100) < 3)
                            .readReceiptRequested(rnd.nextInt(100) < 3);
                }
            }
            if (read && kind != Kind.SENT && kind != Kind.DRAFT) {
                modified = Math.max(modified, Math.min(base, received + rnd.nextInt(7200)));
            }
            b.receivedDateTime(Instant.ofEpochSecond(received))
                    .sentDateTime(Instant.ofEpochSecond(sentAt))
                    .createdDateTime(Instant.ofEpochSecond(created))
                    .lastModifiedDateTime(Instant.ofEpochSecond(Math.max(created, modified)))
                    .read(read);
            mailbox.addMessage(folder, b);
        }
    }

    /** What kind of mail a generated message is, which decides its senders and flags. */
    private enum Kind {
        RECEIVED, PROJECT, NEWSLETTER, JUNK, SENT, DRAFT
    }

    private String bodyHtml(String topic, SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder(600);
        sb.append("<html>\r\n<head>\r\n<meta http-equiv=\"Content-Type\" content=\"text/html; ")
                .append("charset=utf-8\">\r\n</head>\r\n<body>\r\n<div dir=\"ltr\">\r\n<p>")
                .append(pick(rnd, Vocabulary.GREETINGS)).append("</p>\r\n<p>")
                .append(escape(String.format(Locale.ROOT, pick(rnd, Vocabulary.OPENERS),
                        topic)))
                .append(' ').append(pick(rnd, Vocabulary.SENTENCES)).append("</p>\r\n<p>")
                .append(pick(rnd, Vocabulary.SENTENCES)).append(' ')
                .append(pick(rnd, Vocabulary.SENTENCES)).append("</p>\r\n<p>")
                .append(pick(rnd, Vocabulary.CLOSINGS))
                .append("</p>\r\n</div>\r\n</body>\r\n</html>\r\n");
        return sb.toString();
    }

    private void buildCategorySets() {
        List<String> c = Vocabulary.CATEGORY_NAMES;
        for (String name : c) {
            categorySets.add(new String[] {name});
        }
        categorySets.add(new String[] {c.get(0), c.get(1)});
        categorySets.add(new String[] {"Project Falcon"});
        categorySets.add(new String[] {"Customer", c.get(0)});
    }

    private void buildAttachmentSets(SplittableRandom rnd) {
        List<Attachment> all = new ArrayList<>();
        for (String[] a : Vocabulary.ATTACHMENTS) {
            all.add(new Attachment(a[0], a[1], Integer.parseInt(a[2]), false));
        }
        Attachment inlineLogo = new Attachment("image001.png", "image/png", 5120, true);
        for (int i = 0; i < 24; i++) {
            int n = 1 + rnd.nextInt(i % 4 == 0 ? 3 : 1);
            List<Attachment> set = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                Attachment a = all.get(rnd.nextInt(all.size()));
                if (!set.contains(a)) {
                    set.add(a);
                }
            }
            if (i % 6 == 5) {
                set.add(inlineLogo);
            }
            attachmentSets.add(set.toArray(new Attachment[0]));
        }
    }

    private static EmailAddress[] withFirst(EmailAddress first, EmailAddress[] rest) {
        EmailAddress[] out = new EmailAddress[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static EmailAddress[] pickSome(SplittableRandom rnd, List<EmailAddress> from,
            int n) {
        List<EmailAddress> out = new ArrayList<>(n);
        for (int i = 0; i < n * 3 && out.size() < n && !from.isEmpty(); i++) {
            EmailAddress a = from.get(rnd.nextInt(from.size()));
            if (!out.contains(a)) {
                out.add(a);
            }
        }
        return out.toArray(new EmailAddress[0]);
    }

    private static <T> T pick(SplittableRandom rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private static String guid(SplittableRandom rnd) {
        long hi = (rnd.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
