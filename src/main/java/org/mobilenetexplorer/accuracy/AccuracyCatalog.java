package org.mobilenetexplorer.accuracy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.published.PublishedFigure;
import org.mobilenetexplorer.published.PublishedSource;

/**
 * The accuracy sources available to a session: every published source that prints ImageNet accuracy for
 * MobileNet variants of any family (each point carries its family in its configuration), the cross-family
 * {@value #TF_SLIM} source, plus user imports added with {@link #with(AccuracySource)}. Immutable.
 */
public final class AccuracyCatalog {
    private final List<AccuracySource> sources;
    private final List<ComparisonModel> comparisonModels;

    private AccuracyCatalog(List<AccuracySource> sources, List<ComparisonModel> comparisonModels) {
        this.sources = List.copyOf(sources);
        this.comparisonModels = List.copyOf(comparisonModels);
    }

    /** The published sources of {@code data} that carry accuracy numbers, in {@code data}'s source order. */
    public static AccuracyCatalog of(PublishedData data) {
        List<AccuracySource> out = new ArrayList<>();
        for (PublishedSource s : data.sources()) {
            // a source with a match text is V1's reference data; one without names its rows by id (the V2/V3 data)
            boolean v1Data = s.match() != null;
            List<AccuracyPoint> points = mergeDuplicates(data.figures(s.id()).stream()
                    .filter(f -> f.isImageNet() && f.isMobileNet() && !f.isBodyOnly()
                            && (f.top1() != null || f.top5() != null))
                    .map(f -> v1Data ? toPoint(s.id(), f) : toFamilyPoint(s.id(), f)).toList());
            List<AccuracyPoint> all = new ArrayList<>(points);
            if (!all.isEmpty()) {
                out.add(new AccuracySource(s.id(), s.name(), s.checkpoint(), s.metric(), s.citation(), all));
            }
        }
        out.add(tfSlim(out));
        List<ComparisonModel> cmp = data.figures("paper").stream()
                .filter(PublishedFigure::isComparisonModel)
                .filter(f -> f.top1() != null && f.millionMacs() != null && f.millionParams() != null)
                .map(f -> new ComparisonModel(f.model(), f.top1(), f.millionMacs(), f.millionParams(),
                        tableOf(f.sourceText())))
                .toList();
        return new AccuracyCatalog(out, cmp);
    }

    /** The catalog of the bundled reference data. */
    public static AccuracyCatalog bundled() {
        return of(PublishedData.bundled());
    }

    private static AccuracyPoint toPoint(String sourceId, PublishedFigure f) {
        MobileNetConfig c = new MobileNetConfig(f.alpha(), f.resolution())
                .withStandardConv(f.isStandardConv())
                .withBlocks14(f.isShallow() ? 0 : MobileNetConfig.MAX_BLOCKS14);
        return new AccuracyPoint(c, f.top1(), f.top5(), f.model(), sourceId, tableOf(f.sourceText()));
    }

    /** Id of the cross-family TF-Slim source: each family's model card as last published, float rows. */
    public static final String TF_SLIM = "tf-slim";
    /** The sources {@link #TF_SLIM} is made of, one per model card. */
    static final List<String> TF_SLIM_PARTS = List.of("tf-slim-2018", "tf-slim-v2", "tf-slim-v3");

    /**
     * TF-Slim's model cards as last published, across families: V1 from mobilenet_v1.md's 2018 float rows, V2 and
     * V3 from mobilenet/README.md's float rows. Each point keeps its card in its origin.
     */
    private static AccuracySource tfSlim(List<AccuracySource> sources) {
        List<AccuracyPoint> points = new ArrayList<>();
        List<String> citations = new ArrayList<>();
        for (String part : TF_SLIM_PARTS) {
            AccuracySource s = sources.stream().filter(x -> x.id().equals(part)).findFirst().orElseThrow(
                    () -> new IllegalStateException("bundled reference data lacks accuracy source " + part));
            for (AccuracyPoint p : s.points()) {
                points.add(new AccuracyPoint(p.config(), p.top1(), p.top5(), p.label(), TF_SLIM,
                        part + ": " + p.origin()));
            }
            citations.add(part + ": " + s.citation());
        }
        return new AccuracySource(TF_SLIM, "TF-Slim model cards (float, V1 2018 + V2 + V3)",
                "TF-Slim float checkpoints of every family (1001 classes)", "ImageNet top-1/top-5, float32",
                String.join("; ", citations), points);
    }

    private static AccuracyPoint toFamilyPoint(String sourceId, PublishedFigure f) {
        MobileNetConfig c = MobileNetConfig.of(f.family(), f.alpha(), f.resolution())
                .withMinimalistic(f.minimalistic());
        String origin = f.sourceText().contains("(") && f.sourceText().endsWith(")")
                ? f.sourceText().substring(f.sourceText().lastIndexOf('(') + 1, f.sourceText().length() - 1)
                : f.sourceText();
        return new AccuracyPoint(c, f.top1(), f.top5(), f.model(), sourceId, origin);
    }

    /** "Howard2017 arXiv:... Table6" -> "Table6"; other sources keep their full text. */
    private static String tableOf(String sourceText) {
        int i = sourceText.lastIndexOf(") ");
        return i >= 0 && sourceText.startsWith("Howard2017") ? sourceText.substring(i + 2) : sourceText;
    }

    /**
     * One point per network. The paper prints 1.0-224 in four tables with the same numbers: those merge into one
     * point whose origin lists every table. Rows of one source that disagree are not averaged: the first is
     * kept and its origin names the disagreeing rows.
     */
    static List<AccuracyPoint> mergeDuplicates(List<AccuracyPoint> points) {
        Map<String, AccuracyPoint> byKey = new LinkedHashMap<>();
        for (AccuracyPoint p : points) {
            String key = p.config().family().id() + "/" + p.config().minimalistic() + "/" + p.config().alpha() + "/" + p.config().resolution() + "/" + p.config().standardConv() + "/"
                    + p.config().blocks14();
            AccuracyPoint old = byKey.get(key);
            if (old == null) {
                byKey.put(key, p);
            } else if (Objects.equals(old.top1(), p.top1()) && Objects.equals(old.top5(), p.top5())) {
                byKey.put(key, new AccuracyPoint(old.config(), old.top1(), old.top5(), old.label(), old.sourceId(),
                        old.origin() + "; " + p.origin()));
            } else {
                byKey.put(key, new AccuracyPoint(old.config(), old.top1(), old.top5(), old.label(), old.sourceId(),
                        old.origin() + " (differs from " + p.origin() + ": top1 " + p.top1() + ", top5 " + p.top5()
                                + ")"));
            }
        }
        return List.copyOf(byKey.values());
    }

    /** A catalog with {@code extra} added (replacing a source with the same id). */
    public AccuracyCatalog with(AccuracySource extra) {
        List<AccuracySource> out = new ArrayList<>(sources.stream().filter(s -> !s.id().equals(extra.id())).toList());
        out.add(extra);
        return new AccuracyCatalog(out, comparisonModels);
    }

    public List<AccuracySource> sources() {
        return sources;
    }

    public Optional<AccuracySource> find(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The source with {@code id}; the message lists the known ids. */
    public AccuracySource source(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown accuracy source '" + id
                + "' (known: " + String.join(", ", sources.stream().map(AccuracySource::id).toList()) + ")"));
    }

    /** The paper's comparison models (Tables 8-9), as printed. */
    public List<ComparisonModel> comparisonModels() {
        return comparisonModels;
    }
}
