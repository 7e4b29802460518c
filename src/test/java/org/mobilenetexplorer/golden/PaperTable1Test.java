package org.mobilenetexplorer.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.MobileNetConfig;

/** Paper Table 1 ("MobileNet Body Architecture"), row by row, with its one typo fixed (see below). */
class PaperTable1Test {

    /** Type / stride, filter shape, input size, as printed in Table 1. */
    private static final String[] TABLE1 = {
        "Conv/s2 3x3x3x32 224x224x3",
        "Conv dw/s1 3x3x32 112x112x32",
        "Conv/s1 1x1x32x64 112x112x32",
        "Conv dw/s2 3x3x64 112x112x64",
        "Conv/s1 1x1x64x128 56x56x64",
        "Conv dw/s1 3x3x128 56x56x128",
        "Conv/s1 1x1x128x128 56x56x128",
        "Conv dw/s2 3x3x128 56x56x128",
        "Conv/s1 1x1x128x256 28x28x128",
        "Conv dw/s1 3x3x256 28x28x256",
        "Conv/s1 1x1x256x256 28x28x256",
        "Conv dw/s2 3x3x256 28x28x256",
        "Conv/s1 1x1x256x512 14x14x256",
        "Conv dw/s1 3x3x512 14x14x512", "Conv/s1 1x1x512x512 14x14x512",
        "Conv dw/s1 3x3x512 14x14x512", "Conv/s1 1x1x512x512 14x14x512",
        "Conv dw/s1 3x3x512 14x14x512", "Conv/s1 1x1x512x512 14x14x512",
        "Conv dw/s1 3x3x512 14x14x512", "Conv/s1 1x1x512x512 14x14x512",
        "Conv dw/s1 3x3x512 14x14x512", "Conv/s1 1x1x512x512 14x14x512",
        "Conv dw/s2 3x3x512 14x14x512",
        "Conv/s1 1x1x512x1024 7x7x512",
        // printed "Conv dw / s2": a typo; the input stays 7x7 for the next row, TF-Slim and Keras use stride 1
        "Conv dw/s1 3x3x1024 7x7x1024",
        "Conv/s1 1x1x1024x1024 7x7x1024",
        "Avg Pool/s1 7x7 7x7x1024",
        "FC/s1 1024x1000 1x1x1024",
        "Softmax/s1 Classifier 1x1x1000",
    };

    @Test
    void everyRowOfTable1() {
        List<String> ours = new ArrayList<>();
        for (LayerSpec l : ArchitectureSpec.of(new MobileNetConfig(1.0, 224)).layers()) {
            ours.add(row(l));
        }
        assertEquals(List.of(TABLE1), ours);
    }

    private static String row(LayerSpec l) {
        int k = l.kernel();
        int m = l.input().c();
        int n = l.output().c();
        String type = switch (l.kind()) {
            case CONV, POINTWISE -> "Conv";
            case DEPTHWISE -> "Conv dw";
            case AVG_POOL -> "Avg Pool";
            case FC -> "FC";
            case SOFTMAX -> "Softmax";
            case SE_CONV, ADD, MULTIPLY -> throw new IllegalArgumentException("not in V1: " + l.kind());
        };
        String filter = switch (l.kind()) {
            case CONV, POINTWISE -> k + "x" + k + "x" + m + "x" + n;
            case DEPTHWISE -> k + "x" + k + "x" + m;
            case AVG_POOL -> k + "x" + k;
            case FC -> m + "x" + n;
            case SOFTMAX -> "Classifier";
            case SE_CONV, ADD, MULTIPLY -> throw new IllegalArgumentException("not in V1: " + l.kind());
        };
        return type + "/s" + l.stride() + " " + filter + " " + l.input();
    }

    @Test
    void layerNamesFollowTfSlim() {
        var spec = ArchitectureSpec.of(MobileNetConfig.DEFAULT);
        assertEquals("Conv2d_0", spec.layers().get(0).name());
        assertEquals("Conv2d_13_pointwise", spec.layers().get(26).name());
        assertEquals(List.of("AvgPool", "Logits", "Softmax"),
                spec.layers().subList(27, 30).stream().map(LayerSpec::name).toList());
        assertEquals(LayerKind.DEPTHWISE, spec.layer("Conv2d_13_depthwise").kind());
        assertEquals(1024, spec.layer("Conv2d_13_depthwise").groups());
    }
}
