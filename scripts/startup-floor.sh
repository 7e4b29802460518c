#!/usr/bin/env bash
# The floor under scripts/startup-time.sh: how long the same JVM and JavaFX take, on this machine and display, to
# show a window that does nothing but a 30-row table (six columns) in the app's theme (AtlantaFX Primer Light, the
# binary stylesheet), 1280x800: process start to the first layout pulse with the table showing, the same mark the app
# reports as first-frame-ms. The app's own start-up cannot go below this without changing JavaFX or the JVM; the
# difference is what the app adds. Compiled against the runnable jar (its JavaFX and AtlantaFX), run without an AppCDS
# archive of its own (the JDK's default CDS only), RUNS times (default 5) under one Xvfb screen.
#
# Usage: scripts/startup-floor.sh [RUNS]     (after `mvn -DskipTests package`; measure on a quiet machine)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
jar="${MOBILENET_EXPLORER_JAR:-target/mobilenet-explorer.jar}"
[ -f "$jar" ] || { echo "startup-floor: $jar not found: run 'mvn -DskipTests package' first" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "startup-floor: Xvfb missing (apt-get install -y xvfb)" >&2; exit 1; }
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
javac="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
work=$(mktemp -d)
display=":$(( 90 + RANDOM % 100 ))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
cat >"$work/StartupFloor.java" <<'JAVA'
import java.time.Duration;
import java.time.Instant;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

public class StartupFloor extends Application {
    /** Not an Application subclass: started from the class path, as the app's own Launcher is. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(StartupFloor.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheetBSS());
        TableView<Integer> table = new TableView<>();
        for (int c = 0; c < 6; c++) {
            int col = c;
            TableColumn<Integer, String> column = new TableColumn<>("Column " + c);
            column.setCellValueFactory(d -> new ReadOnlyStringWrapper(String.format("%,d", d.getValue() * (col + 1) * 1000)));
            table.getColumns().add(column);
        }
        for (int r = 0; r < 30; r++) {
            table.getItems().add(r);
        }
        Scene scene = new Scene(new BorderPane(table), 1280, 800);
        Runnable[] first = new Runnable[1];
        first[0] = () -> {
            if (stage.isShowing()) {
                scene.removePostLayoutPulseListener(first[0]);
                Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
                System.err.println("floor first-frame-ms=" + Duration.between(start, Instant.now()).toMillis());
                Platform.runLater(() -> System.exit(0));
            }
        };
        scene.addPostLayoutPulseListener(first[0]);
        stage.setScene(scene);
        stage.show();
    }
}
JAVA
"$javac" -nowarn -cp "$jar" -d "$work" "$work/StartupFloor.java" 2>&1 | grep -v '^Note:' >&2 || true
sleep 1
export DISPLAY="$display"
times=()
for i in $(seq 1 "$runs"); do
  out=$("$java" -cp "$work:$jar" 'StartupFloor$Main' 2>&1 | grep -m1 'floor first-frame-ms=' || true)
  [ -n "$out" ] || { echo "startup-floor: run $i showed no window" >&2; exit 1; }
  ms="${out##*=}"
  echo "run $i: floor-first-frame-ms=$ms"
  times+=("$ms")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2;
  printf "median of %d runs: %d ms (min %d, max %d)\n", NR, m, a[1], a[NR]}'
