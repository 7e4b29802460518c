#!/usr/bin/env bash
# Builds the self-contained app image (and a .deb where dpkg-deb and fakeroot exist) from the runnable jar.
# Called by `mvn -Pdist -DskipTests package` (after the shade plugin wrote target/mobilenet-explorer.jar);
# runnable by hand as: src/dist/build-app-image.sh VERSION TARGET_DIR [JDK_HOME [true|false: build the .deb]]
#
#   TARGET_DIR/dist/runtime/                  jlink image of the JDK modules only (bin/java kept: the benchmark
#                                             worker is a second JVM started with the same runtime and class path)
#   TARGET_DIR/dist/mobilenet-explorer/       jpackage app image: bin/mobilenet-explorer (no arguments: the GUI;
#                                             arguments: the command line), lib/app/mobilenet-explorer.jar
#                                             (JavaFX and the other non-modular jars stay on the class path:
#                                             JavaFX jmods are not on Maven Central), lib/runtime/
#   TARGET_DIR/dist/mobilenet-explorer_VERSION_ARCH.deb   installs the image under /opt/mobilenet-explorer
set -euo pipefail

version=${1:?usage: build-app-image.sh VERSION TARGET_DIR [JDK_HOME]}
target=${2:?usage: build-app-image.sh VERSION TARGET_DIR [JDK_HOME]}
jdk=${3:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")}}
deb=${4:-true}
name=mobilenet-explorer
jar="$target/$name.jar"
dist="$target/dist"

for tool in jlink jpackage; do
    if [ ! -x "$jdk/bin/$tool" ]; then
        echo "build-app-image: $jdk/bin/$tool not found: a full JDK 17+ (with jmods) is needed" >&2
        exit 1
    fi
done
if [ ! -d "$jdk/jmods" ]; then
    echo "build-app-image: $jdk/jmods not found: jlink needs the JDK's jmods (Debian: openjdk-17-jdk-headless)" >&2
    exit 1
fi
if [ ! -f "$jar" ]; then
    echo "build-app-image: $jar not found: run mvn -Pdist -DskipTests package" >&2
    exit 1
fi

rm -rf "$dist"
mkdir -p "$dist/input"
cp "$jar" "$dist/input/"

# JDK modules the app and its libraries use (jdeps --print-module-deps on the class path, plus what JavaFX,
# Jackson, ND4J and oshi reach by reflection or service lookup). Everything else of the JDK stays out.
modules=java.base,java.compiler,java.datatransfer,java.desktop,java.logging,java.management,java.naming
modules+=,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.management
modules+=,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs

# no --strip-native-commands: the benchmark worker needs runtime/bin/java
"$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" \
    --strip-debug --no-header-files --no-man-pages --compress=2 \
    --output "$dist/runtime"

"$jdk/bin/jpackage" --type app-image \
    --name "$name" --app-version "$version" \
    --vendor "MobileNet Explorer" \
    --description "Explore MobileNet's cost, latency and accuracy trade-offs" \
    --input "$dist/input" --main-jar "$name.jar" --main-class org.mobilenetexplorer.Launcher \
    --runtime-image "$dist/runtime" \
    --dest "$dist"
rm -rf "$dist/input" "$dist/runtime"

if [ "$deb" = false ]; then
    echo "build-app-image: no .deb (-Ddist.deb=false)"
elif command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
    "$jdk/bin/jpackage" --type deb \
        --name "$name" --app-version "$version" \
        --vendor "MobileNet Explorer" \
        --description "Explore MobileNet's cost, latency and accuracy trade-offs" \
        --app-image "$dist/$name" \
        --linux-package-name "$name" --linux-app-category science \
        --linux-menu-group "Science;Education" --linux-shortcut \
        --linux-package-deps "libgtk-3-0 | libgtk-3-0t64, libxtst6, libgl1" \
        --dest "$dist"
else
    echo "build-app-image: dpkg-deb or fakeroot missing: no .deb (the app image is complete)"
fi

du -sh "$dist/$name" "$dist"/*.deb 2>/dev/null || true
