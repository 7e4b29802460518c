package org.mobilenetexplorer.architecture;

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
        ALLOWED.put("tradeoff", Set.of("model", "bench", "accuracy", "published", "io"));
        ALLOWED.put("chart", Set.of("tradeoff", "model", "bench", "accuracy", "published", "io"));
        ALLOWED.put("cli", Set.of(EVERYTHING, "!ui"));
        ALLOWED.put("ui", Set.of(EVERYTHING));
        ALLOWED.put("", Set.of(EVERYTHING)); // the launcher: chooses GUI or CLI
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

    @Test
    void theRuleTableItselfIsConsistent() {
        assertEquals("bench.dl4j", moduleOf(ROOT + ".bench.dl4j.internal"));
        assertEquals("bench", moduleOf(ROOT + ".bench"));
        assertEquals("", moduleOf(ROOT));
        assertEquals(null, moduleOf("org.other"));
        assertTrue(mayUse("cli", "report"));
        assertTrue(!mayUse("cli", "ui"));
        assertTrue(!mayUse("report", "preset"));
        assertTrue(!mayUse("model", "published"));
    }

    private static String label(String module) {
        return module.isEmpty() ? "the root package" : module;
    }
}
