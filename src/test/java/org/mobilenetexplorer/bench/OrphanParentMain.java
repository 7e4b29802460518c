package org.mobilenetexplorer.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * Test helper run as its own JVM: the parent of a long fake benchmark. Once the worker measures it prints
 * {@code measuring <worker pid>} and waits, so a test can kill this parent and watch the orphaned worker.
 */
public final class OrphanParentMain {
    private OrphanParentMain() {
    }

    public static void main(String[] args) {
        ForkedRunner runner = new ForkedRunner(ForkedRunner.currentJava(), FakeBackend.workerClassPath(),
                List.of("-XX:TieredStopAtLevel=1"), Duration.ofSeconds(60));
        BenchmarkRequest request = new BenchmarkRequest(new MobileNetConfig(0.25, 96), FakeBackend.ID,
                ProtocolSettings.DEFAULT.withBackendOptions(Map.of("runMs", "5")).withWarmup(1, 0)
                        .withMeasurement(1_000_000, 0, 600_000).withThreads(1));
        runner.run(request, new BenchmarkListener() {
            @Override
            public void phaseStarted(BenchmarkRequest r, Phase phase) {
                if (phase == Phase.MEASUREMENT) {
                    ProcessHandle.current().children().forEach(c -> System.out.println("measuring " + c.pid()));
                    System.out.flush();
                }
            }
        }, new CancellationToken());
    }
}
