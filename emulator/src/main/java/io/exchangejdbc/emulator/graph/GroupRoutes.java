package io.exchangejdbc.emulator.graph;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.emulator.graph.odata.ValueContext;
import io.exchangejdbc.emulator.http.Request;
import io.exchangejdbc.emulator.http.Response;
import io.exchangejdbc.emulator.store.Group;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The directory's groups on the Graph front: {@code /groups}, {@code /groups/{id}} and
 * {@code /groups/{id}/members} (the members, written as typed directory objects). Paged with
 * {@code $skiptoken} as the directory does.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/group-list">List groups</a>
 * @see <a href="https://learn.microsoft.com/graph/api/group-list-members">List group
 *     members</a>
 */
final class GroupRoutes {

    private static final Set<String> ROLES = Set.of("Group.Read.All", "Group.ReadWrite.All",
            "GroupMember.Read.All", "Directory.Read.All", "Directory.ReadWrite.All");

    private final GraphFront front;

    GroupRoutes(GraphFront front) {
        this.front = requireNonNull(front, "front");
    }

    /** Serves {@code segs}, the path below {@code /v1.0}, starting with {@code groups}. */
    void handle(Request request, Response response, Caller caller, List<String> segs)
            throws IOException {
        if (!caller.token().allowsAny(ROLES, ROLES)) {
            throw GraphError.directoryAccessDenied();
        }
        if (segs.size() == 1) {
            QueryOptions q = options(request, GroupModel.GROUP_TYPE);
            front.writeCollection(request, response, Preferences.of(request),
                    GraphFront.CollectionKind.GROUPS, GroupModel.GROUP,
                    GraphFront.shape(new ArrayList<Object>(caller.tenant().groups()), q), q,
                    "groups", ValueContext.DEFAULT, null);
            return;
        }
        String id = segs.get(1);
        Group group = caller.tenant().group(id).orElseThrow(() -> new GraphError(404,
                "Request_ResourceNotFound", "Resource '" + id + "' does not exist or one of its"
                        + " queried reference-property objects are not present."));
        if (segs.size() == 2) {
            QueryOptions q = options(request, GroupModel.GROUP_TYPE);
            front.writeEntity(request, response, null, GroupModel.GROUP, group, "groups", q,
                    ValueContext.DEFAULT, null);
            return;
        }
        if (segs.size() == 3 && segs.get(2).equalsIgnoreCase("members")) {
            QueryOptions q = options(request, GraphModel.USER_TYPE);
            front.writeCollection(request, response, Preferences.of(request),
                    GraphFront.CollectionKind.GROUP_MEMBERS, GroupModel.USER_MEMBER,
                    GraphFront.shape(new ArrayList<Object>(group.members()), q), q,
                    "directoryObjects", ValueContext.DEFAULT, null);
            return;
        }
        throw GraphError.segmentNotFound(segs.get(2));
    }

    private static QueryOptions options(Request request,
            io.exchangejdbc.emulator.graph.odata.StructuredType type) {
        QueryOptions q = QueryOptions.parse(request, type);
        GraphFront.checkExpand(q, type, Set.of());
        if (q.skip != null) {
            throw new GraphError(400, "Request_BadRequest",
                    "'$skip' is not supported by the service.");
        }
        if (q.search != null) {
            throw new GraphError(400, "Request_UnsupportedQuery",
                    "$search on groups is not supported by this emulator.");
        }
        return q;
    }
}
