package org.mobilenetexplorer.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The shared table behaviour: sizing to content, selection, Ctrl+C, the context menu and CSV export. */
@ExtendWith(ApplicationExtension.class)
class TablesTest {
    record Row(String name, String value) {
    }

    @TempDir
    Path dir;
    private TableView<Row> table;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        table.getColumns().add(Controls.textColumn("Name", "the name", Row::name, 100));
        table.getColumns().add(Controls.textColumn("Value", "the value", Row::value, 100));
        table.getItems().setAll(new Row("a", "1"), new Row("b, with comma", "2"), new Row("c", "3"));
        Tables.install(table, "rows");
        StackPane root = new StackPane(table);
        root.getProperties().put(Tables.DIALOGS, dialogs);
        stage.setScene(new Scene(root, 600, 300));
        stage.show();
    }

    @Test
    void columnsGrowToTheirWidestTextAndNeverShrinkBelowTheDesignedWidth(FxRobot robot) {
        String big = "71,941,427,200 MACs (71,941.43 M)";
        robot.interact(() -> table.getItems().add(new Row("d", big)));
        TableColumn<Row, ?> value = table.getColumns().get(1);
        assertTrue(value.getPrefWidth() >= Tables.textWidth(big, Font.getDefault()), value.getPrefWidth() + "");
        robot.interact(() -> table.getItems().remove(3));
        assertEquals(100.0, value.getPrefWidth(), "back to the designed width once the long text is gone");
    }

    @Test
    void ctrlCCopiesTheSelectedRowsTabSeparatedWithHeaders(FxRobot robot) {
        robot.interact(() -> {
            table.getSelectionModel().selectIndices(2, 0);
            table.requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertEquals("Name\tValue\na\t1\nc\t3\n", copied[0]);
    }

    @Test
    void theContextMenuCopiesAllAndExportsCsv(FxRobot robot) throws Exception {
        List<String> items = table.getContextMenu().getItems().stream().map(MenuItem::getText)
                .filter(t -> t != null).toList();
        assertEquals(List.of("Copy", "Copy all", "Export CSV..."), items);
        robot.interact(() -> table.getContextMenu().getItems().get(1).fire());
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertEquals("Name\tValue\na\t1\nb, with comma\t2\nc\t3\n", copied[0]);

        dialogs.save = dir.resolve("rows.csv");
        robot.interact(() -> table.getContextMenu().getItems().get(3).fire());
        assertEquals("Name,Value\na,1\n\"b, with comma\",2\nc,3\n", Files.readString(dialogs.save));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
