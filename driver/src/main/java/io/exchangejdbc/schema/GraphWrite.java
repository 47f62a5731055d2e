package io.exchangejdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How rows of a table are created, changed and deleted in Microsoft Graph: the paths of the
 * create ({@code POST}), update ({@code PATCH}) and delete ({@code DELETE}) requests, the columns
 * an INSERT must give, and the columns that are accepted only when a row is created.
 *
 * <p>Paths are relative to the mailbox ({@code /me} or {@code /users/{UserId}}) for mailbox
 * tables and to the service root for directory tables; {@code {id}} stands for the row's key and
 * {@code {value}} for the value of a routing column. Besides {@code {id}}, {@code itemPath} may
 * name other columns ({@code groups/{groupId}/members/{id}/$ref}): each row's values of those
 * columns fill the path, and they are not sent in a body.
 *
 * @param createPath      collection that a POST creates a row in, or null when INSERT is refused
 * @param createRoutes    columns whose value on INSERT chooses another collection to create in
 *                        (for example {@code parentFolderId} -> {@code mailFolders/{value}/childFolders});
 *                        such a column is not sent in the body
 * @param itemPath        the row's own path, target of PATCH and DELETE ({@code messages/{id}}); it
 *                        may have no {@code {id}} for a singleton such as {@code mailboxSettings}
 * @param updatable       UPDATE is allowed
 * @param deletable       DELETE is allowed
 * @param requiredOnInsert groups of columns, one of each group must have a value on INSERT; a
 *                        name also matches the flattened columns under it
 * @param insertOnly      columns that may be given on INSERT but not changed by UPDATE
 * @param updateAlone     columns that only UPDATE may set, each in a request of its own (the
 *                        service refuses them on create and beside other properties)
 * @param referenceColumn the column whose value an INSERT sends as a reference to an existing
 *                        object ({@code {"@odata.id": "{GraphUrl}/v1.0/" + referenceTemplate}}),
 *                        the whole body, as adding a member to a group does; null otherwise
 * @param referenceTemplate path of the referenced object below {@code /v1.0}, {@code {value}}
 *                        standing for the column's value ({@code directoryObjects/{value}})
 * @param docUrl          the Microsoft documentation page of the create or update operation
 */
public record GraphWrite(
        String createPath,
        Map<String, String> createRoutes,
        String itemPath,
        boolean updatable,
        boolean deletable,
        List<List<String>> requiredOnInsert,
        Set<String> insertOnly,
        Set<String> updateAlone,
        String referenceColumn,
        String referenceTemplate,
        String docUrl) {

    public GraphWrite {
        createRoutes = caseInsensitive(requireNonNull(createRoutes, "createRoutes"));
        requiredOnInsert = List.copyOf(requireNonNull(requiredOnInsert, "requiredOnInsert"));
        Set<String> only = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        only.addAll(requireNonNull(insertOnly, "insertOnly"));
        insertOnly = java.util.Collections.unmodifiableSet(only);
        Set<String> alone = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        alone.addAll(requireNonNull(updateAlone, "updateAlone"));
        updateAlone = java.util.Collections.unmodifiableSet(alone);
        requireNonNull(docUrl, "docUrl");
        if ((referenceColumn == null) != (referenceTemplate == null)) {
            throw new IllegalArgumentException("a reference needs its column and its path");
        }
        if ((updatable || deletable) && itemPath == null) {
            throw new IllegalArgumentException("an updatable or deletable table needs itemPath");
        }
    }

    private static Map<String, String> caseInsensitive(Map<String, String> routes) {
        Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        m.putAll(routes);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The columns other than {@code id} whose values fill {@code itemPath}, in order of
     * appearance; empty when there are none.
     */
    public List<String> pathColumns() {
        List<String> out = new java.util.ArrayList<>();
        if (itemPath == null) {
            return out;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([A-Za-z_]+)}")
                .matcher(itemPath);
        while (m.find()) {
            if (!m.group(1).equals("id") && !m.group(1).equals("value")) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** Whether the column fills the item path rather than a body. */
    public boolean isPathColumn(String column) {
        for (String c : pathColumns()) {
            if (c.equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    /** Whether INSERT is allowed. */
    public boolean insertable() {
        return createPath != null;
    }

    /** The path template chosen by a routing column on INSERT, or null. */
    public String createRoute(String column) {
        return createRoutes.get(column);
    }

    /** Whether a required-column name covers the column (itself or a flattened part of it). */
    public static boolean covers(String required, String column) {
        String r = required.toLowerCase(Locale.ROOT);
        String c = column.toLowerCase(Locale.ROOT);
        return c.equals(r) || c.startsWith(r + "_");
    }

    /** Starts the declaration of a table's writes. */
    public static Builder builder(String docUrl) {
        return new Builder(docUrl);
    }

    /** Collects the parts of a {@link GraphWrite} declaration. */
    public static final class Builder {
        private final String docUrl;
        private String createPath;
        private final Map<String, String> routes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private String itemPath;
        private boolean updatable;
        private boolean deletable;
        private final List<List<String>> required = new java.util.ArrayList<>();
        private final Set<String> insertOnly = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        private final Set<String> updateAlone = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        private String referenceColumn;
        private String referenceTemplate;

        private Builder(String docUrl) {
            this.docUrl = requireNonNull(docUrl, "docUrl");
        }

        /** INSERT posts to this collection. */
        public Builder create(String path) {
            this.createPath = requireNonNull(path, "path");
            return this;
        }

        /** On INSERT, a value of {@code column} posts to {@code pathTemplate} instead. */
        public Builder createRoute(String column, String pathTemplate) {
            routes.put(column, pathTemplate);
            return this;
        }

        /** UPDATE patches {@code path}. */
        public Builder update(String path) {
            this.itemPath = requireNonNull(path, "path");
            this.updatable = true;
            return this;
        }

        /** DELETE deletes {@code path}. */
        public Builder delete(String path) {
            this.itemPath = requireNonNull(path, "path");
            this.deletable = true;
            return this;
        }

        /** INSERT must give a value to at least one of these columns. */
        public Builder requireOneOf(String... columns) {
            required.add(List.of(columns));
            return this;
        }

        /** INSERT must give a value to each of these columns. */
        public Builder require(String... columns) {
            for (String c : columns) {
                required.add(List.of(c));
            }
            return this;
        }

        /** Columns that only INSERT may set. */
        public Builder insertOnly(String... columns) {
            insertOnly.addAll(List.of(columns));
            return this;
        }

        /** Columns that only UPDATE may set, and only without other columns. */
        public Builder updateAlone(String... columns) {
            updateAlone.addAll(List.of(columns));
            return this;
        }

        /**
         * INSERT sends the value of {@code column} as a reference to the object at
         * {@code pathTemplate} ({@code directoryObjects/{value}}), and nothing else.
         */
        public Builder reference(String column, String pathTemplate) {
            this.referenceColumn = requireNonNull(column, "column");
            this.referenceTemplate = requireNonNull(pathTemplate, "pathTemplate");
            return this;
        }

        /** The declaration. */
        public GraphWrite build() {
            return new GraphWrite(createPath, routes, itemPath, updatable, deletable, required,
                    insertOnly, updateAlone, referenceColumn, referenceTemplate, docUrl);
        }
    }
}
