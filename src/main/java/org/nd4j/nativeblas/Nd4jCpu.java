package org.nd4j.nativeblas;

/**
 * Compatibility shim for DL4J 1.0.0-M2.1's oneDNN layer-helper check (MobileNet Explorer, see
 * docs/decisions/003-dl4j-tuning.md).
 *
 * <p>{@code org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper#mklDnnEnabled()} decides whether DL4J's oneDNN
 * helpers (MKLDNNConvHelper, MKLDNNBatchNormHelper, ...) may run by loading the class
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment} by name and calling {@code getInstance().isUseMKLDNN()}. nd4j-native
 * M2.1 renamed both: the real class is {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the
 * method {@code isUseONEDNN()}. The lookup therefore always fails and the helpers never run, even when enabled
 * with {@code -Dorg.eclipse.deeplearning4j.helpers.disable=false}.
 *
 * <p>This class restores the name the check looks for and answers it from the real native environment, so the
 * decision stays DL4J's and libnd4j's own: {@code isUseMKLDNN()} is true only when the loaded libnd4j was built
 * with oneDNN and has it enabled. Nothing else uses it; it holds no state and loads no library itself (the check
 * runs after ND4J has started). Remove it when DL4J's check is fixed upstream.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** The environment view the DL4J M2.1 helper check reflects on. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        /** Looked up by reflection in {@code BaseMKLDNNHelper#mklDnnEnabled()}. */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /** True when the loaded libnd4j uses oneDNN (M2.1's {@code isUseONEDNN()}). */
        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
