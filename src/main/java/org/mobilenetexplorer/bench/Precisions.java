package org.mobilenetexplorer.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mobilenetexplorer.model.Precision;

/**
 * Where a benchmark's {@link Precision} lives: the backend option {@value #KEY} of its protocol
 * ({@code "backendOptions": {"precision": "int8"}} in a result file). FP32 is written as no option at all, so FP32
 * requests, results and files are exactly what they were before INT8 existed, and every old result file reads as
 * FP32.
 */
public final class Precisions {
    /** The backend option key. */
    public static final String KEY = "precision";

    private Precisions() {
    }

    /** The precision named by backend options (FP32 when absent). */
    public static Precision of(Map<String, String> backendOptions) {
        String v = backendOptions.get(KEY);
        return v == null ? Precision.FP32 : Precision.fromId(v);
    }

    public static Precision of(ProtocolSettings protocol) {
        return of(protocol.backendOptions());
    }

    public static Precision of(BenchmarkResult result) {
        return of(result.protocol());
    }

    public static Precision of(BenchmarkRequest request) {
        return of(request.protocol());
    }

    /** Backend options with the precision set (FP32 removes the key). */
    public static Map<String, String> with(Map<String, String> backendOptions, Precision precision) {
        Map<String, String> m = new LinkedHashMap<>(backendOptions);
        if (precision == Precision.FP32) {
            m.remove(KEY);
        } else {
            m.put(KEY, precision.id());
        }
        return m;
    }

    /** The protocol with the precision set. */
    public static ProtocolSettings with(ProtocolSettings protocol, Precision precision) {
        return protocol.withBackendOptions(with(protocol.backendOptions(), precision));
    }
}
