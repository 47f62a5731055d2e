package io.exchangejdbc.emulator.graph;

import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A simple reading of {@code $search} on messages: the words of the (quoted) query must all
 * occur, ignoring case, in the subject, body or sender; a word written {@code subject:x},
 * {@code body:x}, {@code from:x} or {@code to:x} looks in that property only. Like Exchange it
 * returns at most a fixed number of results, newest first.
 *
 * @see <a href="https://learn.microsoft.com/graph/search-query-parameter">$search</a>
 */
final class MessageSearch {

    private MessageSearch() {
    }

    /** Returns the messages matching the query, at most {@code limit} of them. */
    static List<Object> run(String query, List<Message> messages, int limit) {
        String q = query.trim();
        if (q.length() >= 2 && q.startsWith("\"") && q.endsWith("\"")) {
            q = q.substring(1, q.length() - 1);
        }
        String[] words = q.toLowerCase(Locale.ROOT).trim().split("\\s+");
        List<Object> out = new ArrayList<>();
        for (Message m : messages) {
            if (out.size() >= limit) {
                break;
            }
            if (matchesAll(m, words)) {
                out.add(m);
            }
        }
        return out;
    }

    private static boolean matchesAll(Message m, String[] words) {
        for (String w : words) {
            if (!w.isEmpty() && !matches(m, w)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Message m, String word) {
        int colon = word.indexOf(':');
        String field = colon > 0 ? word.substring(0, colon) : "";
        String term = colon > 0 ? word.substring(colon + 1) : word;
        switch (field) {
            case "subject":
                return contains(m.subject(), term);
            case "body":
                return contains(m.body().text(), term);
            case "from":
                return contains(m.from(), term);
            case "to":
                for (EmailAddress a : m.toRecipients()) {
                    if (contains(a, term)) {
                        return true;
                    }
                }
                return false;
            default:
                return contains(m.subject(), term) || contains(m.body().text(), term)
                        || contains(m.from(), term);
        }
    }

    private static boolean contains(EmailAddress a, String term) {
        return a != null && (contains(a.name(), term) || contains(a.address(), term));
    }

    private static boolean contains(String s, String term) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(term);
    }
}
