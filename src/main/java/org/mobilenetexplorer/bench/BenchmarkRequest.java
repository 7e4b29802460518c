package org.mobilenetexplorer.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * One benchmark to run: a configuration on a backend with a protocol.
 *
 * @param config   network configuration
 * @param backend  backend id ({@code onnxruntime}, {@code dl4j}, or a test backend)
 * @param protocol how to run it
 */
public record BenchmarkRequest(MobileNetConfig config, String backend, ProtocolSettings protocol) {
    public BenchmarkRequest {
        Objects.requireNonNull(config, "config");
        if (backend == null || backend.isBlank()) {
            throw new IllegalArgumentException("backend = " + backend + ": must be a backend id");
        }
        Objects.requireNonNull(protocol, "protocol");
    }

    /** {@code 1.0-224 on onnxruntime} ({@code 1.0-224 int8 on onnxruntime}), with the batch when it is not 1. */
    @JsonIgnore
    public String label() {
        return config.label() + Precisions.of(protocol).labelSuffix() + " on " + backend + (protocol.batch() == 1 ? "" : " (batch " + protocol.batch() + ")");
    }
}
