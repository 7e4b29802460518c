package org.mobilenetexplorer.bench;

import java.util.Map;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.Precision;
import org.mobilenetexplorer.reference.InputGenerator;
import org.mobilenetexplorer.reference.NetworkWeights;
import org.mobilenetexplorer.reference.OutputComparison;
import org.mobilenetexplorer.reference.QuantizedComparison;
import org.mobilenetexplorer.reference.ReferenceForwardPass;

/**
 * Runs a backend and the plain-Java reference forward pass on the same seeded weights and input and compares the
 * softmax outputs. Used by the {@code verify} command and the backend tests.
 */
public final class BackendVerifier {

    /** Realistic FP32 tolerance on softmax probabilities. */
    public static final double DEFAULT_TOLERANCE = 1e-4;

    private final ArchitectureSpec spec;
    private final long weightSeed;
    private final long inputSeed;
    private final int batch;
    private final float[] input;
    private double[] reference;

    /**
     * The reference output is computed once, after the first backend ran (so a backend that fails, even by a native
     * abort in a worker, fails at once rather than after minutes of reference arithmetic); {@link #check} may be
     * called for several backends.
     */
    public BackendVerifier(ArchitectureSpec spec, long weightSeed, long inputSeed, int batch) {
        this.spec = spec;
        this.weightSeed = weightSeed;
        this.inputSeed = inputSeed;
        this.batch = batch;
        this.input = InputGenerator.generate(spec, batch, inputSeed);
    }

    private synchronized double[] reference() {
        if (reference == null) {
            reference = new ReferenceForwardPass(NetworkWeights.generate(spec, weightSeed)).runBatch(input, batch);
        }
        return reference;
    }

    /**
     * One backend's verdict.
     *
     * @param backend    backend id
     * @param comparison softmax compared with the reference
     * @param settings   the prepared network's settings
     */
    public record Verdict(String backend, OutputComparison comparison, Map<String, String> settings) {
        public boolean passes(double tolerance) {
            return comparison.passes(tolerance);
        }
    }

    /** Prepares {@code backend} with the verifier's seeds and compares one run with the reference. */
    public Verdict check(InferenceBackend backend, BackendOptions options) throws BackendException {
        float[] out;
        Map<String, String> settings;
        try (PreparedNetwork net = backend.prepare(spec, weightSeed, batch, options)) {
            out = net.run(input.clone());
            settings = net.settings();
        } // the backend's memory is released before the reference takes its own
        return new Verdict(backend.id(), OutputComparison.of(reference(), out, spec.output().c()), settings);
    }

    /**
     * One backend's verdict on its INT8 model, compared with the FP32 reference by {@link QuantizedComparison}.
     *
     * @param backend    backend id
     * @param comparison logits and rankings compared with the reference
     * @param settings   the prepared network's settings
     */
    public record QuantizedVerdict(String backend, QuantizedComparison comparison, Map<String, String> settings) {
        public boolean passes(double minCosine) {
            return comparison.passes(minCosine);
        }
    }

    /** Prepares {@code backend} in {@code precision} with the verifier's seeds, compared with quantization metrics. */
    public QuantizedVerdict checkQuantized(InferenceBackend backend, BackendOptions options, Precision precision)
            throws BackendException {
        BackendOptions withPrecision = new BackendOptions(options.threads(), Precisions.with(options.extra(), precision));
        float[] out;
        Map<String, String> settings;
        try (PreparedNetwork net = backend.prepare(spec, weightSeed, batch, withPrecision)) {
            out = net.run(input.clone());
            settings = net.settings();
        }
        return new QuantizedVerdict(backend.id(), QuantizedComparison.of(reference(), out, spec.output().c()),
                settings);
    }

    public ArchitectureSpec spec() {
        return spec;
    }

    public long inputSeed() {
        return inputSeed;
    }

    public int batch() {
        return batch;
    }
}
