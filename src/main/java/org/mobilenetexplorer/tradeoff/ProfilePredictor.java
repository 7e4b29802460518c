package org.mobilenetexplorer.tradeoff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mobilenetexplorer.bench.Device;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.Precision;
import org.mobilenetexplorer.predict.DeviceProfile;
import org.mobilenetexplorer.predict.DeviceProfiles;
import org.mobilenetexplorer.predict.LatencyFitter;
import org.mobilenetexplorer.predict.LatencyModel;
import org.mobilenetexplorer.predict.Prediction;
import org.mobilenetexplorer.predict.PredictionRefusedException;
import org.mobilenetexplorer.predict.ProfileException;

/**
 * Predicted latencies for a chart ({@link SeriesComposer.Predictor}) from this machine's device profiles
 * ({@code <results>/device-profiles/<backend>-<precision>.json}), through the predict package's public API only: read
 * the profile, fit it, predict a configuration. Each value says "predicted" and names its profile and band.
 */
public final class ProfilePredictor implements SeriesComposer.Predictor {
    private final String device;
    private final Map<Precision, Fitted> models;

    private record Fitted(LatencyModel model, String file) {
    }

    private ProfilePredictor(String device, Map<Precision, Fitted> models) {
        this.device = device;
        this.models = models;
    }

    /**
     * The profiles of {@code backend} in {@code resultsDir} (one per precision the predictor knows); empty when there
     * is none. A corrupt profile is a note, not an error.
     */
    public static Optional<ProfilePredictor> load(Path resultsDir, String backend, List<String> notes) {
        if (resultsDir == null || backend == null) {
            return Optional.empty();
        }
        Map<Precision, Fitted> models = new EnumMap<>(Precision.class);
        String device = null;
        for (Precision p : Precision.values()) {
            org.mobilenetexplorer.predict.Precision pp;
            try {
                pp = org.mobilenetexplorer.predict.Precision.fromId(p.id());
            } catch (IllegalArgumentException e) {
                continue; // the predictor does not know this precision (yet)
            }
            Path file = DeviceProfiles.file(resultsDir, backend, pp);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                DeviceProfile profile = DeviceProfiles.read(file);
                models.put(p, new Fitted(LatencyFitter.fit(profile), resultsDir.relativize(file).toString()));
                device = device != null ? device : Device.of(profile.environment()).label();
            } catch (ProfileException | RuntimeException e) {
                notes.add("device profile not used: " + e.getMessage());
            }
        }
        return models.isEmpty() ? Optional.empty() : Optional.of(new ProfilePredictor(device, models));
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public Optional<MeasuredLatency> predict(MobileNetConfig config, Precision precision) {
        Fitted f = models.get(precision);
        if (f == null) {
            return Optional.empty();
        }
        Prediction p;
        try {
            p = f.model().predict(config);
        } catch (PredictionRefusedException e) {
            return Optional.empty();
        }
        DeviceProfile prof = f.model().profile();
        String name = String.format(Locale.ROOT, "%s %s predicted (+-%.0f%%, profile of %s)", prof.backend(),
                precision.name(), p.bandPercent(), prof.created());
        return Optional.of(new MeasuredLatency(p.predictedMs(), prof.backend(), name, prof.cpu(), f.file(), true,
                List.of(), LatencyKind.PREDICTED, device));
    }
}
