package savescope.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The sum of what every input gave: rows read, used, rejected (with reasons) and warnings.
 *
 * @param rowsMerged per-video rows used as earlier counts of a video seen again (kept as its snapshots, not
 *     as a video of their own)
 * @param assumptions what the loader assumed across files (for example which snapshot is the newer and why)
 */
public record LoadReport(List<SourceReport> sources, List<String> warnings, long rowsMerged, List<String> assumptions) {

    public LoadReport {
        sources = List.copyOf(sources);
        warnings = List.copyOf(warnings);
        assumptions = List.copyOf(assumptions);
    }

    public LoadReport(List<SourceReport> sources, List<String> warnings, long rowsMerged) {
        this(sources, warnings, rowsMerged, List.of());
    }

    public LoadReport(List<SourceReport> sources, List<String> warnings) {
        this(sources, warnings, 0);
    }

    /** Every assumption made: the run's own, then each source's, prefixed with its file. */
    public List<String> allAssumptions() {
        List<String> all = new ArrayList<>(assumptions);
        for (SourceReport s : sources) {
            s.assumptions().forEach(a -> all.add("`" + s.file() + "`: " + a));
        }
        return all;
    }

    /** Rows with some field left missing because it could not be read, summed over sources and fields. */
    public long fieldsLeftMissing() {
        return sources.stream().flatMap(s -> s.fieldGaps().stream()).mapToLong(FieldGap::rows).sum();
    }

    public long rowsRead() {
        return sources.stream().mapToLong(SourceReport::rowsRead).sum();
    }

    public long rowsUsed() {
        return sources.stream().mapToLong(SourceReport::rowsUsed).sum();
    }

    public long rowsRejected() {
        return sources.stream().mapToLong(SourceReport::rowsRejected).sum();
    }

    /** The rejections listed with their places (each source lists its first ones; all are counted). */
    public List<Rejection> rejections() {
        List<Rejection> all = new ArrayList<>();
        sources.forEach(s -> all.addAll(s.rejections()));
        return all;
    }

    /** Rejected rows counted but not listed in {@link #rejections()}. */
    public long rejectionsNotListed() {
        return sources.stream().mapToLong(SourceReport::rejectionsNotListed).sum();
    }

    /** Rejection reasons with their counts over every rejected row, most frequent first (ties by reason). */
    public Map<String, Long> topReasons(int limit) {
        Map<String, Long> counts = new java.util.HashMap<>();
        sources.forEach(s -> s.rejectionReasons().forEach((reason, n) -> counts.merge(reason, n, Long::sum)));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** Metrics missing from every per-video source, i.e. missing from the whole analysis. */
    public List<String> metricsMissingEverywhere() {
        List<SourceReport> perVideo = sources.stream()
                .filter(s -> s.kind().equals(SourceReport.VIDEOS) && s.rowsUsed() > 0).toList();
        if (perVideo.isEmpty()) {
            return List.of();
        }
        TreeSet<String> missing = new TreeSet<>(perVideo.get(0).missingMetrics());
        perVideo.forEach(s -> missing.retainAll(s.missingMetrics()));
        return List.copyOf(missing);
    }
}
