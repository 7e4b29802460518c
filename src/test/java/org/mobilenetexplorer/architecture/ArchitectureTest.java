package org.mobilenetexplorer.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The package dependency rules of the common brief and STYLE.md, checked on every build. Each application
 * package lists the application packages it may use; dependencies outside the application (JDK, libraries) are
 * free except where a rule below says otherwise. A rule is checked for every package that exists; a package that
 * is not in the table fails {@link #everyPackageHasARule()} until its allowed dependencies are written down here.
 */
class ArchitectureTest {
    private static final String ROOT = "org.mobilenetexplorer";
    private static final String EVERYTHING = "*";

    /**
     * The GUI's feature packages: each holds its views beside their view-models and uses none of the others (what
     * two features share goes to {@code ui.common}; {@code ui.app} wires them). A new feature (a view for another
     * architecture family, say) is added here.
     */
    static final List<String> FEATURES = List.of("ui.config", "ui.explore", "ui.learn", "ui.compare",
            "ui.benchmark", "ui.tradeoff");

    /** Package (relative to the root; "" = the root) -> the application packages it may depend on. */
    private static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("model", Set.of());
        ALLOWED.put("io", Set.of());
        ALLOWED.put("published", Set.of("model", "io"));
        ALLOWED.put("report", Set.of("model", "published", "io"));
        ALLOWED.put("preset", Set.of("model", "io"));
        ALLOWED.put("reference", Set.of("model", "io"));
        ALLOWED.put("onnx", Set.of("model", "reference", "io"));
        ALLOWED.put("bench", Set.of("model", "reference", "io"));
        ALLOWED.put("bench.dl4j", Set.of("bench", "model", "reference", "onnx", "io"));
        ALLOWED.put("bench.onnxruntime", Set.of("bench", "model", "reference", "onnx", "io"));
        ALLOWED.put("accuracy", Set.of("model", "published", "io"));
        ALLOWED.put("predict", Set.of("model", "bench", "io"));
        ALLOWED.put("devices", Set.of("model", "bench", "predict", "io"));
        ALLOWED.put("tradeoff", Set.of("model", "bench", "accuracy", "published", "predict", "io"));
        ALLOWED.put("chart", Set.of("tradeoff", "model", "bench", "accuracy", "published", "io"));
        ALLOWED.put("cli", except(Set.of("ui.app", "ui.common"), Set.copyOf(FEATURES)));
        // the GUI: shared parts, one package per feature (view beside view-model), the app wiring them
        Set<String> notUi = Set.of("cli");
        ALLOWED.put("ui.common", except(notUi, Set.of("ui.app"), Set.copyOf(FEATURES)));
        for (String feature : FEATURES) {
            Set<String> others = new java.util.HashSet<>(FEATURES);
            others.remove(feature);
            ALLOWED.put(feature, except(notUi, Set.of("ui.app"), others));
        }
        ALLOWED.put("ui.app", except(notUi));
        ALLOWED.put("", Set.of(EVERYTHING)); // the launcher: chooses GUI or CLI
    }

    /** Everything but the given packages. */
    @SafeVarargs
    private static Set<String> except(Set<String>... excluded) {
        Set<String> s = new java.util.HashSet<>();
        s.add(EVERYTHING);
        for (Set<String> e : excluded) {
            e.forEach(p -> s.add("!" + p));
        }
        return Set.copyOf(s);
    }

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    /** The table key a package belongs to: the longest key that is the package or one of its parents. */
    static String moduleOf(String packageName) {
        if (!packageName.equals(ROOT) && !packageName.startsWith(ROOT + ".")) {
            return null;
        }
        String rel = packageName.equals(ROOT) ? "" : packageName.substring(ROOT.length() + 1);
        String best = null;
        for (String key : ALLOWED.keySet()) {
            boolean match = key.isEmpty() ? rel.isEmpty() : rel.equals(key) || rel.startsWith(key + ".");
            if (match && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        return best != null ? best : "?" + rel;
    }

    private static boolean mayUse(String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        Set<String> allowed = ALLOWED.get(from);
        if (allowed.contains(EVERYTHING)) {
            return !allowed.contains("!" + to);
        }
        return allowed.contains(to);
    }

    private static JavaClass base(JavaClass c) {
        return c.isArray() ? c.getBaseComponentType() : c;
    }

    @Test
    void everyPackageHasARule() {
        Set<String> unknown = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            String m = moduleOf(c.getPackageName());
            if (m == null || m.startsWith("?")) {
                unknown.add(c.getPackageName());
            }
        }
        assertEquals(Set.of(), unknown, "add these packages and their allowed dependencies to ALLOWED");
        assertTrue(CLASSES.size() > 20, "classes imported: " + CLASSES.size());
    }

    @TestFactory
    Stream<DynamicTest> eachPackageUsesOnlyItsAllowedPackages() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String module : ALLOWED.keySet()) {
            DescribedPredicate<JavaClass> inModule = DescribedPredicate.describe("are in " + label(module),
                    c -> module.equals(moduleOf(c.getPackageName())));
            if (CLASSES.stream().noneMatch(inModule)) {
                continue; // not written yet: its rule starts to apply with its first class
            }
            DescribedPredicate<JavaClass> allowed = DescribedPredicate.describe(
                    "are outside the application or in a package " + label(module) + " may use " + ALLOWED.get(module),
                    c -> {
                        String target = moduleOf(base(c).getPackageName());
                        return target == null || mayUse(module, target);
                    });
            tests.add(DynamicTest.dynamicTest(label(module), () ->
                    classes().that(inModule).should().onlyDependOnClassesThat(allowed).check(CLASSES)));
        }
        assertTrue(tests.size() >= 6, "rules checked: " + tests.size());
        return tests.stream();
    }

    @Test
    void modelDependsOnTheJdkOnly() {
        classes().that().resideInAPackage(ROOT + ".model..").should().onlyDependOnClassesThat(
                DescribedPredicate.describe("are JDK classes or in model", c -> {
                    JavaClass b = base(c);
                    return b.isPrimitive() || b.getPackageName().startsWith("java.")
                            || b.getPackageName().startsWith(ROOT + ".model");
                })).check(CLASSES);
    }

    @Test
    void noJavaFxOutsideUi() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".ui..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "com.sun.javafx..", "org.jfree.chart.fx..").check(CLASSES);
    }

    @TestFactory
    Stream<DynamicTest> featurePackagesDoNotDependOnEachOther() {
        assertEquals(6, FEATURES.size(), FEATURES.toString());
        return FEATURES.stream().map(feature -> DynamicTest.dynamicTest(feature, () -> {
            String[] others = FEATURES.stream().filter(f -> !f.equals(feature)).map(f -> ROOT + "." + f + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(ROOT + "." + feature + "..").should().dependOnClassesThat()
                    .resideInAnyPackage(others).orShould().dependOnClassesThat().resideInAPackage(ROOT + ".ui.app..")
                    .check(CLASSES);
        }));
    }

    @Test
    void viewModelsUseOnlyJavaFxBeansAndCollections() {
        DescribedPredicate<JavaClass> viewModel = DescribedPredicate.describe("are view-models (*ViewModel)",
                c -> c.getName().matches(".*ViewModel(\\$.*)?"));
        assertTrue(CLASSES.stream().filter(viewModel).map(c -> c.getSimpleName()).filter(n -> n.endsWith("ViewModel"))
                .count() >= 8, "every view has a view-model");
        classes().that(viewModel).should().onlyDependOnClassesThat(DescribedPredicate.describe(
                "are not JavaFX, or are javafx.beans or javafx.collections", c -> {
                    String p = base(c).getPackageName();
                    return !(p.startsWith("javafx") || p.startsWith("com.sun.javafx") || p.startsWith("org.jfree.chart.fx"))
                            || p.startsWith("javafx.beans") || p.startsWith("javafx.collections");
                })).check(CLASSES);
    }

    /** Charts are built in {@code chart} only: the GUI shows them, maps clicks back, and builds no plot itself. */
    @Test
    void theGuiShowsChartsButBuildsNone() {
        classes().that().resideInAPackage(ROOT + ".ui..").should().onlyDependOnClassesThat(DescribedPredicate.describe(
                "are not JFreeChart classes, or are the chart itself, its JavaFX viewer or its clickable entities",
                c -> {
                    String n = base(c).getName();
                    return !n.startsWith("org.jfree.") || n.equals("org.jfree.chart.JFreeChart")
                            || n.startsWith("org.jfree.chart.fx.") || n.startsWith("org.jfree.chart.entity.");
                })).check(CLASSES);
    }

    /** Our classes plus the one class we keep outside the root: the documented ND4J shim (docs/decisions/003). */
    private static final JavaClasses CLASSES_AND_SHIM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT, "org.nd4j");

    @Test
    void dl4jAndNd4jOnlyInBenchDl4jAndTheShim() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".bench.dl4j..", "org.nd4j.nativeblas")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..", "org.bytedeco..")
                .check(CLASSES_AND_SHIM);
    }

    @Test
    void theShimIsTheOnlyClassOutsideTheRoot() {
        Set<String> outside = new TreeSet<>();
        for (JavaClass c : CLASSES_AND_SHIM) {
            if (!c.getPackageName().equals(ROOT) && !c.getPackageName().startsWith(ROOT + ".")) {
                outside.add(c.getName().replaceAll("\\$.*", ""));
            }
        }
        assertEquals(Set.of("org.nd4j.nativeblas.Nd4jCpu"), outside);
    }

    @Test
    void onnxRuntimeOnlyInBenchOnnxRuntime() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".bench.onnxruntime..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.onnxruntime..").check(CLASSES);
    }

    @Test
    void protobufAndTheGeneratedOnnxClassesOnlyInOnnx() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".onnx..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.protobuf..", ROOT + ".onnx.proto..")
                .check(CLASSES);
        // nd4j-api's own generated ONNX classes (package `onnx`) are used nowhere: the exporter has its own
        noClasses().should().dependOnClassesThat().resideInAnyPackage("onnx..").check(CLASSES);
    }

    /**
     * JFreeChart is used in chart and ui. Elsewhere (the chart command) a {@code JFreeChart} may only be passed
     * from a chart builder to {@code ChartExport} as an opaque value: no other JFreeChart type, no call into it.
     */
    @Test
    void jfreeChartOnlyInChartAndUi() {
        String[] chartAndUi = {ROOT + ".chart..", ROOT + ".ui.."};
        noClasses().that().resideOutsideOfPackages(chartAndUi).should().dependOnClassesThat(DescribedPredicate.describe(
                "are JFreeChart classes other than the chart object that chart's builders return",
                c -> base(c).getPackageName().startsWith("org.jfree")
                        && !base(c).getName().equals("org.jfree.chart.JFreeChart"))).check(CLASSES);
        noClasses().that().resideOutsideOfPackages(chartAndUi).should()
                .callMethodWhere(target(owner(resideInAPackage("org.jfree.."))))
                .orShould().callConstructorWhere(target(owner(resideInAPackage("org.jfree.."))))
                .check(CLASSES);
    }

    @Test
    void theRuleTableItselfIsConsistent() {
        assertEquals("bench.dl4j", moduleOf(ROOT + ".bench.dl4j.internal"));
        assertEquals("bench", moduleOf(ROOT + ".bench"));
        assertEquals("", moduleOf(ROOT));
        assertEquals(null, moduleOf("org.other"));
        assertTrue(mayUse("cli", "report"));
        assertTrue(!mayUse("cli", "ui.app"));
        assertTrue(!mayUse("ui.explore", "ui.learn"));
        assertTrue(!mayUse("ui.common", "ui.explore"));
        assertTrue(!mayUse("ui.explore", "ui.app"));
        assertTrue(mayUse("ui.explore", "ui.common"));
        assertTrue(mayUse("ui.app", "ui.tradeoff"));
        assertEquals("ui.benchmark", moduleOf(ROOT + ".ui.benchmark"));
        assertTrue(!mayUse("report", "preset"));
        assertTrue(!mayUse("model", "published"));
    }

    private static String label(String module) {
        return module.isEmpty() ? "the root package" : module;
    }
}
