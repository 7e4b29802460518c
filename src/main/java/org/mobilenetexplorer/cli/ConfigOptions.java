package org.mobilenetexplorer.cli;

import org.mobilenetexplorer.model.Activation;
import org.mobilenetexplorer.model.ChannelRounding;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.InvalidConfigException;
import org.mobilenetexplorer.model.MobileNetConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The configuration options shared by every command that takes one network configuration
 * ({@code analyze}, {@code export-onnx}, {@code verify}, {@code bench}, ...). Use as a picocli
 * {@code @Mixin}.
 */
public final class ConfigOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--family", paramLabel = "v1|v2|v3-large|v3-small",
            description = "Architecture family (TF-Slim's definitions). Default: v1.")
    String family;

    @Option(names = "--minimalistic",
            description = "V3 only: the minimalistic variant (no squeeze-and-excite, no h-swish, 3x3 kernels only).")
    boolean minimalistic;

    @Option(names = "--alpha", paramLabel = "A", description = "Width multiplier alpha, any real in (0, 4]. Default: 1.0.")
    Double alpha;

    @Option(names = "--resolution", paramLabel = "PX",
            description = "Input resolution, integer 32..2048 (rho = resolution / 224). Default: 224.")
    Integer resolution;

    @Option(names = "--classes", paramLabel = "N", description = "Classifier outputs. Default: 1000 (TF-Slim: 1001).")
    Integer classes;

    @Option(names = "--rounding", paramLabel = "slim|keras",
            description = "Channel rounding: slim = max(int(d*alpha), 8) (default), keras = int(d*alpha).")
    String rounding;

    @Option(names = "--blocks14", paramLabel = "N",
            description = "How many of the five repeated 14x14x512 blocks to keep, 0..5 (0 = shallow MobileNet). Default: 5.")
    Integer blocks14;

    @Option(names = "--standard-conv",
            description = "Replace every depthwise-separable block by a full 3x3 convolution (paper Table 4).")
    boolean standardConv;

    @Option(names = "--activation", paramLabel = "relu|relu6",
            description = "Activation after batch norm (cost-neutral). Default: relu6 (TF-Slim, Keras).")
    String activation;

    /** True when any configuration option was given on the command line. */
    public boolean anyGiven() {
        return family != null || minimalistic || alpha != null || resolution != null || classes != null || rounding != null || blocks14 != null
                || standardConv || activation != null;
    }

    /** The configuration from the options over {@code base}; a bad value becomes a one-line usage error. */
    public MobileNetConfig toConfig(MobileNetConfig base) {
        MobileNetConfig c = base;
        try {
            if (family != null) {
                Family f = Family.fromId(family);
                if (f != Family.V1) {
                    refuseV1Knob("--rounding", rounding, f);
                    refuseV1Knob("--blocks14", blocks14, f);
                    refuseV1Knob("--standard-conv", standardConv ? "" : null, f);
                    refuseV1Knob("--activation", activation, f);
                }
                c = c.withFamily(f);
            }
            if (minimalistic) {
                c = c.withMinimalistic(true);
            }
            if (alpha != null) {
                c = c.withAlpha(alpha);
            }
            if (resolution != null) {
                c = c.withResolution(resolution);
            }
            if (classes != null) {
                c = c.withClasses(classes);
            }
            if (rounding != null) {
                c = c.withRounding(ChannelRounding.fromId(rounding));
            }
            if (blocks14 != null) {
                c = c.withBlocks14(blocks14);
            }
            if (standardConv) {
                c = c.withStandardConv(true);
            }
            if (activation != null) {
                c = c.withActivation(Activation.fromId(activation));
            }
        } catch (InvalidConfigException e) {
            String option = switch (e.field()) {
                case "standardConv" -> "--standard-conv";
                case "minimalistic" -> "--minimalistic";
                default -> "--" + e.field() + " " + e.value();
            };
            throw new ParameterException(spec.commandLine(), option + ": " + e.rule());
        }
        return c;
    }

    /** A V1-only option given with another family: refused by name, whatever its value. */
    private void refuseV1Knob(String option, Object value, Family f) {
        if (value != null) {
            String shown = value.toString().isEmpty() ? option : option + " " + value;
            throw new ParameterException(spec.commandLine(), shown + ": applies to family v1 only, not " + f.id());
        }
    }

    /** The configuration from the options over the default (1.0-224). */
    public MobileNetConfig toConfig() {
        return toConfig(MobileNetConfig.DEFAULT);
    }
}
