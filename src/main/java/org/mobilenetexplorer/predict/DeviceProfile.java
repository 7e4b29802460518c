package org.mobilenetexplorer.predict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mobilenetexplorer.bench.EnvironmentProbe;
import org.mobilenetexplorer.bench.ProtocolSettings;

/**
 * What one calibration measured on one machine, for one backend and precision: the raw data the predictor is
 * fitted on (the fit is recomputed on load, so the file holds one source of truth). Stored as JSON by
 * {@link DeviceProfiles}; the fields are the record components.
 *
 * @param format        {@link #FORMAT}: tells a device profile from other JSON files
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param backend       backend id
 * @param precision     precision id ({@code fp32})
 * @param created       when the calibration finished (ISO-8601 instant)
 * @param environment   the environment record of the first calibration benchmark (CPU, SIMD, JVM, backend, ...)
 * @param protocol      the benchmark protocol every calibration network ran with
 * @param grid          the calibration grid, per family
 * @param elapsedSeconds wall time of the calibration
 * @param loadAverage   the system's 1-minute load average when the calibration started (-1 when the OS does not
 *                      report it): above about half the logical cores the machine was busy and the fit is noisy
 * @param networks      one measurement per grid configuration, in grid order
 */
public record DeviceProfile(String format, int schemaVersion, String backend, String precision, String created,
                            Map<String, String> environment, ProtocolSettings protocol, CalibrationGrid grid,
                            double elapsedSeconds, double loadAverage, List<NetworkMeasurement> networks) {

    public static final String FORMAT = "mobilenet-explorer-device-profile";
    /**
     * 2: the grid has one part per family ({@link CalibrationGrid.Part}); version 1 (V1 only, one alpha and one
     * resolution list) is refused with a request to calibrate again.
     */
    public static final int SCHEMA_VERSION = 2;

    public DeviceProfile {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("format = " + format + ": not a MobileNet Explorer device profile");
        }
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion = " + schemaVersion + ": this build reads version "
                    + SCHEMA_VERSION);
        }
        if (backend == null || backend.isBlank()) {
            throw new IllegalArgumentException("backend = " + backend + ": must be a backend id");
        }
        Precision.fromId(precision);
        if (created == null || created.isBlank()) {
            throw new IllegalArgumentException("created = " + created + ": must be a timestamp");
        }
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(environment,
                "environment")));
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(grid, "grid");
        networks = List.copyOf(Objects.requireNonNull(networks, "networks"));
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("networks = []: a profile needs measured networks");
        }
    }

    /** The CPU model recorded in the environment, or "unknown CPU". */
    public String cpu() {
        return environment.getOrDefault(EnvironmentProbe.CPU_MODEL, "unknown CPU");
    }

    /** The precision as an enum. */
    public Precision precisionValue() {
        return Precision.fromId(precision);
    }
}
