package io.exchangejdbc.emulator.generate;

import java.util.List;

/**
 * The word lists the generator draws from: people, organizations, subjects, sentences, file
 * names. All names are invented or the customary fictitious demo names.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    /** A named person of the demo tenant with job data. */
    record Person(String givenName, String surname, String jobTitle, String department,
            String office) {
    }

    /** An outside correspondent. */
    record Contact(String name, String address) {
    }

    static final List<Person> STAFF = List.of(
            new Person("Adele", "Vance", "Retail Manager", "Retail", "18/2111"),
            new Person("Alex", "Wilber", "Marketing Assistant", "Marketing", "131/1104"),
            new Person("Megan", "Bowen", "Marketing Manager", "Marketing", "12/1110"),
            new Person("Lee", "Gu", "Director", "Manufacturing", "23/3101"),
            new Person("Nestor", "Wilke", "Director", "Operations", "36/1121"),
            new Person("Isaiah", "Langer", "Sales Rep", "Sales", "20/1101"),
            new Person("Lidia", "Holloway", "Product Manager", "Engineering", "20/2107"),
            new Person("Diego", "Siciliani", "HR Manager", "HR", "14/1108"),
            new Person("Grady", "Archie", "Designer", "Research & Development", "19/2109"),
            new Person("Johanna", "Lorenz", "Senior Engineer", "Engineering", "23/2102"),
            new Person("Joni", "Sherman", "Paralegal", "Legal", "20/1109"),
            new Person("Lynne", "Robbins", "Planner", "Retail", "20/1104"),
            new Person("Miriam", "Graham", "Director", "Sales & Marketing", "131/2103"),
            new Person("Patti", "Fernandez", "President", "Executive Management", "15/1102"),
            new Person("Pradeep", "Gupta", "Accountant", "Finance", "98/2202"),
            new Person("Henrietta", "Mueller", "Developer", "Engineering", "18/1106"),
            new Person("Irvin", "Sayers", "Director", "Research & Development", "20/2104"),
            new Person("Christie", "Cline", "Buyer", "Retail", "131/2105"),
            new Person("Enrico", "Cattaneo", "Attorney", "Legal", "14/1101"),
            new Person("Allan", "Deyoung", "IT Admin", "IT", "18/1105"));

    static final List<String> GIVEN_NAMES = List.of("Aaron", "Bianca", "Carlos", "Dana",
            "Elena", "Farah", "Gabriel", "Hannah", "Ivan", "Jasmine", "Karim", "Laura", "Marcus",
            "Nadia", "Oscar", "Paula", "Quentin", "Rosa", "Samir", "Tara", "Umar", "Vera",
            "Walter", "Ximena", "Yusuf", "Zara", "Brendan", "Colette", "Dmitri", "Eilidh");

    static final List<String> SURNAMES = List.of("Abbott", "Baker", "Castillo", "Doyle",
            "Eriksen", "Fischer", "Gallagher", "Horvat", "Ivanova", "Jensen", "Kowalski",
            "Lindqvist", "Moreau", "Nakamura", "O'Connor", "Petrov", "Quinn", "Reyes",
            "Svensson", "Takahashi", "Urquhart", "Varga", "Whitaker", "Yilmaz", "Zimmermann");

    static final List<String> JOB_TITLES = List.of("Account Manager", "Analyst", "Consultant",
            "Engineer", "Project Manager", "Sales Rep", "Support Engineer", "Designer");

    static final List<String> DEPARTMENTS = List.of("Sales", "Engineering", "Finance",
            "Marketing", "Operations", "Support");

    static final List<Contact> EXTERNAL = List.of(
            new Contact("Sean O'Brien", "sean.obrien@fabrikam.com"),
            new Contact("Maria Garcia", "maria.garcia@fabrikam.com"),
            new Contact("Kenji Watanabe", "kenji@northwindtraders.com"),
            new Contact("Ana Souza", "ana.souza@adatum.com"),
            new Contact("Tom Becker", "tbecker@litwareinc.com"),
            new Contact("Priya Nair", "priya.nair@woodgrovebank.com"),
            new Contact("Lars Nilsson", "lars@tailspintoys.com"),
            new Contact("Chloe Martin", "chloe.martin@wingtiptoys.com"),
            new Contact("Ahmed Hassan", "ahmed.hassan@proseware.com"),
            new Contact("Julia Novak", "jnovak@adventure-works.com"),
            new Contact("Mateo Rossi", "mateo.rossi@fourthcoffee.com"),
            new Contact("Emma Schulz", "emma.schulz@alpineskihouse.com"),
            new Contact("Noah Kim", "noah.kim@relecloud.com"),
            new Contact("Zoe Dubois", "zoe@margiestravel.com"),
            new Contact("Hiroshi Tanaka", "h.tanaka@cohowinery.com"),
            new Contact("Grace O'Neil", "grace.oneil@lucernepublishing.com"));

    static final List<Contact> NEWSLETTER_SENDERS = List.of(
            new Contact("Northwind Traders", "newsletter@northwindtraders.com"),
            new Contact("Adatum Events", "events@adatum.com"),
            new Contact("Tailspin Toys Orders", "no-reply@tailspintoys.com"),
            new Contact("Woodgrove Bank", "alerts@woodgrovebank.com"));

    static final List<Contact> JUNK_SENDERS = List.of(
            new Contact("Prize Department", "winner@prize-center.example"),
            new Contact("Pharmacy Deals", "deals@cheap-meds.example"),
            new Contact("Account Security", "security@verify-account.example"));

    static final List<String> WORK_TOPICS = List.of("Q3 budget review",
            "Weekly status report", "Team offsite planning", "Customer escalation: Fabrikam",
            "Contract renewal with Northwind", "Quarterly business review",
            "Marketing campaign launch", "Security training reminder", "Expense report approval",
            "New hire onboarding", "Sales pipeline update", "Product roadmap 2027",
            "Office move logistics", "Holiday schedule", "Board meeting prep",
            "Invoice #4521 from Litware", "Design review: mobile app", "Release notes v2.3",
            "Server maintenance window", "Lunch & learn on Friday", "Performance review cycle",
            "Vendor evaluation", "Travel itinerary for Berlin", "Conference registration",
            "Partner webinar follow-up", "Support ticket 10423", "Pricing proposal",
            "Mark 8 launch readiness", "Retail store visit", "O'Brien account handover",
            "Inventory forecast", "Recruiting update", "Website redesign",
            "Data retention policy", "Compliance audit", "Customer feedback summary");

    static final List<String> PROJECT_TOPICS = List.of("Project Falcon kickoff",
            "Project Falcon: milestone 2", "Project Falcon risks", "Falcon test plan",
            "Falcon budget sign-off", "Falcon status for steering group");

    static final List<String> NEWSLETTER_TOPICS = List.of("Newsletter: December edition",
            "Your order has shipped", "Upcoming events in your area", "Your monthly statement",
            "New arrivals this week", "Webinar invitation: cloud cost control");

    static final List<String> JUNK_TOPICS = List.of("You have won a prize!!!",
            "Verify your account now", "Limited offer: 90% off", "Urgent: payment pending");

    static final List<String> OPENERS = List.of("Following up on %s.",
            "Quick note about %s.", "Here is the latest on %s.",
            "Can we find time this week to talk about %s?",
            "Sharing my notes on %s before tomorrow.", "A short update regarding %s.");

    static final List<String> SENTENCES = List.of(
            "The numbers look better than last quarter, but a few items need attention.",
            "I have attached the current version for your review.",
            "Please send me your comments by Thursday so I can consolidate them.",
            "Let me know if anything is unclear or missing.",
            "We agreed to revisit the open points at the next meeting.",
            "The team has made good progress, and we are on track for the deadline.",
            "Could you check whether the figures match what finance reported?",
            "I spoke with the customer this morning and they are happy with the plan.",
            "There is a small change to the agenda, see the updated invite.",
            "We still need a decision on the vendor before the end of the month.",
            "Thanks again for jumping in at short notice.",
            "I moved the review to the afternoon so more people can join.");

    static final List<String> GREETINGS = List.of("Hi team,", "Hello,", "Hi all,", "Hi,");

    static final List<String> CLOSINGS = List.of("Thanks,", "Best regards,", "Cheers,",
            "Kind regards,");

    static final List<String> CATEGORY_NAMES = List.of("Red category", "Blue category",
            "Green category", "Yellow category", "Orange category", "Purple category");

    static final List<String[]> ATTACHMENTS = List.of(
            new String[] {"Budget-Q3.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "48213"},
            new String[] {"Proposal-draft.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "127004"},
            new String[] {"Roadmap-2027.pptx",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                "1843212"},
            new String[] {"Invoice-4521.pdf", "application/pdf", "88123"},
            new String[] {"site-photo.jpg", "image/jpeg", "402331"},
            new String[] {"meeting-notes.txt", "text/plain", "2210"},
            new String[] {"architecture.png", "image/png", "230114"},
            new String[] {"contract-signed.pdf", "application/pdf", "301877"},
            new String[] {"data-export.csv", "text/csv", "64500"});
}
