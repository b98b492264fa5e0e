package savescope.report.sections;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import savescope.metrics.Correlations;
import savescope.metrics.GroupComparison;
import savescope.metrics.Rankings;

/** Turns metric records into the report's JSON shapes; NaN becomes null, since JSON has no NaN. */
final class AnalyticsJson {
    private AnalyticsJson() {}

    static Double num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    static Double num(Double v) {
        return v == null ? null : num(v.doubleValue());
    }

    /** One dimension's groups, the group's name under {@code keyName}. */
    static List<Map<String, Object>> groups(String keyName, GroupComparison.Result result) {
        List<GroupComparison.Group> judgedByRate = result.judged().stream()
                .sorted((a, b) -> Double.compare(b.saveRate(), a.saveRate())).toList();
        return result.groups().stream().map(g -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(keyName, g.key());
            m.put("videos", g.videos());
            m.put("views", g.views());
            m.put("saves", g.saves());
            m.put("save_rate", num(g.saveRate()));
            m.put("ci_low", g.ci() == null ? null : num(g.ci().low()));
            m.put("ci_high", g.ci() == null ? null : num(g.ci().high()));
            m.put("median_save_rate", num(g.medianRate()));
            m.put("median_ci_low", g.medianCi() == null ? null : num(g.medianCi().low()));
            m.put("median_ci_high", g.medianCi() == null ? null : num(g.medianCi().high()));
            m.put("too_small", g.tooSmall());
            m.put("rank", g.tooSmall() ? null : judgedByRate.indexOf(g) + 1);
            return m;
        }).toList();
    }

    static Map<String, Object> test(GroupComparison.Result result) {
        if (result.test() == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "Kruskal–Wallis H on per-video save rates, chi-square approximation");
        m.put("statistic", num(result.test().statistic()));
        m.put("df", result.test().df());
        m.put("p", num(result.test().p()));
        m.put("groups", result.test().groups());
        m.put("videos", result.test().n());
        return m;
    }

    /** {@code method → a → b → r}. */
    static Map<String, Object> coefficients(Correlations.Matrix m) {
        return nested(m, "r");
    }

    static Map<String, Object> nested(Correlations.Matrix m, String what) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < m.names().size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int j = 0; j < m.names().size(); j++) {
                Correlations.Correlation c = m.cells()[i][j];
                row.put(m.names().get(j), switch (what) {
                    case "r" -> num(c.r());
                    case "p" -> num(c.p());
                    default -> (Object) c.n();
                });
            }
            out.put(m.names().get(i), row);
        }
        return out;
    }

    static Map<String, Object> correlation(Correlations.Correlation c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("r", num(c.r()));
        m.put("n", c.n());
        m.put("p", num(c.p()));
        return m;
    }

    static Map<String, Object> video(Rankings.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("video_id", e.videoId());
        m.put("title", e.title());
        m.put("views", e.views());
        m.put("saves", e.saves());
        m.put("save_rate", num(e.saveRate()));
        return m;
    }
}
