package io.exchangejdbc.emulator.graph;

import io.exchangejdbc.emulator.graph.odata.StructuredType;
import io.exchangejdbc.emulator.identity.AccessToken;
import io.exchangejdbc.emulator.store.Group;
import io.exchangejdbc.emulator.store.Tenant;
import io.exchangejdbc.emulator.store.User;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The write side of the directory's groups: {@code POST /groups}, {@code PATCH} and
 * {@code DELETE /groups/{id}}, and the members' references ({@code POST
 * /groups/{id}/members/$ref}, {@code DELETE /groups/{id}/members/{id}/$ref}), with the
 * directory's checks and error format: required properties of a new group, read-only
 * properties, properties the service takes only in a PATCH of their own, mail aliases used
 * twice, unknown groups and members. Each request is checked whole before anything changes.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/group-post-groups">Create group</a>
 * @see <a href="https://learn.microsoft.com/graph/api/group-update">Update group</a>
 * @see <a href="https://learn.microsoft.com/graph/api/group-delete">Delete group</a>
 * @see <a href="https://learn.microsoft.com/graph/api/group-post-members">Add members</a>
 * @see <a href="https://learn.microsoft.com/graph/api/group-delete-members">Remove member</a>
 */
final class GroupWrites {

    private static final Set<String> WRITE_ROLES = Set.of("Group.ReadWrite.All",
            "Directory.ReadWrite.All");
    private static final Set<String> CREATE_ROLES = Set.of("Group.Create",
            "Group.ReadWrite.All", "Directory.ReadWrite.All");
    private static final Set<String> MEMBER_ROLES = Set.of("GroupMember.ReadWrite.All",
            "Group.ReadWrite.All", "Directory.ReadWrite.All");
    private static final List<String> REQUIRED = List.of("displayName", "mailEnabled",
            "mailNickname", "securityEnabled");
    private static final Set<String> READ_ONLY = Set.of("id", "createdDateTime",
            "deletedDateTime", "expirationDateTime", "renewedDateTime", "mail", "proxyAddresses",
            "onPremisesDomainName", "onPremisesLastSyncDateTime", "onPremisesNetBiosName",
            "onPremisesSamAccountName", "onPremisesSecurityIdentifier", "onPremisesSyncEnabled",
            "onPremisesProvisioningErrors", "serviceProvisioningErrors", "securityIdentifier",
            "assignedLicenses", "hasMembersWithLicenseErrors", "licenseProcessingState",
            "isArchived", "isFavorite", "unseenConversationsCount", "unseenMessagesCount",
            "organizationId", "accessType", "isManagementRestricted");
    /** group-update: each of these in a PATCH of its own; never in a POST. */
    private static final Set<String> ALONE = Set.of("allowExternalSenders",
            "autoSubscribeNewMembers", "hideFromAddressLists", "hideFromOutlookClients",
            "isSubscribedByMail", "unseenCount");
    /** Characters Entra refuses in a mail alias. */
    private static final String NICKNAME_FORBIDDEN = "@()\\[]\";:.<>, ";

    private GroupWrites() {
    }

    /** Serves a write below {@code /groups}; {@code segs} starts with {@code groups}. */
    static GraphWrites.Result apply(Caller caller, String method, List<String> segs,
            Map<String, Object> body, String baseUrl, Clock clock) {
        Tenant tenant = caller.tenant();
        if (segs.size() == 1) {
            if (!method.equals("POST")) {
                throw GraphWrites.notAllowed(method);
            }
            authorize(caller, CREATE_ROLES);
            return create(tenant, body, baseUrl, clock);
        }
        String id = segs.get(1);
        boolean members = segs.size() >= 3 && segs.get(2).equalsIgnoreCase("members");
        authorize(caller, members ? MEMBER_ROLES : WRITE_ROLES);
        Group group = tenant.group(id).orElseThrow(() -> notFound(id));
        if (segs.size() == 2) {
            switch (method) {
                case "PATCH":
                    tenant.replaceGroup(edited(tenant, group, body));
                    return new GraphWrites.Result(204, null);
                case "DELETE":
                    tenant.removeGroup(group.id());
                    return new GraphWrites.Result(204, null);
                default:
                    throw GraphWrites.notAllowed(method);
            }
        }
        if (members && segs.size() == 4 && segs.get(3).equals("$ref")
                && method.equals("POST")) {
            return addMember(tenant, group, body);
        }
        if (members && segs.size() == 5 && segs.get(4).equals("$ref")
                && method.equals("DELETE")) {
            return removeMember(tenant, group, segs.get(3));
        }
        if (members && segs.size() >= 4) {
            throw GraphWrites.notAllowed(method);
        }
        throw GraphError.segmentNotFound(segs.get(segs.size() - 1));
    }

    private static void authorize(Caller caller, Set<String> allowed) {
        AccessToken t = caller.token();
        if (!t.allowsAny(allowed, allowed)) {
            throw GraphError.directoryAccessDenied();
        }
    }

    static GraphError notFound(String id) {
        return new GraphError(404, "Request_ResourceNotFound", "Resource '" + id
                + "' does not exist or one of its queried reference-property objects are not"
                + " present.");
    }

    private static GraphError invalid(String property) {
        return new GraphError(400, "Request_BadRequest", "Invalid value specified for property '"
                + property + "' of resource 'Group'.");
    }

    // ---- create and update

    /** The properties a body sets, checked; {@code create} is true for a POST. */
    private static final class Changes {
        String displayName;
        String description;
        boolean descriptionGiven;
        String mailNickname;
        List<String> groupTypes;
        Boolean mailEnabled;
        Boolean securityEnabled;
        String visibility;
        boolean visibilityGiven;
        final Map<String, Object> options = new java.util.HashMap<>();
    }

    private static Changes read(Map<String, Object> body, boolean create) {
        Changes c = new Changes();
        StructuredType type = GroupModel.GROUP_TYPE;
        List<String> given = new ArrayList<>();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String p = e.getKey();
            Object v = e.getValue();
            if (p.startsWith("@odata.")) {
                continue;
            }
            if (type.property(p) == null) {
                throw new GraphError(400, "Request_BadRequest", "Property '" + p
                        + "' does not exist on type 'microsoft.graph.group'.");
            }
            if (READ_ONLY.contains(p)) {
                throw new GraphError(400, "Request_BadRequest", "Property '" + p
                        + "' is read-only and cannot be set.");
            }
            given.add(p);
            switch (p) {
                case "displayName":
                    if (!(v instanceof String s) || s.isBlank()) {
                        throw invalid(p);
                    }
                    c.displayName = s;
                    break;
                case "description":
                    if (v != null && !(v instanceof String)) {
                        throw invalid(p);
                    }
                    c.description = (String) v;
                    c.descriptionGiven = true;
                    break;
                case "mailNickname":
                    if (!(v instanceof String s) || s.isEmpty() || s.length() > 64
                            || s.chars().anyMatch(ch -> ch > 127
                                    || NICKNAME_FORBIDDEN.indexOf(ch) >= 0)) {
                        throw invalid(p);
                    }
                    c.mailNickname = s;
                    break;
                case "groupTypes":
                    c.groupTypes = groupTypes(v);
                    break;
                case "mailEnabled":
                    if (!(v instanceof Boolean b)) {
                        throw invalid(p);
                    }
                    c.mailEnabled = b;
                    break;
                case "securityEnabled":
                    if (!(v instanceof Boolean b)) {
                        throw invalid(p);
                    }
                    c.securityEnabled = b;
                    break;
                case "visibility":
                    c.visibility = visibility(v);
                    c.visibilityGiven = true;
                    break;
                default:
                    if (ALONE.contains(p)) {
                        if (create) {
                            throw new GraphError(400, "Request_BadRequest", "Property '" + p
                                    + "' cannot be set when a group is created; set it with a"
                                    + " PATCH of its own.");
                        }
                        boolean count = p.equals("unseenCount");
                        if (count ? !(v instanceof Integer n && n >= 0)
                                : !(v instanceof Boolean)) {
                            throw invalid(p);
                        }
                        c.options.put(p, v);
                        break;
                    }
                    throw new GraphError(400, "Request_BadRequest", "Setting property '" + p
                            + "' is not supported by this emulator.");
            }
        }
        for (String p : given) {
            if (ALONE.contains(p) && given.size() > 1) {
                throw new GraphError(400, "Request_BadRequest", "Property '" + p + "' must be"
                        + " updated in a request of its own, without other properties.");
            }
        }
        return c;
    }

    private static List<String> groupTypes(Object v) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw invalid("groupTypes");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw invalid("groupTypes");
            }
            if (!s.equalsIgnoreCase("Unified")) {
                // DynamicMembership needs a membership rule, which the emulator does not keep
                throw new GraphError(400, "Request_BadRequest", "Group type '" + s
                        + "' is not supported by this emulator.");
            }
            if (!out.contains("Unified")) {
                out.add("Unified");
            }
        }
        return out;
    }

    private static String visibility(Object v) {
        if (v == null) {
            return null;
        }
        for (String known : List.of("Public", "Private", "HiddenMembership")) {
            if (v instanceof String s && s.equalsIgnoreCase(known)) {
                return known;
            }
        }
        throw invalid("visibility");
    }

    private static void checkNickname(Tenant tenant, String nickname, Group self) {
        for (Group g : tenant.groups()) {
            if (g != self && nickname.equalsIgnoreCase(g.mailNickname())) {
                throw new GraphError(400, "Request_BadRequest", "Another object with the same"
                        + " value for property mailNickname already exists.");
            }
        }
    }

    private static GraphWrites.Result create(Tenant tenant, Map<String, Object> body,
            String baseUrl, Clock clock) {
        for (String p : REQUIRED) {
            if (body.get(p) == null) {
                throw new GraphError(400, "Request_BadRequest", "A value is required for"
                        + " property '" + p + "' of resource 'Group'.");
            }
        }
        Changes c = read(body, true);
        List<String> types = c.groupTypes == null ? List.of() : c.groupTypes;
        boolean unified = types.contains("Unified");
        if (c.mailEnabled && !unified) {
            throw new GraphError(400, "Request_BadRequest", "Cannot create a mail-enabled"
                    + " security groups and or distribution list.");
        }
        if (!unified && !c.securityEnabled) {
            throw new GraphError(400, "Request_BadRequest", "A group that is not a Microsoft 365"
                    + " group must be security-enabled.");
        }
        if ("HiddenMembership".equals(c.visibility) && !unified) {
            throw invalid("visibility");
        }
        checkNickname(tenant, c.mailNickname, null);
        Group g = new Group(UUID.randomUUID().toString(), c.displayName, c.description,
                unified && c.mailEnabled ? c.mailNickname.toLowerCase(Locale.ROOT) + "@"
                        + tenant.domain() : null,
                c.mailNickname, types, c.mailEnabled, c.securityEnabled,
                unified ? (c.visibility == null ? "Public" : c.visibility) : c.visibility,
                clock.instant(), List.of());
        tenant.addGroup(g);
        return new GraphWrites.Result(201, GraphWrites.entity(GroupModel.GROUP, g,
                baseUrl + "/v1.0/$metadata#groups/$entity"));
    }

    private static Group edited(Tenant tenant, Group old, Map<String, Object> body) {
        Changes c = read(body, false);
        if (c.mailEnabled != null && c.mailEnabled != old.mailEnabled()) {
            throw new GraphError(400, "Request_BadRequest", "Property 'mailEnabled' cannot be"
                    + " changed once the group exists.");
        }
        List<String> types = c.groupTypes == null ? old.groupTypes() : c.groupTypes;
        if (c.groupTypes != null && !types.equals(old.groupTypes())) {
            throw new GraphError(400, "Request_BadRequest", "Changing whether a group is a"
                    + " Microsoft 365 group is not supported.");
        }
        if ("HiddenMembership".equals(c.visibility)) {
            // only a new Microsoft 365 group can hide its members
            throw invalid("visibility");
        }
        if (!c.options.isEmpty() && !old.groupTypes().contains("Unified")) {
            throw new GraphError(400, "Request_BadRequest", "Property '"
                    + c.options.keySet().iterator().next() + "' is supported only for"
                    + " Microsoft 365 groups.");
        }
        Map<String, Object> options = new java.util.HashMap<>(old.options());
        options.putAll(c.options);
        String nickname = c.mailNickname == null ? old.mailNickname() : c.mailNickname;
        if (c.mailNickname != null) {
            checkNickname(tenant, nickname, old);
        }
        String mail = old.mail();
        if (c.mailNickname != null && mail != null) {
            mail = nickname.toLowerCase(Locale.ROOT) + "@" + tenant.domain();
        }
        return new Group(old.id(), c.displayName == null ? old.displayName() : c.displayName,
                c.descriptionGiven ? c.description : old.description(), mail, nickname, types,
                old.mailEnabled(),
                c.securityEnabled == null ? old.securityEnabled() : c.securityEnabled,
                c.visibilityGiven ? c.visibility : old.visibility(), old.createdDateTime(),
                old.members(), options);
    }

    // ---- members

    private static GraphWrites.Result addMember(Tenant tenant, Group group,
            Map<String, Object> body) {
        Object ref = body.get("@odata.id");
        for (String p : body.keySet()) {
            if (!p.equals("@odata.id")) {
                throw new GraphError(400, "Request_BadRequest", "Property '" + p
                        + "' is not expected in a reference; give only @odata.id.");
            }
        }
        if (!(ref instanceof String url) || url.isBlank()) {
            throw new GraphError(400, "Request_BadRequest", "Invalid object identifier"
                    + " '" + ref + "'.");
        }
        String id = url.substring(url.lastIndexOf('/') + 1);
        int paren = id.indexOf('(');
        if (paren >= 0) {
            id = id.substring(paren + 1).replace(")", "").replace("'", "");
        }
        String key = id;
        User user = tenant.user(key).orElseThrow(() -> notFound(key));
        for (User m : group.members()) {
            if (m.id().equals(user.id())) {
                throw new GraphError(400, "Request_BadRequest", "One or more added object"
                        + " references already exist for the following modified properties:"
                        + " 'members'.");
            }
        }
        List<User> members = new ArrayList<>(group.members());
        members.add(user);
        tenant.replaceGroup(withMembers(group, members));
        return new GraphWrites.Result(204, null);
    }

    private static GraphWrites.Result removeMember(Tenant tenant, Group group, String memberId) {
        List<User> members = new ArrayList<>(group.members());
        if (!members.removeIf(u -> u.id().equalsIgnoreCase(memberId))) {
            throw notFound(memberId);
        }
        tenant.replaceGroup(withMembers(group, members));
        return new GraphWrites.Result(204, null);
    }

    private static Group withMembers(Group g, List<User> members) {
        return new Group(g.id(), g.displayName(), g.description(), g.mail(), g.mailNickname(),
                g.groupTypes(), g.mailEnabled(), g.securityEnabled(), g.visibility(),
                g.createdDateTime(), members, g.options());
    }
}
