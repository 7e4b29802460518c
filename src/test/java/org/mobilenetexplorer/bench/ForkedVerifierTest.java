package org.mobilenetexplorer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;

/** verify's worker JVMs (issue 12, item 4), with the fake backend: a result, a native abort, a memory refusal. */
class ForkedVerifierTest {
    private static final MobileNetConfig TINY = new MobileNetConfig(0.25, 32);

    private final ForkedVerifier verifier = new ForkedVerifier(new ForkedRunner(ForkedRunner.currentJava(),
            FakeBackend.workerClassPath(), List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto"),
            Duration.ofSeconds(60), Map.<String, String>of()::get));

    private static BenchmarkRequest request(MobileNetConfig c, int batch, Map<String, String> fake) {
        return new BenchmarkRequest(c, FakeBackend.ID, ProtocolSettings.builder().batch(batch).threads(1)
                .backendOptions(fake).build());
    }

    @Test
    void aWorkerComparesTheBackendWithTheReference() {
        VerifyOutcome o = verifier.verify(request(TINY, 2, Map.of("runMs", "0")), new CancellationToken());
        BackendVerifier.Verdict v = assertInstanceOf(VerifyOutcome.Checked.class, o, o::toString).verdict();
        assertEquals(FakeBackend.ID, v.backend());
        assertEquals(2, v.comparison().images());
        assertTrue(!v.passes(1e-4), "the fake's outputs are not a softmax: " + v.comparison());
    }

    @Test
    void aNativeAbortInTheWorkerIsThatBackendsFailureWithTheReason() {
        VerifyOutcome o = verifier.verify(request(TINY, 1, Map.of("fail", "halt")), new CancellationToken());
        String message = assertInstanceOf(VerifyOutcome.Failed.class, o, o::toString).message();
        assertTrue(message.contains("killed by signal 6") && message.contains("SIGABRT"), message);
    }

    @Test
    void aBackendErrorIsItsMessage() {
        VerifyOutcome o = verifier.verify(request(TINY, 1, Map.of("fail", "throw")), new CancellationToken());
        assertEquals("fake backend failure (as asked)",
                assertInstanceOf(VerifyOutcome.Failed.class, o, o::toString).message());
    }

    @Test
    void whatCannotFitIsRefusedBeforeAWorkerStarts() {
        BenchmarkRequest huge = request(new MobileNetConfig(4.0, 2048), 4096, Map.of());
        VerifyOutcome o = verifier.verify(huge, new CancellationToken());
        String message = assertInstanceOf(VerifyOutcome.Failed.class, o, o::toString).message();
        assertTrue(message.startsWith("4.0-2048 on fake (batch 4096) with the reference forward pass needs about "), message);
        assertTrue(message.contains("use a smaller batch, alpha or resolution"), message);
    }

    @Test
    void theWorkersHeapHoldsTheReferenceToo() {
        BenchmarkRequest r = request(new MobileNetConfig(1.0, 224), 1, Map.of());
        long bench = MemoryGuard.estimate(NetworkStats.of(r.config()), 1).workerHeapBytes();
        long largest = NetworkStats.of(r.config()).layers().stream().mapToLong(l -> l.outputElements()).max()
                .orElseThrow();
        long verify = ForkedVerifier.memory(r).workerHeapBytes();
        assertTrue(verify >= bench + 4 * 8 * largest, verify + " vs " + bench + " + reference");
    }

    @Test
    void cancellingBeforeTheStartRunsNothing() {
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        assertInstanceOf(VerifyOutcome.Cancelled.class, verifier.verify(request(TINY, 1, Map.of()), cancel));
    }
}
