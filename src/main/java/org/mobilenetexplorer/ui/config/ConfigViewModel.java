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
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.InvalidConfigException;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.ui.common.BackgroundTask;
import org.mobilenetexplorer.ui.common.Formats;
import org.mobilenetexplorer.ui.common.TaskExecutor;

/**
 * The knobs of the configuration panel as properties, and the one validated {@link MobileNetConfig} they make.
 * Every knob change rebuilds {@link #configProperty()} at once (live update); a value the model rejects is
 * refused here and named in {@link #errorProperty()}, the last valid configuration stays.
 *
 * <p>The family decides which knobs apply: rounding, blocks14, standard convolutions and activation are V1's
 * (V2 and V3 fix them as TF-Slim does), minimalistic is V3's. A knob that does not apply keeps its value (so going
 * back to V1 restores it) but is left out of the configuration, and {@link #v1OnlyReasonProperty()} /
 * {@link #minimalisticReasonProperty()} say why it is disabled. The sliders' ranges and stops follow the family
 * ({@link #rangesProperty()}).
 */
public final class ConfigViewModel {
    /** V1's slider stops (paper Table 6 widths and Table 7 resolutions); every family's in {@link KnobRanges}. */
    public static final List<Double> ALPHA_STOPS = KnobRanges.of(Family.V1).alphaStops();
    public static final List<Integer> RESOLUTION_STOPS = KnobRanges.of(Family.V1).resolutionStops();
    /** While a slider is dragged, alpha moves in steps of this size and resolution in steps of 8 px. */
    public static final double ALPHA_DRAG_STEP = 0.05;
    public static final int RESOLUTION_DRAG_STEP = 8;
    public static final double ALPHA_SLIDER_MIN = 0.25;
    public static final double ALPHA_SLIDER_MAX = 1.0;
    public static final int RESOLUTION_SLIDER_MIN = 96;
    public static final int RESOLUTION_SLIDER_MAX = 256;

    private final ObjectProperty<Family> family = new SimpleObjectProperty<>(this, "family", Family.V1);
    private final BooleanProperty minimalistic = new SimpleBooleanProperty(this, "minimalistic", false);
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

    private final ReadOnlyObjectWrapper<MobileNetConfig> config = new ReadOnlyObjectWrapper<>(this, "config",
            MobileNetConfig.DEFAULT);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper rhoText = new ReadOnlyStringWrapper(this, "rhoText", "");
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper(this, "label", "");
    private final ReadOnlyStringWrapper v1OnlyReason = new ReadOnlyStringWrapper(this, "v1OnlyReason", "");
    private final ReadOnlyStringWrapper minimalisticReason = new ReadOnlyStringWrapper(this, "minimalisticReason", "");
    private final ReadOnlyBooleanWrapper v1KnobsApply = new ReadOnlyBooleanWrapper(this, "v1KnobsApply", true);
    private final ReadOnlyBooleanWrapper minimalisticApplies = new ReadOnlyBooleanWrapper(this, "minimalisticApplies",
            false);
    private final ReadOnlyObjectWrapper<KnobRanges> ranges = new ReadOnlyObjectWrapper<>(this, "ranges",
            KnobRanges.of(Family.V1));
    private boolean loading;

    public ConfigViewModel() {
        family.addListener(o -> rebuild());
        minimalistic.addListener(o -> rebuild());
        alpha.addListener(o -> rebuild());
        resolution.addListener(o -> rebuild());
        classes.addListener(o -> rebuild());
        rounding.addListener(o -> rebuild());
        blocks14.addListener(o -> rebuild());
        standardConv.addListener(o -> rebuild());
        activation.addListener(o -> rebuild());
        rebuild();
    }

    private void rebuild() {
        if (loading) {
            return;
        }
        Family f = family.get() == null ? Family.V1 : family.get();
        applicability(f);
        try {
            boolean v1 = f == Family.V1;
            MobileNetConfig c = new MobileNetConfig(f, alpha.get(), resolution.get(), classes.get(),
                    v1 ? rounding.get() : ChannelRounding.SLIM,
                    v1 ? blocks14.get() : MobileNetConfig.MAX_BLOCKS14,
                    v1 && standardConv.get(),
                    v1 ? activation.get() : Activation.RELU6,
                    f.hasMinimalistic() && minimalistic.get());
            error.set("");
            config.set(c);
        } catch (InvalidConfigException e) {
            error.set(e.getMessage());
        }
        MobileNetConfig c = config.get();
        rhoText.set("rho = " + c.resolution() + " / 224 = " + Formats.fixed(c.rho(), 3));
        label.set(c.label());
    }

    /** Which knobs apply to {@code f}, why the others are disabled, and the sliders' ranges. */
    private void applicability(Family f) {
        boolean v1 = f == Family.V1;
        v1KnobsApply.set(v1);
        v1OnlyReason.set(v1 ? "" : "Applies to MobileNet v1 only: " + f.displayName() + " fixes its channel widths"
                + " (multiples of 8, TF-Slim's make_divisible), its depth and its activations as TF-Slim does.");
        minimalisticApplies.set(f.hasMinimalistic());
        minimalisticReason.set(f.hasMinimalistic() ? "" : "Applies to MobileNet v3-Large and v3-Small only: "
                + f.displayName() + " has no minimalistic variant.");
        ranges.set(KnobRanges.of(f));
    }

    /** Sets every knob from {@code c} (its family included) and rebuilds once. */
    public void load(MobileNetConfig c) {
        loading = true;
        try {
            family.set(c.family());
            minimalistic.set(c.minimalistic());
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

    /** The architecture family (V1 by default). */
    public ObjectProperty<Family> familyProperty() {
        return family;
    }

    /** V3's minimalistic variant (ignored for V1 and V2, see {@link #minimalisticAppliesProperty()}). */
    public BooleanProperty minimalisticProperty() {
        return minimalistic;
    }

    /** True when the family is V1, whose knobs rounding, blocks14, standard convolutions and activation apply. */
    public ReadOnlyBooleanProperty v1KnobsApplyProperty() {
        return v1KnobsApply.getReadOnlyProperty();
    }

    /** Why the V1-only knobs are disabled; empty when they apply. */
    public ReadOnlyStringProperty v1OnlyReasonProperty() {
        return v1OnlyReason.getReadOnlyProperty();
    }

    /** True when the family has a minimalistic variant (V3). */
    public ReadOnlyBooleanProperty minimalisticAppliesProperty() {
        return minimalisticApplies.getReadOnlyProperty();
    }

    /** Why the minimalistic check box is disabled; empty when it applies. */
    public ReadOnlyStringProperty minimalisticReasonProperty() {
        return minimalisticReason.getReadOnlyProperty();
    }

    /** The sliders' ranges and stops for the current family. */
    public ReadOnlyObjectProperty<KnobRanges> rangesProperty() {
        return ranges.getReadOnlyProperty();
    }

    /** Moves alpha to the next slider stop of the family in {@code direction} (+1 right, -1 left): arrow keys. */
    public void stepAlpha(int direction) {
        alpha.set(ranges.get().nextAlpha(alpha.get(), direction));
    }

    /** Moves the resolution to the next slider stop of the family in {@code direction}: arrow keys. */
    public void stepResolution(int direction) {
        resolution.set(ranges.get().nextResolution(resolution.get(), direction));
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
