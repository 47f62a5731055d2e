package io.exchangejdbc.calcite;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * An {@link ExchangeMailboxJoin} as the compiled plan calls it at execution: reads the naming
 * rows, runs the scan over the mailboxes they name, and pairs each scanned row with the naming
 * rows of its mailbox.
 */
public final class MailboxJoinCall {

    static final Method ENUMERABLE_METHOD;

    static {
        try {
            ENUMERABLE_METHOD = MailboxJoinCall.class.getMethod("enumerable", DataContext.class,
                    Enumerable.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ScanCall scan;
    private final int keyField;
    private final int mailboxField;
    private final ExchangeMailboxJoin.Shape shape;
    private final boolean scalar;
    private final boolean parents;

    /**
     * @param parents whether the naming rows name parents (the route the scan's resource
     *                requires) rather than mailboxes; {@code mailboxField} is then the position
     *                of the route column
     */
    MailboxJoinCall(ScanCall scan, int keyField, int mailboxField,
            ExchangeMailboxJoin.Shape shape, boolean scalar, boolean parents) {
        this.parents = parents;
        this.scan = requireNonNull(scan, "scan");
        this.keyField = keyField;
        this.mailboxField = mailboxField;
        this.shape = requireNonNull(shape, "shape");
        this.scalar = scalar;
    }

    /** The joined rows; called by generated code with the naming relation's rows as arrays. */
    public Enumerable<Object> enumerable(DataContext root, Enumerable<Object[]> namingRows) {
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object> enumerator() {
                Map<String, List<Object[]>> byMailbox = new LinkedHashMap<>();
                try (Enumerator<Object[]> rows = namingRows.enumerator()) {
                    while (rows.moveNext()) {
                        Object[] row = rows.current();
                        Object key = row[keyField];
                        if (key != null) {
                            byMailbox.computeIfAbsent(key.toString(), k -> new ArrayList<>())
                                    .add(row);
                        }
                    }
                }
                if (byMailbox.isEmpty()) {
                    return Linq4j.emptyEnumerator();
                }
                Enumerable<Object> scanned = parents
                        ? scan.forParents(root, byMailbox.keySet())
                        : scan.forMailboxes(root, byMailbox.keySet());
                return new Joined(scanned.enumerator(), byMailbox);
            }
        };
    }

    /** Pairs each scanned row with the naming rows of its mailbox. */
    private final class Joined implements Enumerator<Object> {
        private final Enumerator<Object> scanned;
        private final Map<String, List<Object[]>> byMailbox;
        private Object[] scanRow;
        private Iterator<Object[]> partners = List.<Object[]>of().iterator();
        private Object current;

        Joined(Enumerator<Object> scanned, Map<String, List<Object[]>> byMailbox) {
            this.scanned = scanned;
            this.byMailbox = byMailbox;
        }

        @Override
        public Object current() {
            return current;
        }

        @Override
        public boolean moveNext() {
            while (true) {
                if (partners.hasNext()) {
                    current = combine(scanRow, partners.next());
                    return true;
                }
                if (!scanned.moveNext()) {
                    return false;
                }
                Object value = scanned.current();
                scanRow = value instanceof Object[] a ? a : new Object[] {value};
                Object mailbox = scanRow[mailboxField];
                List<Object[]> named = mailbox == null ? null : byMailbox.get(mailbox.toString());
                if (named == null) {
                    continue;
                }
                if (shape == ExchangeMailboxJoin.Shape.SCAN_ONLY) {
                    current = value;
                    return true;
                }
                partners = named.iterator();
            }
        }

        private Object combine(Object[] scanned, Object[] naming) {
            Object[] first = shape == ExchangeMailboxJoin.Shape.SCAN_THEN_NAMING ? scanned : naming;
            Object[] second = first == scanned ? naming : scanned;
            Object[] row = new Object[first.length + second.length];
            System.arraycopy(first, 0, row, 0, first.length);
            System.arraycopy(second, 0, row, first.length, second.length);
            return scalar ? row[0] : row;
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("a scan of Exchange cannot be rewound");
        }

        @Override
        public void close() {
            scanned.close();
        }
    }
}
