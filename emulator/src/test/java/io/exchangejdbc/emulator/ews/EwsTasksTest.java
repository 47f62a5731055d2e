package io.exchangejdbc.emulator.ews;

import static io.exchangejdbc.emulator.ews.EwsClient.distinguished;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.TaskItem;
import io.exchangejdbc.emulator.store.TaskList;
import io.exchangejdbc.emulator.store.User;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tasks through EWS: CreateItem, FindItem with restriction and sort, GetItem, UpdateItem, DeleteItem. */
class EwsTasksTest {

    private static Emulator emu;
    private static User adele;
    private static TaskList tasks;
    private static EwsClient ews;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().seed(6).users(2).messagesPerUser(3).build().start();
        adele = emu.demoUser();
        tasks = emu.store().mailbox(adele.userPrincipalName()).tasks();
        ews = new EwsClient(emu).as(adele);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static String createTask(String subject, String due, String status) {
        return "<m:CreateItem MessageDisposition=\"SaveOnly\"><m:Items><t:Task>"
                + "<t:Subject>" + subject + "</t:Subject><t:DueDate>" + due + "</t:DueDate>"
                + "<t:Status>" + status + "</t:Status></t:Task></m:Items></m:CreateItem>";
    }

    private static TaskItem created(EwsClient.Reply r) {
        assertEquals("NoError", r.code(), r.body());
        String id = r.message().required("Items").required("Task").required("ItemId")
                .attr("Id");
        return tasks.task(EwsIds.toStore(id)).orElseThrow();
    }

    @Test
    void tasksAreCreatedFoundUpdatedAndDeleted() {
        TaskItem a = created(ews.call(createTask("File taxes", "2027-04-15T00:00:00Z",
                "NotStarted")));
        TaskItem b = created(ews.call(createTask("Book flights", "2026-12-10T00:00:00Z",
                "InProgress")));
        TaskItem c = created(ews.call(createTask("Renew passport", "2027-01-20T00:00:00Z",
                "Completed")));
        assertEquals(Instant.parse("2027-04-15T00:00:00Z"), a.dueDate());
        assertEquals(3, tasks.tasks().size());

        EwsClient.Reply found = ews.call("<m:FindItem Traversal=\"Shallow\"><m:ItemShape>"
                + "<t:BaseShape>Default</t:BaseShape></m:ItemShape><m:Restriction>"
                + "<t:IsEqualTo><t:FieldURI FieldURI=\"task:IsComplete\"/>"
                + "<t:FieldURIOrConstant><t:Constant Value=\"false\"/></t:FieldURIOrConstant>"
                + "</t:IsEqualTo></m:Restriction><m:SortOrder><t:FieldOrder Order=\"Ascending\">"
                + "<t:FieldURI FieldURI=\"task:DueDate\"/></t:FieldOrder></m:SortOrder>"
                + "<m:ParentFolderIds>" + distinguished("tasks") + "</m:ParentFolderIds>"
                + "</m:FindItem>");
        List<String> subjects = found.message().required("RootFolder").required("Items")
                .children("Task").stream().map(t -> t.childText("Subject")).toList();
        assertEquals(List.of("Book flights", "File taxes"), subjects);

        EwsClient.Reply got = ews.call("<m:GetItem><m:ItemShape><t:BaseShape>AllProperties"
                + "</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id=\""
                + EwsIds.toEws(c.id()) + "\"/></m:ItemIds></m:GetItem>");
        XmlElement task = got.message().required("Items").required("Task");
        assertEquals("Completed", task.childText("Status"));
        assertEquals("true", task.childText("IsComplete"));
        assertEquals("100", task.childText("PercentComplete"));

        EwsClient.Reply upd = ews.call("<m:UpdateItem ConflictResolution=\"AutoResolve\">"
                + "<m:ItemChanges><t:ItemChange><t:ItemId Id=\"" + EwsIds.toEws(a.id())
                + "\" ChangeKey=\"" + a.changeKey() + "\"/><t:Updates><t:SetItemField>"
                + "<t:FieldURI FieldURI=\"task:Status\"/><t:Task><t:Status>Completed"
                + "</t:Status></t:Task></t:SetItemField><t:DeleteItemField>"
                + "<t:FieldURI FieldURI=\"task:DueDate\"/></t:DeleteItemField></t:Updates>"
                + "</t:ItemChange></m:ItemChanges></m:UpdateItem>");
        assertEquals("NoError", upd.code(), upd.body());
        assertTrue(a.isComplete());
        assertEquals(null, a.dueDate());
        assertEquals(a.changeKey(), upd.message().required("Items").required("Task")
                .required("ItemId").attr("ChangeKey"));

        EwsClient.Reply del = ews.call("<m:DeleteItem DeleteType=\"HardDelete\"><m:ItemIds>"
                + "<t:ItemId Id=\"" + EwsIds.toEws(b.id()) + "\"/></m:ItemIds></m:DeleteItem>");
        assertEquals("NoError", del.code(), del.body());
        assertEquals(2, tasks.tasks().size());

        EwsClient.Reply folder = ews.call("<m:GetFolder><m:FolderShape><t:BaseShape>"
                + "AllProperties</t:BaseShape></m:FolderShape><m:FolderIds>"
                + distinguished("tasks") + "</m:FolderIds></m:GetFolder>");
        XmlElement f = folder.message().required("Folders").required("TasksFolder");
        assertEquals("IPF.Task", f.childText("FolderClass"));
        assertEquals("2", f.childText("TotalCount"));
    }

    @Test
    void invalidStatusIsASchemaFault() {
        EwsClient.Reply r = ews.call(createTask("Bad", "2027-01-01T00:00:00Z", "Someday"));
        assertEquals(500, r.status());
        assertEquals("ErrorSchemaValidation", r.faultCode());
    }
}
