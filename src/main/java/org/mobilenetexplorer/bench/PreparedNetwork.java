package org.mobilenetexplorer.bench;

import java.util.List;
import java.util.Map;

/** A network built by a backend, ready to run. Not thread-safe; close it to release native memory. */
public interface PreparedNetwork extends AutoCloseable {

    /** The batch size it was prepared for. */
    int batchSize();

    /**
     * Runs one inference. {@code input} is NHWC, length batch x resolution x resolution x 3. Returns the
     * softmax output, length batch x classes (row-major). The result must be consumed by the caller.
     */
    float[] run(float[] input) throws BackendException;

    /**
     * Times each layer during real forward passes of {@code input}, repeated {@code repeats} times; names are the
     * spec's layer names (a fused runtime node counts toward the spec layer it implements). Empty when the backend
     * cannot profile.
     */
    List<LayerTiming> profileLayers(float[] input, int repeats) throws BackendException;

    /**
     * The settings this network was prepared with, for the result's environment record (e.g. threads,
     * optimization, graph, data format). Keys are lower camel case. Empty by default.
     */
    default Map<String, String> settings() {
        return Map.of();
    }

    @Override
    void close();
}
