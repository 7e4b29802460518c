package org.mobilenetexplorer.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 8: a worker whose parent is killed (SIGKILL: no shutdown hook runs) exits by itself and removes the
 * parent's temporary folder. Before, it went on measuring for the whole --max-time (here 10 minutes).
 */
class OrphanWorkerTest {

    @Test
    void aWorkerWhoseParentIsKilledExitsAndCleansTheTemporaryFolder() throws Exception {
        Process parent = new ProcessBuilder(ForkedRunner.currentJava(), "-cp", FakeBackend.workerClassPath(),
                OrphanParentMain.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ProcessHandle worker = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = r.readLine();
            assertTrue(line != null && line.startsWith("measuring "), "parent said: " + line);
            worker = ProcessHandle.of(Long.parseLong(line.substring("measuring ".length()))).orElseThrow();
            List<String> args = List.of(worker.info().arguments().orElseThrow());
            Path tempDir = Path.of(args.get(args.size() - 2)).getParent();
            assertTrue(Files.isDirectory(tempDir), tempDir.toString());
            parent.destroyForcibly(); // SIGKILL
            assertTrue(parent.waitFor(30, TimeUnit.SECONDS));
            // "within a second or two" on a quiet machine; the bound only keeps a broken build from hanging
            worker.onExit().get(30, TimeUnit.SECONDS);
            assertFalse(worker.isAlive());
            assertFalse(Files.exists(tempDir), "the parent's temporary folder is removed: " + tempDir);
        } finally {
            parent.destroyForcibly();
            if (worker != null) {
                worker.destroyForcibly();
            }
        }
    }
}
