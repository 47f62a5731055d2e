package io.exchangejdbc.ews;

/**
 * Whose mailbox a request acts on: the signed-in account's, another user's through Exchange
 * impersonation ({@code ExchangeImpersonation} header), or a shared or delegated mailbox whose
 * distinguished folders are named with a {@code <t:Mailbox>}.
 *
 * @param impersonationUser the impersonated user, or null
 * @param impersonationType how the user is identified: PrincipalName, SID, PrimarySmtpAddress
 *                          or SmtpAddress
 * @param sharedMailbox     the SMTP address of a shared mailbox, or null
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/exchange-web-services/impersonation-and-ews-in-exchange">
 *     Impersonation and EWS in Exchange</a>
 */
public record MailboxScope(String impersonationUser, String impersonationType,
        String sharedMailbox) {

    /** The signed-in account's own mailbox. */
    public static final MailboxScope OWN = new MailboxScope(null, null, null);

    public MailboxScope {
        impersonationUser = blankToNull(impersonationUser);
        impersonationType = blankToNull(impersonationType);
        sharedMailbox = blankToNull(sharedMailbox);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * The {@code X-AnchorMailbox} header: the impersonated user (when identified by an address
     * or principal name) or the shared mailbox; null otherwise.
     */
    public String anchorMailbox() {
        if (impersonationUser != null && !"SID".equalsIgnoreCase(impersonationType)) {
            return impersonationUser;
        }
        return sharedMailbox;
    }

    /** The ConnectingSID element name for the impersonation type (default PrincipalName). */
    String connectingSidElement() {
        if (impersonationType == null) {
            return "PrincipalName";
        }
        for (String n : new String[] {"PrincipalName", "SID", "PrimarySmtpAddress",
            "SmtpAddress"}) {
            if (n.equalsIgnoreCase(impersonationType)) {
                return n;
            }
        }
        return null;
    }
}
