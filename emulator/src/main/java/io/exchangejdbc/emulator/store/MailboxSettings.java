package io.exchangejdbc.emulator.store;

import java.time.Instant;
import java.util.List;

/**
 * The settings of a mailbox that Graph's {@code mailboxSettings} exposes: time zone, language,
 * date and time formats, working hours and automatic replies (out of office).
 *
 * @param timeZone                the mailbox's time zone (a Windows or IANA name)
 * @param languageLocale          locale of the user's language, such as {@code en-US}
 * @param languageDisplayName     that language's name
 * @param dateFormat              date format, such as {@code M/d/yyyy}
 * @param timeFormat              time format, such as {@code h:mm tt}
 * @param workingDays             working days, lower-case English names
 * @param workStart               start of the working day, {@code HH:mm:ss.fffffff}
 * @param workEnd                 end of the working day
 * @param workTimeZone            time zone of the working hours
 * @param autoReplyStatus         {@code disabled}, {@code alwaysEnabled} or {@code scheduled}
 * @param externalAudience        {@code none}, {@code contactsOnly} or {@code all}
 * @param internalReplyMessage    reply sent inside the organization
 * @param externalReplyMessage    reply sent outside the organization
 * @param scheduledStart          start of a scheduled reply period (UTC), or null
 * @param scheduledEnd            end of that period (UTC), or null
 * @see <a href="https://learn.microsoft.com/graph/api/resources/mailboxsettings">mailboxSettings</a>
 */
public record MailboxSettings(String timeZone, String languageLocale,
        String languageDisplayName, String dateFormat, String timeFormat,
        List<String> workingDays, String workStart, String workEnd, String workTimeZone,
        String autoReplyStatus, String externalAudience, String internalReplyMessage,
        String externalReplyMessage, Instant scheduledStart, Instant scheduledEnd) {

    /** Copies the collection. */
    public MailboxSettings {
        workingDays = List.copyOf(workingDays);
    }

    /** What a new mailbox has: UTC, US English, Monday to Friday 8 to 17, no automatic reply. */
    public static MailboxSettings defaults() {
        return new MailboxSettings("UTC", "en-US", "English (United States)", "M/d/yyyy",
                "h:mm tt", List.of("monday", "tuesday", "wednesday", "thursday", "friday"),
                "08:00:00.0000000", "17:00:00.0000000", "UTC", "disabled", "all", "", "", null,
                null);
    }
}
