package org.mobilenetexplorer.predict;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.MobileNetConfig;

/** A configuration with kernel kinds the profile never measured is refused, naming them. */
class MissingCalibrationTest {

    @Test
    void standardConvolutionsAreNotInASeparableCalibration() {
        LatencyModel m = LatencyFitter.fit(SyntheticProfiles.profile(CalibrationGrid.DEFAULT, 0, 1));
        MissingCalibrationException e = assertThrows(MissingCalibrationException.class,
                () -> m.predict(new MobileNetConfig(0.5, 160).withStandardConv(true)));
        assertEquals(List.of(new KernelKey(LayerKind.CONV, 3, 1, 16), new KernelKey(LayerKind.CONV, 3, 2, 16)),
                e.missing());
        assertTrue(e.getMessage().startsWith("0.5-160 conv: the device profile has no measurements of CONV 3x3/1 "
                + "align 16, CONV 3x3/2 align 16 (calibrate a grid"), e.getMessage());
    }

    @Test
    void unalignedChannelsNeedTheirOwnMeasurements() {
        CalibrationGrid aligned = CalibrationGrid.v1(List.of(0.25, 0.5, 0.75, 1.0), List.of(96, 128, 160, 192, 224));
        LatencyModel m = LatencyFitter.fit(SyntheticProfiles.profile(aligned, 0, 1));
        MissingCalibrationException e = assertThrows(MissingCalibrationException.class,
                () -> m.predict(new MobileNetConfig(0.35, 112)));
        // 0.35: 11, 22, 44, 89, 179, 358 channels
        assertTrue(e.missing().contains(new KernelKey(LayerKind.DEPTHWISE, 3, 1, 1)), e.missing().toString());
        assertTrue(e.missing().contains(new KernelKey(LayerKind.POINTWISE, 0, 0, 2)), e.missing().toString());
        assertTrue(e.getMessage().contains("DEPTHWISE 3x3/1 align 2, DEPTHWISE 3x3/1 align 1"), e.getMessage());
    }

    @Test
    void aHardSwishLayerNeedsMeasurementsOfHardSwish() {
        // V2 has aligned 1x1 convolutions, but h-swish after them only V3 has
        CalibrationGrid v2 = CalibrationGrid.DEFAULT.select(java.util.EnumSet.of(Family.V2), null, null);
        LatencyModel m = LatencyFitter.fit(SyntheticProfiles.profile(v2, 0, 1));
        assertDoesNotThrow(() -> m.predict(MobileNetConfig.of(Family.V2, 0.6, 176)));
        MissingCalibrationException e = assertThrows(MissingCalibrationException.class,
                () -> m.predict(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224)));
        assertTrue(e.getMessage().contains("POINTWISE align 16 with Mhard"), e.getMessage());
    }

    @Test
    void aFitThatGivesNoPositiveLatencyIsRefused() {
        // whole-network medians that fall with the input size (as a calibration among other processes can give)
        DeviceProfile full = SyntheticProfiles.profile(CalibrationGrid.v1(List.of(0.25, 0.5, 0.75, 1.0),
                List.of(96, 128)), 0, 1);
        List<NetworkMeasurement> odd = full.networks().stream().map(n -> new NetworkMeasurement(n.config(),
                n.resultId(), 50 - 900 * n.config().resolution() * n.config().resolution() * 3 / 1e6, n.samplesMs(),
                n.layers(), n.unstable())).toList();
        DeviceProfile p = new DeviceProfile(full.format(), full.schemaVersion(), full.backend(), full.precision(),
                full.created(), full.environment(), full.protocol(), full.grid(), full.elapsedSeconds(), 25.0, odd);
        LatencyModel m = LatencyFitter.fit(p);
        PredictionRefusedException e = assertThrows(PredictionRefusedException.class,
                () -> m.predict(new MobileNetConfig(1.0, 224)));
        assertTrue(e.getMessage().startsWith("1.0-224: the profile's fit gives -"), e.getMessage());
        assertTrue(e.getMessage().endsWith("calibrate again on a quiet machine"), e.getMessage());
    }

    @Test
    void aKindWithoutMeasurementsIsNeverGuessed() {
        // a profile whose networks never timed the softmax (e.g. a backend that fuses it away)
        DeviceProfile full = SyntheticProfiles.profile(CalibrationGrid.DEFAULT, 0, 1);
        List<NetworkMeasurement> without = full.networks().stream().map(n -> new NetworkMeasurement(n.config(),
                n.resultId(), n.medianMs(), n.samplesMs(),
                n.layers().stream().filter(l -> !l.layer().equals("Softmax")).toList(), n.unstable())).toList();
        DeviceProfile p = new DeviceProfile(full.format(), full.schemaVersion(), full.backend(), full.precision(),
                full.created(), full.environment(), full.protocol(), full.grid(), full.elapsedSeconds(), full.loadAverage(),
                without);
        LatencyModel m = LatencyFitter.fit(p);
        MissingCalibrationException e = assertThrows(MissingCalibrationException.class,
                () -> m.predict(new MobileNetConfig(1.0, 224)));
        assertEquals(List.of(new KernelKey(LayerKind.SOFTMAX, 0, 0)), e.missing());
        assertTrue(m.calibrationErrors().isEmpty(), "no network can be predicted for the band either");
    }
}
