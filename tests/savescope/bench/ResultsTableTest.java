package savescope.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import savescope.cli.StageClock;

class ResultsTableTest {
    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, ResultsTable.median(new double[] {3, 1, 2}));
        assertEquals(2.5, ResultsTable.median(new double[] {4, 1, 3, 2}));
        assertTrue(Double.isNaN(ResultsTable.median(new double[] {1, Double.NaN})));
        assertTrue(Double.isNaN(ResultsTable.median(new double[0])));
    }

    @Test
    void statsTakeMediansAndTheLargestPeak() {
        List<ProcessTimer.Measurement> runs = List.of(
                new ProcessTimer.Measurement(1.2, 2.0, 100_000, 0, "", ""),
                new ProcessTimer.Measurement(0.9, 1.5, 120_000, 0, "", ""),
                new ProcessTimer.Measurement(1.0, 1.8, 110_000, 0, "", ""));
        ResultsTable.Stats s = ResultsTable.Stats.of(runs, 5000);
        assertEquals(new ResultsTable.Stats(3, 1.0, 0.9, 1.2, 1.8, 120_000, 5000), s);
    }

    @Test
    void endToEndTableWithAndWithoutPython() {
        ResultsTable.Stats ours = new ResultsTable.Stats(3, 0.8, 0.75, 0.9, 1.1, 204_800, 411_000);
        ResultsTable.Stats python = new ResultsTable.Stats(3, 1.6, 1.5, 1.7, 1.6, 115_712, 2_400_000);
        String table = ResultsTable.endToEnd(List.of(
                new ResultsTable.Row(1000, 30_000, ours, python, null, Map.of()),
                new ResultsTable.Row(1_000_000, 0, ours, null, null, Map.of())));
        // 0.8 / 1.6 = 0.50x; 204,800 KiB = 200 MiB; 115,712 KiB = 113 MiB; 411,000 B = 411 KB; 2.4e6 B = 2.4 MB.
        assertEquals("| videos | daily rows | SaveScope s | Python s | SaveScope / Python | SaveScope CPU s | Python CPU s "
                + "| SaveScope peak MiB | Python peak MiB | HTML (SaveScope / Python) |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                + "| 1,000 | 30,000 | 0.80 (0.75–0.90) | 1.60 (1.50–1.70) | 0.50× | 1.10 | 1.60 | 200 | 113 | 411 KB / 2.4 MB |\n"
                + "| 1,000,000 | 0 | 0.80 (0.75–0.90) | – | – | 1.10 | – | 200 | – | 411 KB / – |\n", table);
    }

    @Test
    void duckDbTableGivesTheRatioAndSkipsSizesWithoutIt() {
        ResultsTable.Stats ours = new ResultsTable.Stats(3, 6.0, 5.5, 6.5, 7.0, 900 * 1024, 915_000);
        ResultsTable.Stats duck = new ResultsTable.Stats(3, 4.0, 3.9, 4.2, 4.1, 800 * 1024, -1);
        ResultsTable.Stats python = new ResultsTable.Stats(1, 20.0, 20.0, 20.0, 21.0, 2000 * 1024, 2_400_000);
        String table = ResultsTable.versusDuckDb(List.of(
                new ResultsTable.Row(1000, 0, ours, null, null, Map.of()),
                new ResultsTable.Row(1_000_000, 0, ours, null, duck, Map.of()),
                new ResultsTable.Row(2_000_000, 0, ours, python, duck, Map.of())));
        // 6.0 s / 4.0 s = 1.50x; one Python run shows no range; 900 * 1024 KiB = 900 MiB.
        assertEquals("| videos | SaveScope s | DuckDB s | Python s | SaveScope / DuckDB | CPU s (SaveScope / DuckDB / Python) "
                + "| peak MiB (SaveScope / DuckDB / Python) |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|\n"
                + "| 1,000,000 | 6.00 (5.50–6.50) | 4.00 (3.90–4.20) | – | 1.50× | 7.00 / 4.10 / – | 900 / 800 / – |\n"
                + "| 2,000,000 | 6.00 (5.50–6.50) | 4.00 (3.90–4.20) | 20.00 | 1.50× | 7.00 / 4.10 / 21.00 | 900 / 800 / 2,000 |\n", table);
    }

    @Test
    void stageTableShowsTimeOutsideTheJvmClock() {
        Map<String, Double> stages = new LinkedHashMap<>();
        stages.put("jvm_start_ms", 200.0);
        stages.put("load_ms", 400.4);
        stages.put("metrics_ms", 100.0);
        stages.put("charts_ms", 150.0);
        stages.put("render_ms", 1234.5);
        stages.put("write_ms", 20.0);
        stages.put("command_ms", 1000.0);
        stages.put("heap_peak_mb", 96.4);
        ResultsTable.Stats ours = new ResultsTable.Stats(1, 1.5, 1.5, 1.5, Double.NaN, -1, 999);
        String table = ResultsTable.stages(List.of(new ResultsTable.Row(100_000, 0, ours, null, null, stages)));
        // Outside the clock: 1.5 s wall - (200 ms to reach the command + 1,000 ms in it) = 300 ms.
        assertEquals("| videos | JVM start | load | metrics | charts | render | write | launcher + exit | heap peak MiB |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                + "| 100,000 | 200 | 400 | 100 | 150 | 1,235 | 20 | 300 | 96 |\n", table);
    }

    @Test
    void timingsLineRoundTrips() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("load_ms", 12.25);
        m.put("render_ms", 4.0);
        String line = StageClock.format(m);
        assertEquals("savescope-timings load_ms=12.3 render_ms=4.0", line);
        assertEquals(Map.of("load_ms", 12.3, "render_ms", 4.0), StageClock.parse(line));
        assertTrue(StageClock.parse("error: something else").isEmpty());
    }
}
