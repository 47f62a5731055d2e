package io.exchangejdbc.emulator.graph;

import io.exchangejdbc.emulator.http.Request;
import io.exchangejdbc.emulator.http.Response;
import io.exchangejdbc.emulator.store.Group;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.Tenant;
import io.exchangejdbc.emulator.store.User;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Microsoft 365 usage reports of the Graph front: {@code GET /reports/getXxx(period='D7')}
 * answers {@code 302 Found} with the {@code Location} of a pre-authenticated download, which
 * serves the report as a CSV file (with a byte order mark) and needs no token. The figures are
 * computed from the store as of the report date, the day of the tenant's newest message.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/reportroot-getemailactivityuserdetail">
 *     getEmailActivityUserDetail</a>
 * @see <a href="https://learn.microsoft.com/graph/api/reportroot-getmailboxusagedetail">
 *     getMailboxUsageDetail</a>
 */
final class ReportRoutes {

    /** The path segment of the downloads, below {@code /v1.0}. */
    static final String DOWNLOADS = "reportDownloads";

    private static final Set<String> ROLES = Set.of("Reports.Read.All");
    private static final Pattern CALL = Pattern.compile(
            "(get\\w+)\\(period='(\\w*)'\\)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> PERIODS = Set.of("D7", "D30", "D90", "D180");
    private static final String PRODUCTS = "MICROSOFT 365 E3";

    private final Map<String, byte[]> downloads = new ConcurrentHashMap<>();

    /** Whether the request fetches a download (which carries no token). */
    static boolean isDownload(Request request) {
        List<String> s = request.segments();
        return s.size() == 3 && s.get(0).equals("v1.0") && s.get(1).equals(DOWNLOADS);
    }

    /** Serves a download made by an earlier report request. */
    void download(Request request, Response response) throws IOException {
        byte[] csv = downloads.remove(request.segments().get(2));
        if (csv == null) {
            response.send(404, "text/plain;charset=utf-8", "The download link has expired.");
            return;
        }
        response.send(200, "application/octet-stream", csv);
    }

    /** Serves {@code segs}, the path below {@code /v1.0}, starting with {@code reports}. */
    void handle(Request request, Response response, Caller caller, List<String> segs)
            throws IOException {
        if (!caller.token().allowsAny(ROLES, ROLES)) {
            throw new GraphError(403, "UnknownError", "Access to the reports is denied: the"
                    + " application needs Reports.Read.All.");
        }
        Matcher m = segs.size() == 2 ? CALL.matcher(segs.get(1)) : null;
        if (m == null || !m.matches()) {
            throw GraphError.segmentNotFound(segs.size() > 1 ? segs.get(1) : "reports");
        }
        String period = m.group(2);
        if (!PERIODS.contains(period)) {
            throw GraphError.badRequest("Invalid value '" + period + "' for the 'period'"
                    + " parameter; the supported values are D7, D30, D90 and D180.");
        }
        int days = Integer.parseInt(period.substring(1));
        String csv = report(m.group(1), caller.tenant(), days);
        if (csv == null) {
            throw GraphError.segmentNotFound(segs.get(1));
        }
        String token = UUID.randomUUID().toString();
        downloads.put(token, ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
        GraphFront.traceHeaders(request, response);
        response.setHeader("Location", request.baseUrl() + "/v1.0/" + DOWNLOADS + "/" + token);
        response.send(302, "text/plain", "");
    }

    private static String report(String function, Tenant tenant, int days) {
        LocalDate date = reportDate(tenant);
        LocalDate from = date.minusDays(days - 1L);
        StringBuilder sb = new StringBuilder();
        switch (function.toLowerCase(java.util.Locale.ROOT)) {
            case "getemailactivityuserdetail":
                line(sb, "Report Refresh Date", "User Principal Name", "Display Name",
                        "Is Deleted", "Deleted Date", "Last Activity Date", "Send Count",
                        "Receive Count", "Read Count", "Meeting Created Count",
                        "Meeting Interacted Count", "Assigned Products", "Report Period");
                for (User u : tenant.users()) {
                    Activity a = new Activity(tenant.mailbox(u), from, date);
                    line(sb, date, u.userPrincipalName(), u.displayName(), "False", "",
                            a.last, a.sent, a.received, a.read, 0, 0, PRODUCTS, days);
                }
                return sb.toString();
            case "getemailappusageuserdetail":
                line(sb, "Report Refresh Date", "User Principal Name", "Display Name",
                        "Is Deleted", "Deleted Date", "Last Activity Date", "Mail For Mac",
                        "Outlook For Mac", "Outlook For Windows", "Outlook For Mobile",
                        "Other For Mobile", "Outlook For Web", "POP3 App", "IMAP4 App",
                        "SMTP App", "Report Period");
                for (User u : tenant.users()) {
                    Activity a = new Activity(tenant.mailbox(u), from, date);
                    String used = a.sent + a.read > 0 ? "Yes" : "";
                    line(sb, date, u.userPrincipalName(), u.displayName(), "False", "", a.last,
                            "", "", used, "", "", used, "", "", "", days);
                }
                return sb.toString();
            case "getmailboxusagedetail":
                line(sb, "Report Refresh Date", "User Principal Name", "Display Name",
                        "Is Deleted", "Deleted Date", "Created Date", "Last Activity Date",
                        "Item Count", "Storage Used (Byte)", "Issue Warning Quota (Byte)",
                        "Prohibit Send Quota (Byte)", "Prohibit Send/Receive Quota (Byte)",
                        "Deleted Item Count", "Deleted Item Size (Byte)",
                        "Deleted Item Quota (Byte)", "Has Archive", "Report Period");
                for (User u : tenant.users()) {
                    Mailbox mb = tenant.mailbox(u);
                    Activity a = new Activity(mb, from, date);
                    List<Message> deleted = mb.messages(mb.folder(WellKnownFolder.DELETEDITEMS));
                    long items = mb.messageCount() - deleted.size();
                    line(sb, date, u.userPrincipalName(), u.displayName(), "False", "",
                            day(u.createdDateTime()), a.last, items, size(mb.messages())
                                    - size(deleted), 105226698752L, 106300440576L,
                            107374182400L, deleted.size(), size(deleted), 32212254720L, "False",
                            days);
                }
                return sb.toString();
            case "getoffice365activeuserdetail":
                line(sb, "Report Refresh Date", "User Principal Name", "Display Name",
                        "Is Deleted", "Deleted Date", "Has Exchange License",
                        "Has OneDrive License", "Has SharePoint License",
                        "Has Skype For Business License", "Has Yammer License",
                        "Has Teams License", "Exchange Last Activity Date",
                        "OneDrive Last Activity Date", "SharePoint Last Activity Date",
                        "Skype For Business Last Activity Date", "Yammer Last Activity Date",
                        "Teams Last Activity Date", "Exchange License Assign Date",
                        "OneDrive License Assign Date", "SharePoint License Assign Date",
                        "Skype For Business License Assign Date", "Yammer License Assign Date",
                        "Teams License Assign Date", "Assigned Products");
                for (User u : tenant.users()) {
                    Activity a = new Activity(tenant.mailbox(u), from, date);
                    LocalDate assigned = day(u.createdDateTime());
                    line(sb, date, u.userPrincipalName(), u.displayName(), "False", "", "True",
                            "True", "True", "False", "False", "True", a.last, "", "", "", "",
                            "", assigned, assigned, assigned, "", "", assigned, PRODUCTS);
                }
                return sb.toString();
            case "getoffice365groupsactivitydetail":
                line(sb, "Report Refresh Date", "Group Display Name", "Is Deleted",
                        "Owner Principal Name", "Last Activity Date", "Group Type",
                        "Member Count", "External Member Count",
                        "Exchange Received Email Count", "SharePoint Active File Count",
                        "Yammer Posted Message Count", "Yammer Read Message Count",
                        "Yammer Liked Message Count", "Exchange Mailbox Total Item Count",
                        "Exchange Mailbox Storage Used (Byte)", "SharePoint Total File Count",
                        "SharePoint Site Storage Used (Byte)", "Report Period");
                for (Group g : tenant.groups()) {
                    if (!g.groupTypes().contains("Unified")) {
                        continue;
                    }
                    line(sb, date, g.displayName(), "False", g.members().isEmpty() ? ""
                            : g.members().get(0).userPrincipalName(), "",
                            g.visibility(), g.members().size(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                            days);
                }
                return sb.toString();
            default:
                return null;
        }
    }

    /** The day of the tenant's newest message, the date the reports are made as of. */
    private static LocalDate reportDate(Tenant tenant) {
        Instant newest = Instant.EPOCH;
        for (User u : tenant.users()) {
            for (Message m : tenant.mailbox(u).messages()) {
                Instant t = m.receivedDateTime();
                if (t != null && t.isAfter(newest)) {
                    newest = t;
                }
            }
        }
        return day(newest);
    }

    private static LocalDate day(Instant t) {
        return t == null ? null : LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    /** A message's size as the reports count it: a fixed overhead plus its attachments. */
    private static long size(List<Message> messages) {
        long total = 0;
        for (Message m : messages) {
            total += 2048;
            for (var a : m.attachments()) {
                total += a.size();
            }
        }
        return total;
    }

    /** Mail a mailbox sent, received and read within the report's days. */
    private static final class Activity {
        long sent;
        long received;
        long read;
        LocalDate last;

        Activity(Mailbox mailbox, LocalDate from, LocalDate to) {
            var sentFolder = mailbox.folder(WellKnownFolder.SENTITEMS);
            var drafts = mailbox.folder(WellKnownFolder.DRAFTS);
            for (Message m : mailbox.messages()) {
                boolean isSent = m.folder() == sentFolder;
                Instant when = isSent ? m.sentDateTime() : m.receivedDateTime();
                LocalDate d = day(when);
                if (d == null || m.folder() == drafts || d.isAfter(to)) {
                    continue;
                }
                if (last == null || d.isAfter(last)) {
                    last = d;
                }
                if (d.isBefore(from)) {
                    continue;
                }
                if (isSent) {
                    sent++;
                } else {
                    received++;
                    if (m.isRead()) {
                        read++;
                    }
                }
            }
        }
    }

    private static void line(StringBuilder sb, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String v = fields[i] == null ? "" : fields[i].toString();
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        sb.append("\r\n");
    }
}
