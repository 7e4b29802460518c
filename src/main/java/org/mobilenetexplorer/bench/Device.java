package org.mobilenetexplorer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The machine a result was measured on, as its environment record names it: the CPU model and the operating system
 * without its version ({@code AMD EPYC 9R45, Linux amd64}). Results group and filter by it (one series per device on
 * a chart); imported results keep their own environment, so each machine stays a device of its own.
 *
 * @param cpu the CPU model ({@value EnvironmentProbe#CPU_MODEL}), "unknown CPU" when not recorded
 * @param os  the OS name and architecture ({@value EnvironmentProbe#OS} without version numbers), may be empty
 */
public record Device(String cpu, String os) implements Comparable<Device> {
    public Device {
        cpu = cpu == null || cpu.isBlank() ? "unknown CPU" : cpu.strip();
        os = os == null ? "" : os.strip();
    }

    /** The device of an environment record. */
    public static Device of(Map<String, String> environment) {
        String os = environment.getOrDefault(EnvironmentProbe.OS, "");
        List<String> kept = new ArrayList<>();
        for (String token : os.split("\\s+")) {
            if (!token.isEmpty() && !Character.isDigit(token.charAt(0))) { // versions start with a digit
                kept.add(token);
            }
        }
        return new Device(environment.get(EnvironmentProbe.CPU_MODEL), String.join(" ", kept));
    }

    /** The device of a result. */
    public static Device of(BenchmarkResult r) {
        return of(r.environment());
    }

    /** {@code AMD EPYC 9R45, Linux amd64}: the name in legends, filters and tables. */
    public String label() {
        return os.isEmpty() ? cpu : cpu + ", " + os;
    }

    @Override
    public int compareTo(Device o) {
        return label().compareTo(o.label());
    }

    @Override
    public String toString() {
        return label();
    }
}
