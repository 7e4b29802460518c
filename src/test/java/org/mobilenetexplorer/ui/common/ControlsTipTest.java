package org.mobilenetexplorer.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Tooltips built when the pointer first enters the node, not with the view (start-up time). */
@ExtendWith(ApplicationExtension.class)
class ControlsTipTest {
    private Label label;
    private Rectangle box;

    @Start
    void start(Stage stage) {
        label = new Label("MACs");
        box = new Rectangle(40, 40);
        stage.setScene(new Scene(new HBox(label, box), 300, 100));
        stage.show();
    }

    private static void enter(javafx.scene.Node n) {
        Event.fireEvent(n, new MouseEvent(MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1, MouseButton.NONE, 0, false, false,
                false, false, false, false, false, false, false, false, null));
    }

    @Test
    void aControlsTooltipIsBuiltOnFirstEntryAndUpdatedInPlace(FxRobot robot) {
        robot.interact(() -> Controls.tip(label, "Sum of every layer's multiply-adds"));
        assertNull(label.getTooltip(), "no Tooltip before the pointer comes");
        assertEquals("Sum of every layer's multiply-adds", Controls.tipText(label));
        robot.interact(() -> enter(label));
        Tooltip built = label.getTooltip();
        assertNotNull(built);
        assertEquals("Sum of every layer's multiply-adds", built.getText());
        assertEquals(420, built.getMaxWidth());
        robot.interact(() -> Controls.tip(label, "changed"));
        assertSame(built, label.getTooltip(), "updated, not rebuilt");
        assertEquals("changed", label.getTooltip().getText());
        robot.interact(() -> Controls.tip(label, null));
        assertNull(label.getTooltip());
        assertNull(Controls.tipText(label));
        robot.interact(() -> enter(label));
        assertNull(label.getTooltip(), "removed stays removed");
    }

    @Test
    void aShapesTooltipIsInstalledOnFirstEntry(FxRobot robot) {
        robot.interact(() -> Controls.tip(box, "expanded_conv_3 (inverted residual)"));
        assertNull(box.getProperties().get(Tooltip.class));
        robot.interact(() -> enter(box));
        Tooltip t = (Tooltip) box.getProperties().get(Tooltip.class);
        assertEquals("expanded_conv_3 (inverted residual)", t.getText());
        assertEquals("expanded_conv_3 (inverted residual)", Controls.tipText(box));
        robot.interact(() -> Controls.tip(box, null));
        assertNull(Controls.tipText(box));
    }
}
