package org.mobilenetexplorer.cli;

import java.util.List;
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
 * ({@code analyze}, {@code export-onnx}, {@code verify}, {@code bench}, {@code chart}). Use as a picocli
 * {@code @Mixin}. Defaults are the fields' initial values, read from {@link MobileNetConfig#DEFAULT} and shown by
 * {@code ${DEFAULT-VALUE}}. To add an option: a field with its default, and one line in {@link #toConfig()}.
 */
public final class ConfigOptions {
    private static final MobileNetConfig D = MobileNetConfig.DEFAULT;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** This mixin's own options (to tell whether any was given). */
    @Spec(Spec.Target.SELF)
    CommandSpec self;

    @Option(names = "--family", paramLabel = "v1|v2|v3-large|v3-small",
            description = "Architecture family (TF-Slim's definitions). Default: ${DEFAULT-VALUE}.")
    String family = D.family().id();

    @Option(names = "--minimalistic",
            description = "V3 only: the minimalistic variant (no squeeze-and-excite, no h-swish, 3x3 kernels only).")
    boolean minimalistic = D.minimalistic();

    @Option(names = "--alpha", paramLabel = "A",
            description = "Width multiplier alpha, any real in (0, 4]. Default: ${DEFAULT-VALUE}.")
    double alpha = D.alpha();

    @Option(names = "--resolution", paramLabel = "PX",
            description = "Input resolution, integer 32..2048 (rho = resolution / 224). Default: ${DEFAULT-VALUE}.")
    int resolution = D.resolution();

    @Option(names = "--classes", paramLabel = "N",
            description = "Classifier outputs. Default: ${DEFAULT-VALUE} (TF-Slim: 1001).")
    int classes = D.classes();

    @Option(names = "--rounding", paramLabel = "slim|keras",
            description = "Channel rounding: slim = max(int(d*alpha), 8), keras = int(d*alpha). "
                    + "Default: ${DEFAULT-VALUE}.")
    String rounding = D.rounding().id();

    @Option(names = "--blocks14", paramLabel = "N",
            description = "How many of the five repeated 14x14x512 blocks to keep, 0..5 (0 = shallow MobileNet). "
                    + "Default: ${DEFAULT-VALUE}.")
    int blocks14 = D.blocks14();

    @Option(names = "--standard-conv",
            description = "Replace every depthwise-separable block by a full 3x3 convolution (paper Table 4).")
    boolean standardConv = D.standardConv();

    @Option(names = "--activation", paramLabel = "relu|relu6",
            description = "Activation after batch norm (cost-neutral). Default: ${DEFAULT-VALUE} (TF-Slim, Keras).")
    String activation = D.activation().id();

    /** True when any configuration option was given on the command line. */
    public boolean anyGiven() {
        var parsed = spec.commandLine().getParseResult();
        return parsed != null && self.options().stream().anyMatch(o -> parsed.hasMatchedOption(o.longestName()));
    }

    /** The configuration of the options; a bad value becomes a one-line usage error naming the option. */
    public MobileNetConfig toConfig() {
        try {
            Family f = Family.fromId(family);
            if (f != Family.V1) {
                for (String v1Only : List.of("--rounding", "--blocks14", "--standard-conv", "--activation")) {
                    refuseV1Knob(v1Only, f);
                }
            }
            return D.withFamily(f)
                    .withMinimalistic(minimalistic)
                    .withAlpha(alpha)
                    .withResolution(resolution)
                    .withClasses(classes)
                    .withRounding(ChannelRounding.fromId(rounding))
                    .withBlocks14(blocks14)
                    .withStandardConv(standardConv)
                    .withActivation(Activation.fromId(activation));
        } catch (InvalidConfigException e) {
            String option = switch (e.field()) {
                case "standardConv" -> "--standard-conv";
                case "minimalistic" -> "--minimalistic";
                default -> "--" + e.field() + " " + e.value();
            };
            throw new ParameterException(spec.commandLine(), option + ": " + e.rule());
        }
    }

    /** A V1-only option given with another family: refused by name, whatever its value. */
    private void refuseV1Knob(String option, Family f) {
        var parsed = spec.commandLine().getParseResult();
        if (parsed != null && parsed.hasMatchedOption(option)) {
            Object value = parsed.matchedOptionValue(option, null);
            String shown = value == null || value instanceof Boolean ? option : option + " " + value;
            throw new ParameterException(spec.commandLine(), shown + ": applies to family v1 only, not " + f.id());
        }
    }
}
