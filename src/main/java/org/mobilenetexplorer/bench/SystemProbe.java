package org.mobilenetexplorer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;

/**
 * The only class that touches OSHI (com.github.oshi, MIT): what the operating system reports about the CPU and
 * memory on Linux (x86 and ARM), macOS and Windows. Loaded lazily: the JVM loads OSHI and its JNA native library
 * only when {@link #probe()} runs, i.e. when an environment record is made ({@link CpuInfo#detect()} in the
 * benchmark worker), never when the GUI or a command that records no environment starts. Any failure (a platform
 * JNA has no native library for, a sandbox that hides /sys) gives {@link Facts#NONE} with the reason, never an
 * exception: the environment record then falls back to /proc/cpuinfo and the JVM's own facts.
 */
final class SystemProbe {
    /** What the probe is called in the environment record. */
    static final String NAME = "OSHI";

    private SystemProbe() {
    }

    /**
     * What the OS reports; every field is "unknown" (empty, -1, NaN) when not reported.
     *
     * @param model         processor name ("AMD EPYC 9R45", "Apple M2")
     * @param vendor        vendor id (GenuineIntel, AuthenticAMD, Apple, ARM, ...)
     * @param family        CPU family number, -1 when unknown or not a number
     * @param physicalCores physical cores of all packages
     * @param logicalCores  logical processors the OS has (the JVM may see fewer, e.g. in a container)
     * @param mhz           average current clock of the logical processors, else the vendor's nominal clock
     * @param maxMhz        the highest clock the OS reports
     * @param memoryBytes   physical memory
     * @param featureFlags  the OS's raw feature lines ({@link CentralProcessor#getFeatureFlags()})
     * @param failure       why the probe gave nothing, empty when it worked
     */
    record Facts(String model, String vendor, int family, int physicalCores, int logicalCores, double mhz,
                 double maxMhz, long memoryBytes, List<String> featureFlags, String failure) {
        static final Facts NONE = new Facts("", "", -1, -1, -1, Double.NaN, Double.NaN, -1, List.of(), "");

        Facts {
            model = model == null ? "" : model.strip();
            vendor = vendor == null ? "" : vendor.strip();
            featureFlags = List.copyOf(featureFlags);
            failure = failure == null ? "" : failure;
        }

        static Facts failed(String why) {
            return new Facts("", "", -1, -1, -1, Double.NaN, Double.NaN, -1, List.of(), why);
        }
    }

    /** Asks OSHI (each part separately: one unreadable part leaves the others). */
    static Facts probe() {
        HardwareAbstractionLayer hal;
        try {
            hal = new SystemInfo().getHardware();
        } catch (Throwable e) { // NOPMD: UnsatisfiedLinkError/NoClassDefFoundError on a platform JNA does not know
            return Facts.failed(NAME + " unavailable: " + e);
        }
        String model = "";
        String vendor = "";
        int family = -1;
        int physical = -1;
        int logical = -1;
        double mhz = Double.NaN;
        double maxMhz = Double.NaN;
        long memory = -1;
        List<String> flags = List.of();
        List<String> failures = new ArrayList<>();
        try {
            CentralProcessor cpu = hal.getProcessor();
            CentralProcessor.ProcessorIdentifier id = cpu.getProcessorIdentifier();
            model = id.getName();
            vendor = id.getVendor();
            family = parseFamily(id.getFamily());
            physical = cpu.getPhysicalProcessorCount();
            logical = cpu.getLogicalProcessorCount();
            mhz = averageMhz(cpu.getCurrentFreq());
            if (Double.isNaN(mhz) && id.getVendorFreq() > 0) {
                mhz = id.getVendorFreq() / 1e6;
            }
            maxMhz = cpu.getMaxFreq() > 0 ? cpu.getMaxFreq() / 1e6 : Double.NaN;
            flags = cpu.getFeatureFlags();
        } catch (RuntimeException | LinkageError e) {
            failures.add("processor: " + e);
        }
        try {
            memory = hal.getMemory().getTotal();
        } catch (RuntimeException | LinkageError e) {
            failures.add("memory: " + e);
        }
        return new Facts(model, vendor, family, physical, logical, mhz, maxMhz, memory, flags,
                String.join("; ", failures));
    }

    /** {@code "25"} -> 25, {@code "0x19"} -> 25; anything else -1 (ARM reports e.g. "8" as the architecture). */
    static int parseFamily(String s) {
        if (s == null || s.isBlank()) {
            return -1;
        }
        String t = s.strip().toLowerCase(Locale.ROOT);
        try {
            return t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The mean of the positive clocks in Hz, in MHz; NaN when none is positive. */
    static double averageMhz(long[] hz) {
        if (hz == null) {
            return Double.NaN;
        }
        double sum = 0;
        int n = 0;
        for (long h : hz) {
            if (h > 0) {
                sum += h;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n / 1e6;
    }
}
