package org.mobilenetexplorer.io;

import java.nio.file.Path;

/**
 * Test helper run as its own JVM: starts an atomic write of {@code args[0]}, writes part of the content, prints
 * {@code writing} and waits forever, so a test can interrupt it (SIGINT) in the middle of the write.
 */
public final class AtomicWriteInterruptedMain {
    private AtomicWriteInterruptedMain() {
    }

    public static void main(String[] args) throws Exception {
        AtomicFiles.write(Path.of(args[0]), out -> {
            out.write("partial new content".getBytes());
            out.flush();
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
