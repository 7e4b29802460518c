package org.mobilenetexplorer.ui.config;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mobilenetexplorer.model.Activation;
import org.mobilenetexplorer.model.ChannelRounding;
import org.mobilenetexplorer.model.InvalidConfigException;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.Precision;
import org.mobilenetexplorer.ui.common.BackgroundTask;
import org.mobilenetexplorer.ui.common.Formats;
import org.mobilenetexplorer.ui.common.PrecisionChoice;
import org.mobilenetexplorer.ui.common.TaskExecutor;

/**
 * The knobs of the configuration panel as properties, and the one validated {@link MobileNetConfig} they make.
 * Every knob change rebuilds {@link #configProperty()} at once (live update); a value the model rejects is
 * refused here and named in {@link #errorProperty()}, the last valid configuration stays.
 */
public final class ConfigViewModel {
    /** Slider stops (paper Table 6 widths and Table 7 resolutions). */
    public static final List<Double> ALPHA_STOPS = List.of(0.25, 0.5, 0.75, 1.0);
    public static final List<Integer> RESOLUTION_STOPS = List.of(128, 160, 192, 224);
    /** While a slider is dragged, alpha moves in steps of this size and resolution in steps of 8 px. */
    public static final double ALPHA_DRAG_STEP = 0.05;
    public static final int RESOLUTION_DRAG_STEP = 8;
    public static final double ALPHA_SLIDER_MIN = 0.25;
    public static final double ALPHA_SLIDER_MAX = 1.0;
    public static final int RESOLUTION_SLIDER_MIN = 96;
    public static final int RESOLUTION_SLIDER_MAX = 256;

    private final DoubleProperty alpha = new SimpleDoubleProperty(this, "alpha", 1.0);
    private final IntegerProperty resolution = new SimpleIntegerProperty(this, "resolution", 224);
    private final IntegerProperty classes = new SimpleIntegerProperty(this, "classes", 1000);
    private final ObjectProperty<ChannelRounding> rounding = new SimpleObjectProperty<>(this, "rounding",
            ChannelRounding.SLIM);
    private final IntegerProperty blocks14 = new SimpleIntegerProperty(this, "blocks14", MobileNetConfig.MAX_BLOCKS14);
    private final BooleanProperty standardConv = new SimpleBooleanProperty(this, "standardConv", false);
    private final ObjectProperty<Activation> activation = new SimpleObjectProperty<>(this, "activation",
            Activation.RELU6);
    private final StringProperty backend = new SimpleStringProperty(this, "backend", ConfigSettings.DEFAULT_BACKEND);
    private final ObservableList<String> backends = FXCollections.observableArrayList();
    private final ObjectProperty<Precision> precision = new SimpleObjectProperty<>(this, "precision", Precision.FP32);

    private final ReadOnlyObjectWrapper<MobileNetConfig> config = new ReadOnlyObjectWrapper<>(this, "config",
            MobileNetConfig.DEFAULT);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper rhoText = new ReadOnlyStringWrapper(this, "rhoText", "");
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper(this, "label", "");
    private final BooleanProperty adjusting = new SimpleBooleanProperty(this, "adjusting", false);
    private boolean loading;

    public ConfigViewModel() {
        alpha.addListener(o -> rebuild());
        resolution.addListener(o -> rebuild());
        classes.addListener(o -> rebuild());
        rounding.addListener(o -> rebuild());
        blocks14.addListener(o -> rebuild());
        standardConv.addListener(o -> rebuild());
        activation.addListener(o -> rebuild());
        keepPrecisionRunnable();
        rebuild();
    }

    /** A backend that cannot run the chosen precision (DL4J with INT8) turns the choice back to FP32. */
    private void keepPrecisionRunnable() {
        Runnable check = () -> {
            if (!PrecisionChoice.refusal(backend.get(), precision.get()).isEmpty()) {
                precision.set(Precision.FP32);
            }
        };
        backend.addListener(o -> check.run());
        precision.addListener(o -> check.run());
    }

    /** FP32 or INT8 for benchmarks (INT8 runs on onnxruntime only). */
    public ObjectProperty<Precision> precisionProperty() {
        return precision;
    }

    private void rebuild() {
        if (loading) {
            return;
        }
        try {
            MobileNetConfig c = new MobileNetConfig(alpha.get(), resolution.get(), classes.get(), rounding.get(),
                    blocks14.get(), standardConv.get(), activation.get());
            error.set("");
            config.set(c);
        } catch (InvalidConfigException e) {
            error.set(e.getMessage());
        }
        MobileNetConfig c = config.get();
        rhoText.set("rho = " + c.resolution() + " / 224 = " + Formats.fixed(c.rho(), 3));
        label.set(c.label());
    }

    /** Sets every knob from {@code c} and rebuilds once. */
    public void load(MobileNetConfig c) {
        loading = true;
        try {
            alpha.set(c.alpha());
            resolution.set(c.resolution());
            classes.set(c.classes());
            rounding.set(c.rounding());
            blocks14.set(c.blocks14());
            standardConv.set(c.standardConv());
            activation.set(c.activation());
        } finally {
            loading = false;
        }
        rebuild();
    }

    /** Configuration > Reset: the paper's baseline 1.0-224. */
    public void reset() {
        load(MobileNetConfig.DEFAULT);
    }

    /**
     * Lists the inference backends with {@code finder} off the JavaFX thread, then chooses {@code preferred} when
     * it is among them, else the first; with none, the backend becomes null and {@code status} says why.
     */
    public void loadBackends(TaskExecutor executor, Callable<List<String>> finder, String preferred,
                             Consumer<String> status) {
        executor.execute(BackgroundTask.of(finder)
                .onSuccess(ids -> {
                    backends.setAll(ids);
                    if (backends.contains(preferred)) {
                        backend.set(preferred);
                    } else if (!backends.isEmpty()) {
                        backend.set(backends.get(0));
                    } else {
                        backend.set(null);
                        status.accept("No inference backend on the class path: the Benchmark view cannot measure.");
                    }
                })
                .onFailure(e -> status.accept("Backends could not be listed: " + e.getMessage())));
    }

    /** The alpha a slider at {@code raw} stands for: the nearest multiple of {@link #ALPHA_DRAG_STEP}. */
    public double alphaForSlider(double raw) {
        double snapped = Math.round(raw / ALPHA_DRAG_STEP) * ALPHA_DRAG_STEP;
        return Math.round(snapped * 1000) / 1000.0;
    }

    /** The resolution a slider at {@code raw} stands for: the nearest multiple of 8 px. */
    public int resolutionForSlider(double raw) {
        return (int) (Math.round(raw / RESOLUTION_DRAG_STEP) * RESOLUTION_DRAG_STEP);
    }

    /**
     * Parses a typed alpha. Out of range or not a number: empty, and the reason (field and value) in
     * {@link #errorProperty()}.
     */
    public Optional<Double> parseAlpha(String text) {
        try {
            double a = Double.parseDouble(text.trim());
            config.get().withAlpha(a);
            error.set("");
            return Optional.of(a);
        } catch (NumberFormatException e) {
            error.set("alpha = " + text + ": not a number");
        } catch (InvalidConfigException e) {
            error.set(e.getMessage());
        }
        return Optional.empty();
    }

    /** Parses a typed integer knob ({@code resolution}, {@code classes}, {@code blocks14}) the same way. */
    public Optional<Integer> parseInt(String field, String text) {
        try {
            int v = Integer.parseInt(text.trim());
            MobileNetConfig c = config.get();
            switch (field) {
                case "resolution" -> c.withResolution(v);
                case "classes" -> c.withClasses(v);
                case "blocks14" -> c.withBlocks14(v);
                default -> throw new IllegalArgumentException("unknown field " + field);
            }
            error.set("");
            return Optional.of(v);
        } catch (NumberFormatException e) {
            error.set(field + " = " + text + ": not an integer");
        } catch (InvalidConfigException e) {
            error.set(e.getMessage());
        }
        return Optional.empty();
    }

    public DoubleProperty alphaProperty() {
        return alpha;
    }

    public IntegerProperty resolutionProperty() {
        return resolution;
    }

    public IntegerProperty classesProperty() {
        return classes;
    }

    public ObjectProperty<ChannelRounding> roundingProperty() {
        return rounding;
    }

    public IntegerProperty blocks14Property() {
        return blocks14;
    }

    public BooleanProperty standardConvProperty() {
        return standardConv;
    }

    public ObjectProperty<Activation> activationProperty() {
        return activation;
    }

    /**
     * True while the user is still moving a knob (a slider being dragged): the configuration updates live, and
     * {@link ConfigHistory} makes the whole movement one undo step.
     */
    public BooleanProperty adjustingProperty() {
        return adjusting;
    }

    public StringProperty backendProperty() {
        return backend;
    }

    /** Ids of the inference backends found on the class path. */
    public ObservableList<String> backends() {
        return backends;
    }

    public ReadOnlyObjectProperty<MobileNetConfig> configProperty() {
        return config.getReadOnlyProperty();
    }

    public MobileNetConfig config() {
        return config.get();
    }

    /** Inline message for a rejected input, empty when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rhoTextProperty() {
        return rhoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }
}
