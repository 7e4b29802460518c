package org.mobilenetexplorer.predict;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.mobilenetexplorer.bench.ResultJson;
import org.mobilenetexplorer.io.JsonErrors;
import org.mobilenetexplorer.io.AtomicFiles;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.LayerSpec;

/**
 * Device profiles on disk: {@code <results>/device-profiles/<backend>-<precision>.json}, in a subfolder so the
 * results loader (which reads the folder's own {@code *.json}) never mistakes them for benchmark results. Written
 * atomically; read with validation that names the file and the field of anything corrupt, foreign or from a newer
 * schema.
 */
public final class DeviceProfiles {
    /** The subfolder of the results folder that holds the profiles. */
    public static final String FOLDER = "device-profiles";

    private static final ObjectMapper MAPPER = ResultJson.mapper();

    private DeviceProfiles() {
    }

    /** Where the profile of {@code backend} at {@code precision} lives in {@code resultsDir}. */
    public static Path file(Path resultsDir, String backend, Precision precision) {
        return resultsDir.resolve(FOLDER).resolve(backend + "-" + precision.id() + ".json");
    }

    /** Writes {@code profile} atomically (a reader sees the old file or the complete new one). */
    public static void write(DeviceProfile profile, Path file) throws IOException {
        // the profile folder belongs to the results folder (which the caller checked): create it, as results are
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, MAPPER.writeValueAsBytes(profile));
    }

    /** The JSON text of a profile. */
    public static String toJson(DeviceProfile profile) {
        try {
            return MAPPER.writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the device profile", e);
        }
    }

    /** Reads and validates one profile. */
    public static DeviceProfile read(Path file) throws ProfileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ProfileException(file, "no such file");
        } catch (IOException e) {
            throw new ProfileException(file, "cannot read: " + e.getMessage());
        }
        return parse(file, bytes);
    }

    /** Validates the bytes of a profile ({@code file} names it in messages), as {@link #read} does. */
    public static DeviceProfile parse(Path file, byte[] bytes) throws ProfileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new ProfileException(file, "not valid JSON: " + JsonErrors.firstLine(e));
        }
        if (root == null || !root.isObject()) {
            throw new ProfileException(file, "not a device profile: the top level is not a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !DeviceProfile.FORMAT.equals(format.asText())) {
            throw new ProfileException(file, "format = " + (format == null ? "(missing)" : format)
                    + ": not a MobileNet Explorer device profile (expected \"" + DeviceProfile.FORMAT + "\")");
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isInt() || version.asInt() != DeviceProfile.SCHEMA_VERSION) {
            throw new ProfileException(file, "schemaVersion = " + (version == null ? "(missing)" : version)
                    + ": this build reads version " + DeviceProfile.SCHEMA_VERSION
                    + (version != null && version.isInt() && version.asInt() > DeviceProfile.SCHEMA_VERSION
                    ? " (written by a newer MobileNet Explorer: calibrate again or update)"
                    : version != null && version.isInt() && version.asInt() < DeviceProfile.SCHEMA_VERSION
                    ? " (a V1-only profile of an earlier build: run calibrate again)" : ""));
        }
        DeviceProfile p;
        try {
            p = MAPPER.treeToValue(root, DeviceProfile.class);
        } catch (JsonMappingException e) {
            throw new ProfileException(file, JsonErrors.describe(e));
        } catch (IOException | IllegalArgumentException e) {
            throw new ProfileException(file, JsonErrors.firstLine(e));
        }
        checkLayers(file, p);
        return p;
    }

    /** Every measured layer must be a layer of its network, each once. */
    private static void checkLayers(Path file, DeviceProfile p) throws ProfileException {
        for (int i = 0; i < p.networks().size(); i++) {
            NetworkMeasurement n = p.networks().get(i);
            ArchitectureSpec spec = ArchitectureSpec.of(n.config());
            Set<String> names = new HashSet<>();
            for (LayerSpec l : spec.layers()) {
                names.add(l.name());
            }
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < n.layers().size(); j++) {
                String layer = n.layers().get(j).layer();
                if (!names.contains(layer)) {
                    throw new ProfileException(file, "networks[" + i + "].layers[" + j + "].layer = " + layer
                            + ": not a layer of " + n.config().label());
                }
                if (!seen.add(layer)) {
                    throw new ProfileException(file, "networks[" + i + "].layers[" + j + "].layer = " + layer
                            + ": measured twice");
                }
            }
        }
    }

}
