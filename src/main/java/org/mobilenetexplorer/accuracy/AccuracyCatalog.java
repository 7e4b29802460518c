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
 * MobileNet v1 variants, plus user imports added with {@link #with(AccuracySource)}. Immutable.
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
            List<AccuracyPoint> points = mergeDuplicates(data.figures(s.id()).stream()
                    .filter(f -> f.isImageNet() && f.isMobileNet() && !f.isBodyOnly()
                            && (f.top1() != null || f.top5() != null))
                    .map(f -> toPoint(s.id(), f)).toList());
            if (!points.isEmpty()) {
                out.add(new AccuracySource(s.id(), s.name(), s.checkpoint(), s.metric(), s.citation(), points));
            }
        }
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
            String key = p.config().alpha() + "/" + p.config().resolution() + "/" + p.config().standardConv() + "/"
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
