package org.mobilenetexplorer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.MobileNetConfig;

class SpecLayerNamesTest {
    @Test
    void longestNameFollowedByASeparatorWins() {
        ArchitectureSpec conv = ArchitectureSpec.of(new MobileNetConfig(0.25, 64).withStandardConv(true));
        assertEquals("Conv2d_10", SpecLayerNames.layerOf(conv, "Conv2d_10/out_nchwc").map(LayerSpec::name).orElseThrow());
        assertEquals("Conv2d_1", SpecLayerNames.layerOf(conv, "Conv2d_1").map(LayerSpec::name).orElseThrow());
        ArchitectureSpec sep = ArchitectureSpec.of(new MobileNetConfig(0.25, 64));
        assertEquals("Conv2d_1_depthwise",
                SpecLayerNames.layerOf(sep, "Conv2d_1_depthwise/BatchNorm").map(LayerSpec::name).orElseThrow());
        assertEquals("AvgPool", SpecLayerNames.layerOf(sep, "AvgPool/Flatten").map(LayerSpec::name).orElseThrow());
        assertTrue(SpecLayerNames.layerOf(sep, "ReorderOutput_token_56").isEmpty());
        assertTrue(SpecLayerNames.layerOf(sep, "Conv2d_1x").isEmpty());
    }
}
