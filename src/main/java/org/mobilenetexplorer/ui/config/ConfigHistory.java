package org.mobilenetexplorer.ui.config;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * Undo and redo of the configuration (Edit menu). It watches {@link ConfigViewModel#configProperty()} and puts
 * every change on the undo stack, except while {@link ConfigViewModel#adjustingProperty()} is true (a slider being
 * dragged): the whole drag becomes one step, from where it started to where it ended. Undo and redo restore
 * through {@link ConfigViewModel#load}, so the knobs, the tables and the charts follow as for any change.
 * <p>
 * {@link #back()} is "back to the previous configuration": it makes the configuration before the current one
 * current again as a new step, so pressing it twice returns to where it started (like a TV's "last channel"),
 * while undo walks further back.
 */
public final class ConfigHistory {
    /** Steps kept; older ones are dropped. */
    public static final int LIMIT = 200;

    private final ConfigViewModel config;
    private final Deque<MobileNetConfig> undo = new ArrayDeque<>();
    private final Deque<MobileNetConfig> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo", false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo", false);
    /** The configuration when the current adjustment (slider drag) began; null while none is under way. */
    private MobileNetConfig adjustmentStart;
    private boolean restoring;

    public ConfigHistory(ConfigViewModel config) {
        this.config = config;
        config.configProperty().addListener((o, before, after) -> changed(before));
        config.adjustingProperty().addListener((o, was, now) -> {
            if (!now) {
                adjustmentEnded();
            }
        });
    }

    private void changed(MobileNetConfig before) {
        if (restoring) {
            return;
        }
        if (config.adjustingProperty().get()) {
            if (adjustmentStart == null) {
                adjustmentStart = before;
            }
            return;
        }
        record(before);
    }

    private void adjustmentEnded() {
        MobileNetConfig start = adjustmentStart;
        adjustmentStart = null;
        if (start != null && !start.equals(config.config())) {
            record(start);
        }
    }

    private void record(MobileNetConfig before) {
        undo.push(before);
        while (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        update();
    }

    /** Edit > Undo: the configuration before the last change; false when there is nothing to undo. */
    public boolean undo() {
        return move(undo, redo);
    }

    /** Edit > Redo: the change undone last, again; false when there is nothing to redo. */
    public boolean redo() {
        return move(redo, undo);
    }

    private boolean move(Deque<MobileNetConfig> from, Deque<MobileNetConfig> to) {
        adjustmentEnded();
        if (from.isEmpty()) {
            return false;
        }
        MobileNetConfig target = from.pop();
        to.push(config.config());
        restoring = true;
        try {
            config.load(target);
        } finally {
            restoring = false;
        }
        update();
        return true;
    }

    /**
     * Edit > Back to the previous configuration: the configuration before the current one becomes current, as a
     * new step (undoable); false when there was none.
     */
    public boolean back() {
        adjustmentEnded();
        if (undo.isEmpty()) {
            return false;
        }
        config.load(undo.peek());
        return true;
    }

    /** Forgets every step (the current configuration stays). */
    public void clear() {
        undo.clear();
        redo.clear();
        adjustmentStart = null;
        update();
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    /** True when {@link #undo()} (and {@link #back()}) has a configuration to go to. */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }
}
