package org.mobilenetexplorer.ui.app;

import org.mobilenetexplorer.ui.explore.ExploreViewModel;
import org.mobilenetexplorer.ui.learn.LearnViewModel;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.published.PublishedData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The live-update path of the GUI, without rendering: a configuration change (what one slider step does)
 * -> {@code NetworkStats} -> layer-table rows, totals, shares, published figures (Explore) and the formulas and
 * Table 3 walk-through (Learn). Goal: far under one 60 Hz frame (16 ms).
 *
 * <p>{@code mvn -Pjmh test-compile exec:java ...}: see the README section "The desktop app".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExploreUpdateBenchmark {
    private final SimpleObjectProperty<MobileNetConfig> config = new SimpleObjectProperty<>(MobileNetConfig.DEFAULT);
    private ExploreViewModel explore;
    private LearnViewModel learn;
    private boolean flip;

    @Setup
    public void setUp() {
        explore = new ExploreViewModel(config, PublishedData.bundled());
        // no file is chosen or written here: the file context only satisfies the constructor
        learn = new LearnViewModel(explore.statsProperty(), PublishedData.bundled(),
                new org.mobilenetexplorer.ui.common.CurrentThreadTaskExecutor(),
                new org.mobilenetexplorer.ui.common.FileContext(null, new org.mobilenetexplorer.ui.common.Folders(
                        new org.mobilenetexplorer.ui.common.MemorySettings(), java.nio.file.Path.of(".")), s -> { }));
    }

    /** One slider step: alternates between two published configurations (both have published figures). */
    @Benchmark
    public Object sliderStep() {
        flip = !flip;
        config.set(flip ? new MobileNetConfig(0.75, 192) : new MobileNetConfig(0.5, 160));
        return learn.table3().get(3).macs() + explore.rows().size();
    }
}
