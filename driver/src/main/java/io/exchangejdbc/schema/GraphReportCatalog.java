package io.exchangejdbc.schema;

import static io.exchangejdbc.schema.ColumnSpec.col;
import static io.exchangejdbc.schema.ColumnSpec.pseudo;
import static io.exchangejdbc.schema.ColumnType.BIGINT;
import static io.exchangejdbc.schema.ColumnType.BOOLEAN;
import static io.exchangejdbc.schema.ColumnType.DATE;
import static io.exchangejdbc.schema.ColumnType.INTEGER;
import static io.exchangejdbc.schema.ColumnType.VARCHAR;
import static io.exchangejdbc.schema.FilterOp.EQ;

import java.util.ArrayList;
import java.util.List;

/**
 * The Microsoft 365 usage reports as views: each is a report function of Graph
 * ({@code /reports/getEmailActivityUserDetail(period='D7')}) whose CSV download becomes rows, a
 * column per CSV header in the header's words without spaces and punctuation ({@code Storage
 * Used (Byte)} is {@code StorageUsedByte}). The period is the required {@code Period}
 * pseudo-column; there is no default, since a report over a silently chosen period would be
 * easy to misread.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/report">Microsoft 365 usage
 *     reports</a>
 */
final class GraphReportCatalog {

    private GraphReportCatalog() {
    }

    /** The report views in the order {@code DatabaseMetaData.getTables} lists them. */
    static List<TableSpec> tables() {
        return List.of(emailActivityUserDetail(), emailAppUsageUserDetail(),
                mailboxUsageDetails(), office365ActiveUserDetail(),
                office365GroupsActivityDetail());
    }

    private static TableSpec report(String name, String function, String doc, String what,
            ColumnSpec... columns) {
        List<ColumnSpec> all = new ArrayList<>(List.of(columns));
        all.add(pseudo("Period", VARCHAR).key().filter(EQ)
                .describe("The days the report covers: 'D7', 'D30', 'D90' or 'D180' (the last"
                        + " 7 to 180 days); required. PERIOD is a reserved word of SQL: write"
                        + " WHERE \"Period\" = 'D7'. Input only: in a row it shows the period"
                        + " read."));
        return TableSpec.view(name)
                .describe(what + " Needs \"Period\" = 'D7', 'D30', 'D90' or 'D180'; reading it"
                        + " needs the Reports.Read.All permission. Read from the report's CSV"
                        + " file.")
                .graph(new GraphResource(false, "reports",
                        List.of(GraphResource.Route.required("Period",
                                "reports/" + function + "(period='{value}')")),
                        null, 1, 1, "https://learn.microsoft.com/graph/api/" + doc,
                        RowShape.USAGE_REPORT))
                .columns(all.toArray(new ColumnSpec[0]));
    }

    private static ColumnSpec refreshDate() {
        return col("ReportRefreshDate", DATE).readOnly()
                .describe("The day the report's figures are as of.");
    }

    private static ColumnSpec upn() {
        return col("UserPrincipalName", VARCHAR).key().readOnly()
                .describe("Sign-in name of the user.");
    }

    private static ColumnSpec displayName() {
        return col("DisplayName", VARCHAR).readOnly().describe("Name of the user.");
    }

    private static ColumnSpec[] deleted() {
        return new ColumnSpec[] {
            col("IsDeleted", BOOLEAN).readOnly()
                    .describe("Whether the user was deleted during the period."),
            col("DeletedDate", DATE).readOnly()
                    .describe("The day the user was deleted, if so.")};
    }

    private static ColumnSpec lastActivity() {
        return col("LastActivityDate", DATE).readOnly()
                .describe("The last day with activity, at most the report date.");
    }

    private static ColumnSpec count(String name, String what) {
        return col(name, BIGINT).readOnly().describe(what + ".");
    }

    private static ColumnSpec reportPeriod() {
        return col("ReportPeriod", INTEGER).readOnly()
                .describe("Number of days the report covers (7, 30, 90 or 180).");
    }

    private static TableSpec emailActivityUserDetail() {
        ColumnSpec[] d = deleted();
        return report("EmailActivityUserDetail", "getEmailActivityUserDetail",
                "reportroot-getemailactivityuserdetail",
                "Email activity of each user over a period (one row per user): messages sent,"
                        + " received and read.",
                refreshDate(), upn(), displayName(), d[0], d[1], lastActivity(),
                count("SendCount", "Messages the user sent in the period"),
                count("ReceiveCount", "Messages the user received in the period"),
                count("ReadCount", "Messages the user read in the period"),
                count("MeetingCreatedCount", "Meetings the user created in the period"),
                count("MeetingInteractedCount", "Meetings the user accepted, declined or"
                        + " otherwise answered in the period"),
                col("AssignedProducts", VARCHAR).size(1024).readOnly()
                        .describe("Products licensed to the user, separated by '+'."),
                reportPeriod());
    }

    private static ColumnSpec app(String name, String what) {
        return col(name, VARCHAR).readOnly()
                .describe("Whether the user used " + what + " in the period ('Yes' if so).");
    }

    private static TableSpec emailAppUsageUserDetail() {
        ColumnSpec[] d = deleted();
        return report("EmailAppUsageUserDetail", "getEmailAppUsageUserDetail",
                "reportroot-getemailappusageuserdetail",
                "The email apps each user used over a period (one row per user).",
                refreshDate(), upn(), displayName(), d[0], d[1], lastActivity(),
                app("MailForMac", "Mail for Mac"), app("OutlookForMac", "Outlook for Mac"),
                app("OutlookForWindows", "Outlook for Windows"),
                app("OutlookForMobile", "Outlook for mobile devices"),
                app("OtherForMobile", "another mobile mail app"),
                app("OutlookForWeb", "Outlook on the web"), app("POP3App", "a POP3 app"),
                app("IMAP4App", "an IMAP4 app"), app("SMTPApp", "an SMTP app"),
                reportPeriod());
    }

    private static TableSpec mailboxUsageDetails() {
        ColumnSpec[] d = deleted();
        return report("MailboxUsageDetails", "getMailboxUsageDetail",
                "reportroot-getmailboxusagedetail",
                "Size and quotas of each user's mailbox (one row per mailbox).",
                refreshDate(), upn(), displayName(), d[0], d[1],
                col("CreatedDate", DATE).readOnly().describe("The day the mailbox was created."),
                lastActivity(),
                count("ItemCount", "Items in the mailbox"),
                count("StorageUsedByte", "Bytes the mailbox uses"),
                count("IssueWarningQuotaByte", "Size at which the user is warned, in bytes"),
                count("ProhibitSendQuotaByte", "Size at which sending stops, in bytes"),
                count("ProhibitSendReceiveQuotaByte", "Size at which sending and receiving"
                        + " stop, in bytes"),
                count("DeletedItemCount", "Items in Deleted Items"),
                count("DeletedItemSizeByte", "Bytes the deleted items use"),
                count("DeletedItemQuotaByte", "Quota of the deleted items, in bytes"),
                col("HasArchive", BOOLEAN).readOnly()
                        .describe("Whether the mailbox has an archive."),
                reportPeriod());
    }

    private static TableSpec office365ActiveUserDetail() {
        ColumnSpec[] d = deleted();
        List<ColumnSpec> c = new ArrayList<>(List.of(refreshDate(), upn(), displayName(), d[0],
                d[1]));
        String[] services = {"Exchange", "OneDrive", "SharePoint", "SkypeForBusiness",
            "Yammer", "Teams"};
        for (String s : services) {
            c.add(col("Has" + s + "License", BOOLEAN).readOnly()
                    .describe("Whether the user has a " + s + " license."));
        }
        for (String s : services) {
            c.add(col(s + "LastActivityDate", DATE).readOnly()
                    .describe("The user's last day of " + s + " activity."));
        }
        for (String s : services) {
            c.add(col(s + "LicenseAssignDate", DATE).readOnly()
                    .describe("The day the user's " + s + " license was assigned."));
        }
        c.add(col("AssignedProducts", VARCHAR).size(1024).readOnly()
                .describe("Products licensed to the user, separated by '+'."));
        return report("Office365ActiveUserDetail", "getOffice365ActiveUserDetail",
                "reportroot-getoffice365activeuserdetail",
                "Licenses and last activity of each user across Microsoft 365 services (one"
                        + " row per user).",
                c.toArray(new ColumnSpec[0]));
    }

    private static TableSpec office365GroupsActivityDetail() {
        return report("Office365GroupsActivityDetail", "getOffice365GroupsActivityDetail",
                "reportroot-getoffice365groupsactivitydetail",
                "Activity of each Microsoft 365 group over a period (one row per group).",
                refreshDate(),
                col("GroupDisplayName", VARCHAR).key().readOnly()
                        .describe("Name of the group."),
                col("IsDeleted", BOOLEAN).readOnly()
                        .describe("Whether the group was deleted during the period."),
                col("OwnerPrincipalName", VARCHAR).readOnly()
                        .describe("Sign-in name of the group's owner."),
                lastActivity(),
                col("GroupType", VARCHAR).readOnly()
                        .describe("Whether the group is 'Public' or 'Private'."),
                count("MemberCount", "Members of the group"),
                count("ExternalMemberCount", "Members from outside the organization"),
                count("ExchangeReceivedEmailCount", "Messages the group's mailbox received"),
                count("SharePointActiveFileCount", "Files of the group's site used in the"
                        + " period"),
                count("YammerPostedMessageCount", "Yammer messages posted to the group"),
                count("YammerReadMessageCount", "Yammer messages of the group read"),
                count("YammerLikedMessageCount", "Yammer messages of the group liked"),
                count("ExchangeMailboxTotalItemCount", "Items in the group's mailbox"),
                count("ExchangeMailboxStorageUsedByte", "Bytes the group's mailbox uses"),
                count("SharePointTotalFileCount", "Files in the group's site"),
                count("SharePointSiteStorageUsedByte", "Bytes the group's site uses"),
                reportPeriod());
    }
}
