package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user of a tenant's directory, with the properties of Graph's {@code user} type that the
 * emulator keeps (the others read as null or empty), and the password the on-premises
 * authentication schemes check.
 */
public final class User {

    private final String id;
    private final String displayName;
    private final String givenName;
    private final String surname;
    private final String userPrincipalName;
    private final String mail;
    private final String mailNickname;
    private final String jobTitle;
    private final String department;
    private final String companyName;
    private final String officeLocation;
    private final String mobilePhone;
    private final List<String> businessPhones;
    private final String preferredLanguage;
    private final boolean accountEnabled;
    private final String usageLocation;
    private final String city;
    private final String state;
    private final String country;
    private final String streetAddress;
    private final String postalCode;
    private final String employeeId;
    private final String userType;
    private final Instant createdDateTime;
    private final List<String> proxyAddresses;
    private final List<String> imAddresses;
    private final String password;

    private User(Builder b) {
        this.id = b.id;
        this.displayName = b.displayName;
        this.givenName = b.givenName;
        this.surname = b.surname;
        this.userPrincipalName = b.userPrincipalName;
        this.mail = b.mail == null ? b.userPrincipalName : b.mail;
        this.mailNickname = b.mailNickname != null ? b.mailNickname
                : b.userPrincipalName.substring(0, b.userPrincipalName.indexOf('@'));
        this.jobTitle = b.jobTitle;
        this.department = b.department;
        this.companyName = b.companyName;
        this.officeLocation = b.officeLocation;
        this.mobilePhone = b.mobilePhone;
        this.businessPhones = List.copyOf(b.businessPhones);
        this.preferredLanguage = b.preferredLanguage;
        this.accountEnabled = b.accountEnabled;
        this.usageLocation = b.usageLocation;
        this.city = b.city;
        this.state = b.state;
        this.country = b.country;
        this.streetAddress = b.streetAddress;
        this.postalCode = b.postalCode;
        this.employeeId = b.employeeId;
        this.userType = b.userType;
        this.createdDateTime = b.createdDateTime;
        this.proxyAddresses = b.proxyAddresses != null ? List.copyOf(b.proxyAddresses)
                : List.of("SMTP:" + this.mail);
        this.imAddresses = b.imAddresses != null ? List.copyOf(b.imAddresses)
                : List.of(b.userPrincipalName.toLowerCase(java.util.Locale.ROOT));
        this.password = b.password;
    }

    /**
     * Returns a builder holding this user's values, for a changed copy (the directory's update);
     * the id and the user principal name stay.
     */
    public Builder toBuilder() {
        Builder b = new Builder(userPrincipalName);
        b.id = id;
        b.displayName = displayName;
        b.givenName = givenName;
        b.surname = surname;
        b.mail = mail;
        b.mailNickname = mailNickname;
        b.jobTitle = jobTitle;
        b.department = department;
        b.companyName = companyName;
        b.officeLocation = officeLocation;
        b.mobilePhone = mobilePhone;
        b.businessPhones = businessPhones;
        b.preferredLanguage = preferredLanguage;
        b.accountEnabled = accountEnabled;
        b.usageLocation = usageLocation;
        b.city = city;
        b.state = state;
        b.country = country;
        b.streetAddress = streetAddress;
        b.postalCode = postalCode;
        b.employeeId = employeeId;
        b.userType = userType;
        b.createdDateTime = createdDateTime;
        b.proxyAddresses = proxyAddresses;
        b.imAddresses = imAddresses;
        b.password = password;
        return b;
    }

    /** Returns a builder; the user principal name is required, the id defaults to a new GUID. */
    public static Builder builder(String userPrincipalName) {
        return new Builder(userPrincipalName);
    }

    /** Returns the object id (a GUID). */
    public String id() {
        return id;
    }

    /** Returns the display name. */
    public String displayName() {
        return displayName;
    }

    /** Returns the first name. */
    public String givenName() {
        return givenName;
    }

    /** Returns the last name. */
    public String surname() {
        return surname;
    }

    /** Returns the sign-in name, e.g. {@code AdeleV@contoso.onmicrosoft.com}. */
    public String userPrincipalName() {
        return userPrincipalName;
    }

    /** Returns the primary SMTP address. */
    public String mail() {
        return mail;
    }

    /** Returns the mail alias. */
    public String mailNickname() {
        return mailNickname;
    }

    /** Returns the job title. */
    public String jobTitle() {
        return jobTitle;
    }

    /** Returns the department. */
    public String department() {
        return department;
    }

    /** Returns the company name. */
    public String companyName() {
        return companyName;
    }

    /** Returns the office location. */
    public String officeLocation() {
        return officeLocation;
    }

    /** Returns the mobile phone number. */
    public String mobilePhone() {
        return mobilePhone;
    }

    /** Returns the business phone numbers. */
    public List<String> businessPhones() {
        return businessPhones;
    }

    /** Returns the preferred language, e.g. {@code en-US}. */
    public String preferredLanguage() {
        return preferredLanguage;
    }

    /** Tells whether the account may sign in. */
    public boolean accountEnabled() {
        return accountEnabled;
    }

    /** Returns the two-letter country code of the usage location. */
    public String usageLocation() {
        return usageLocation;
    }

    /** Returns the city. */
    public String city() {
        return city;
    }

    /** Returns the state or province. */
    public String state() {
        return state;
    }

    /** Returns the country or region. */
    public String country() {
        return country;
    }

    /** Returns the street address. */
    public String streetAddress() {
        return streetAddress;
    }

    /** Returns the postal code. */
    public String postalCode() {
        return postalCode;
    }

    /** Returns the employee id. */
    public String employeeId() {
        return employeeId;
    }

    /** Returns {@code Member} or {@code Guest}. */
    public String userType() {
        return userType;
    }

    /** Returns when the account was created. */
    public Instant createdDateTime() {
        return createdDateTime;
    }

    /** Returns the proxy addresses ({@code SMTP:} primary, {@code smtp:} aliases). */
    public List<String> proxyAddresses() {
        return proxyAddresses;
    }

    /** Returns the instant-messaging addresses. */
    public List<String> imAddresses() {
        return imAddresses;
    }

    /** Returns the password that on-premises authentication schemes check. */
    public String password() {
        return password;
    }

    /** Returns the user's address as a mail participant. */
    public EmailAddress emailAddress() {
        return new EmailAddress(displayName, mail);
    }

    @Override
    public String toString() {
        return "User[" + userPrincipalName + "]";
    }

    /** Builder of users. */
    public static final class Builder {
        private String id = UUID.randomUUID().toString();
        private String displayName;
        private String givenName;
        private String surname;
        private final String userPrincipalName;
        private String mail;
        private String mailNickname;
        private String jobTitle;
        private String department;
        private String companyName;
        private String officeLocation;
        private String mobilePhone;
        private List<String> businessPhones = List.of();
        private String preferredLanguage = "en-US";
        private boolean accountEnabled = true;
        private String usageLocation;
        private String city;
        private String state;
        private String country;
        private String streetAddress;
        private String postalCode;
        private String employeeId;
        private String userType = "Member";
        private Instant createdDateTime;
        private List<String> proxyAddresses;
        private List<String> imAddresses;
        private String password = "Passw0rd!";

        private Builder(String userPrincipalName) {
            requireNonNull(userPrincipalName, "userPrincipalName");
            if (userPrincipalName.indexOf('@') <= 0) {
                throw new IllegalArgumentException("not a user principal name: "
                        + userPrincipalName);
            }
            this.userPrincipalName = userPrincipalName;
            this.displayName = userPrincipalName.substring(0, userPrincipalName.indexOf('@'));
        }

        /** Sets the object id; must be a GUID. */
        public Builder id(String v) {
            this.id = UUID.fromString(v).toString();
            return this;
        }

        /** Sets the display name. */
        public Builder displayName(String v) {
            this.displayName = v;
            return this;
        }

        /** Sets the first name. */
        public Builder givenName(String v) {
            this.givenName = v;
            return this;
        }

        /** Sets the last name. */
        public Builder surname(String v) {
            this.surname = v;
            return this;
        }

        /** Sets the primary SMTP address (default: the user principal name). */
        public Builder mail(String v) {
            this.mail = v;
            return this;
        }

        /** Sets the mail alias (default: the part of the UPN before the {@code @}). */
        public Builder mailNickname(String v) {
            this.mailNickname = v;
            return this;
        }

        /** Sets the job title. */
        public Builder jobTitle(String v) {
            this.jobTitle = v;
            return this;
        }

        /** Sets the department. */
        public Builder department(String v) {
            this.department = v;
            return this;
        }

        /** Sets the company name. */
        public Builder companyName(String v) {
            this.companyName = v;
            return this;
        }

        /** Sets the office location. */
        public Builder officeLocation(String v) {
            this.officeLocation = v;
            return this;
        }

        /** Sets the mobile phone number. */
        public Builder mobilePhone(String v) {
            this.mobilePhone = v;
            return this;
        }

        /** Sets the business phone numbers. */
        public Builder businessPhones(List<String> v) {
            this.businessPhones = requireNonNull(v, "businessPhones");
            return this;
        }

        /** Sets the preferred language. */
        public Builder preferredLanguage(String v) {
            this.preferredLanguage = v;
            return this;
        }

        /** Sets whether the account may sign in. */
        public Builder accountEnabled(boolean v) {
            this.accountEnabled = v;
            return this;
        }

        /** Sets the usage location. */
        public Builder usageLocation(String v) {
            this.usageLocation = v;
            return this;
        }

        /** Sets the postal address. */
        public Builder address(String street, String cityName, String stateName, String postal,
                String countryName) {
            this.streetAddress = street;
            this.city = cityName;
            this.state = stateName;
            this.postalCode = postal;
            this.country = countryName;
            return this;
        }

        /** Sets the employee id. */
        public Builder employeeId(String v) {
            this.employeeId = v;
            return this;
        }

        /** Sets {@code Member} or {@code Guest}. */
        public Builder userType(String v) {
            this.userType = v;
            return this;
        }

        /** Sets when the account was created. */
        public Builder createdDateTime(Instant v) {
            this.createdDateTime = v;
            return this;
        }

        /** Sets the proxy addresses (default: {@code SMTP:} and the mail address). */
        public Builder proxyAddresses(List<String> v) {
            this.proxyAddresses = v;
            return this;
        }

        /** Sets the password checked by Basic, Digest and NTLM authentication. */
        public Builder password(String v) {
            this.password = requireNonNull(v, "password");
            return this;
        }

        /** Builds the user. */
        public User build() {
            return new User(this);
        }
    }
}
