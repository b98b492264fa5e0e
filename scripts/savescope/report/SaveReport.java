package savescope.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import savescope.model.Canonical;
import savescope.metrics.Analytics;
import savescope.metrics.LocalAnalytics;
import savescope.model.Dataset;
import savescope.model.LoadReport;
import savescope.cells.Cell;
import savescope.cells.Notebook;
import savescope.cells.Output;
import savescope.report.sections.ContentStrategySection;
import savescope.report.sections.CorrelationsSection;
import savescope.report.sections.DataQualitySection;
import savescope.report.sections.OverviewSection;
import savescope.report.sections.PeriodSection;
import savescope.report.sections.PerformanceSection;
import savescope.report.sections.VideosSection;
import savescope.report.sections.TrendsSection;
import savescope.report.sections.EvergreenSection;
import savescope.report.sections.EarlySignalSection;
import savescope.report.sections.ExperimentSection;
import savescope.report.sections.AudienceSection;
import savescope.report.sections.CommentsSection;
import savescope.report.sections.AccountsSection;
import savescope.report.sections.ChannelSection;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.StringColumn;

/**
 * Builds the built-in saves report from a loaded dataset: the notebook to render and the JSON numbers,
 * findings first.
 */
public final class SaveReport {
    /** The sections in reading order. Findings from all of them are gathered at the top. */
    static List<Section<?>> sections() {
        return List.of(new OverviewSection(), new PeriodSection(), new ContentStrategySection(), new PerformanceSection(),
                new CorrelationsSection(), new TrendsSection(), new ChannelSection(), new EvergreenSection(), new EarlySignalSection(),
                new ExperimentSection(), new AudienceSection(), new CommentsSection(), new AccountsSection(),
                new VideosSection(), new DataQualitySection());
    }

    /**
     * The report: what to render and what to write as JSON.
     *
     * @param busyNanos time the sections took, summed over the threads that built them
     * @param analysis what the page was presented from (what an aggregates file stores)
     */
    public record Result(Notebook notebook, Map<String, Object> json, long busyNanos, List<Object> figures,
            List<ReportContext.Snippet> snippets, ReportFigures analysis) {
        /** The figures a section computed, by their record type. */
        public <F extends Record> F figures(Class<F> type) {
            return figures.stream().filter(type::isInstance).map(type::cast).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no section computed " + type.getSimpleName()));
        }
    }

    private SaveReport() {}

    public static Result build(Dataset data, ReportOptions options, Instant generatedAt) {
        return build(LocalAnalytics.of(data), options, generatedAt, threads());
    }

    /** The report from data already loaded in this process, on up to {@code threads} threads. */
    public static Result build(Dataset data, ReportOptions options, Instant generatedAt, int threads) {
        return build(LocalAnalytics.of(data), options, generatedAt, threads);
    }

    /**
     * The report from whichever engine answers {@code data}, building at most {@code threads} sections at once:
     * {@link #analyse} then {@link #present}, so a page rendered from stored figures is this very page.
     */
    public static Result build(Analytics data, ReportOptions options, Instant generatedAt, int threads) {
        LongAdder busy = new LongAdder();
        return present(analyse(data, options, threads, busy), generatedAt, threads, busy);
    }

    /**
     * Every number of the report, computed by whichever engine answers {@code data}, at most {@code threads}
     * sections at once. The sections read the data only through {@link Analytics}.
     */
    public static ReportFigures analyse(Analytics data, ReportOptions options, int threads) {
        return analyse(data, options, threads, new LongAdder());
    }

    private static ReportFigures analyse(Analytics data, ReportOptions options, int threads, LongAdder busy) {
        List<Record> figures = analyseSections(data, options, sections(), threads, busy);
        return new ReportFigures(options, data.accounts(), data.postingRange(), data.load(), data.hasSaves(), figures);
    }

    /** The report's page and JSON from its figures alone (read from an aggregates file, say). */
    public static Result present(ReportFigures figures, Instant generatedAt) {
        return present(figures, generatedAt, threads());
    }

    /** The report's page and JSON from its figures alone, presenting at most {@code threads} sections at once. */
    public static Result present(ReportFigures figures, Instant generatedAt, int threads) {
        return present(figures, generatedAt, threads, new LongAdder());
    }

    private static Result present(ReportFigures figures, Instant generatedAt, int threads, LongAdder busy) {
        // Presenting reads no data: the context has none, only the options and whether the data had saves.
        ReportContext ctx = ReportContext.presenting(figures.hasSaves(), figures.options(), generatedAt);
        List<Section<?>> sections = sections();
        List<ReportContext> parts = presentSections(ctx, sections, figures.sections(), threads, busy);
        boolean noSaves = !figures.hasSaves();
        List<ReportContext.Ranked> ranked = join(ctx, parts, sections, noSaves);
        Map<String, String> meta = meta(figures, generatedAt);
        String title = figures.options().title() != null ? figures.options().title() : title(figures.accounts());
        Notebook nb = new Notebook(title, noSaves ? "What these files say about your videos and channel, and what "
                + "saves would add. From aggregate counts only: TikTok never says who watched or saved."
                : "Which videos people save, how often, and what earns the saves. From "
                + "aggregate counts only: TikTok never says who saved.", meta,
                cells(ctx, ranked, noSaves ? figures.load() : null), "report");
        List<ReportContext.Snippet> snippets = new ArrayList<>();
        for (ReportContext part : parts) {
            snippets.addAll(part.snippets());
        }
        return new Result(nb, json(generatedAt, title, meta, ctx, ranked), busy.sum(),
                figures.sections().stream().filter(java.util.Objects::nonNull).map(Object.class::cast).toList(),
                snippets, figures);
    }

    /**
     * Gathers the sections' JSON and cells into {@code ctx} in order (a part about saves, with no saves in the
     * data, only says what it needs) and returns their findings, most important first.
     */
    private static List<ReportContext.Ranked> join(ReportContext ctx, List<ReportContext> parts, List<Section<?>> sections,
            boolean noSaves) {
        List<ReportContext.Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            ReportContext part = parts.get(i);
            ctx.jsonFigures().addAll(part.jsonFigures());
            if (noSaves && sections.get(i).needsSaves()) {
                ctx.cells().addAll(MissingSaves.needsSaves(part.cells()));
                continue;
            }
            ranked.addAll(part.findings());
            ctx.cells().addAll(part.cells());
        }
        ranked.sort(Comparator.comparingDouble(ReportContext.Ranked::importance).reversed());
        return ranked;
    }

    /**
     * The findings first (after the missing-saves banner made from {@code noSavesIn}, when no video has saves), then
     * every section's cells.
     */
    private static List<Cell> cells(ReportContext ctx, List<ReportContext.Ranked> ranked, LoadReport noSavesIn) {
        List<Cell> cells = new ArrayList<>();
        if (noSavesIn != null) {
            cells.add(MissingSaves.banner(noSavesIn));
        }
        cells.add(Cell.markdown("## Findings\n\nWhat stands out in these numbers, most important first. Each finding "
                + "says how sure we can be; a difference that could be chance is called so."));
        // The findings come from the sections below, not from code of their own: the cell shows no Java.
        cells.add(Cell.code("", List.of(new Output.Findings(ranked.stream().map(ReportContext.Ranked::finding).toList()))));
        cells.addAll(ctx.cells());
        return cells;
    }

    /** The lines under the title: account, period, sources, when. */
    /** Up to this many accounts are named in the title and the header; more are counted. */
    static final int NAMED_ACCOUNTS = 3;

    /** The default title: the accounts named when few, counted when many. */
    static String title(List<String> accounts) {
        if (accounts.isEmpty()) {
            return "What gets saved";
        }
        return "What gets saved: " + (accounts.size() > NAMED_ACCOUNTS
                ? String.format(Locale.ROOT, "%,d accounts", accounts.size()) : String.join(", ", accounts));
    }

    /** The header's line for more than {@link #NAMED_ACCOUNTS} accounts: how many, and the first few. */
    static String accountsLine(List<String> accounts) {
        return String.format(Locale.ROOT, "%,d: %s and %,d more", accounts.size(),
                String.join(", ", accounts.subList(0, NAMED_ACCOUNTS)), accounts.size() - NAMED_ACCOUNTS);
    }

    private static Map<String, String> meta(ReportFigures figures, Instant generatedAt) {
        Map<String, String> meta = new LinkedHashMap<>();
        List<String> names = figures.accounts();
        if (names.size() > NAMED_ACCOUNTS) {
            // An agency's or a corpus's thousands of accounts: a count and the first few, not a page of names.
            meta.put("Accounts", accountsLine(names));
        } else if (!names.isEmpty()) {
            meta.put("Account", String.join(", ", names));
        }
        meta.put("Period", period(figures.postingRange()));
        meta.put("Sources", sources(figures.load()));
        meta.put("Generated", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                .format(generatedAt.atOffset(ZoneOffset.UTC)));
        return meta;
    }

    /** The --json document: when, title and period, each section's entries in order, then the findings. */
    private static Map<String, Object> json(Instant generatedAt, String title, Map<String, String> meta,
            ReportContext ctx, List<ReportContext.Ranked> ranked) {
        String period = meta.get("Period");
        List<ReportContext.Ranked> findings = List.copyOf(ranked);
        return new LazyJson(() -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("generated_at", generatedAt.toString());
            json.put("title", title);
            json.put("period", period);
            json.putAll(ctx.jsonDocument());
            json.put("findings", findings.stream().map(r -> {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("headline", r.finding().headline());
                f.put("detail", r.finding().detail());
                f.put("level", r.finding().level());
                return f;
            }).toList());
            return json;
        });
    }

    /**
     * How many sections to build at once: one per core, at most {@link #MAX_THREADS} (each holds its own
     * working arrays, which at a million videos are tens of MB). {@code -Dsavescope.threads=N} overrides.
     */
    static int threads() {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Integer.getInteger("savescope.threads", Math.min(cores, MAX_THREADS)));
    }

    static final int MAX_THREADS = 4;

    /**
     * Each section's figures from {@code data}, in section order, computed on up to {@code threads} threads (this
     * one included). The sections only read the data and its memoized values, and each section's numbers come
     * from its own seeded generators, so the figures are the same whatever the number of threads and whichever
     * finishes first.
     */
    static List<Record> analyseSections(Analytics data, ReportOptions options, List<? extends Section<?>> sections,
            int threads, LongAdder busyNanos) {
        Record[] figures = new Record[sections.size()];
        int[] order = longestFirst(sections);
        savescope.Parallel.forEachIndex(figures.length, threads, "savescope-section", k -> {
            int i = order[k];
            long start = System.nanoTime();
            try {
                figures[i] = sections.get(i).analyse(data, options);
            } finally {
                busyNanos.add(System.nanoTime() - start);
            }
        });
        return java.util.Arrays.asList(figures);
    }

    /**
     * The sections that take longest on a large export, longest first; {@link #analyseSections} starts them
     * before the others. Threads take the next section as they come free, so a long section started last
     * finishes alone: at 1,000,000 videos on 2 cores the correlations (1.1-1.6 s) used to start after the
     * overview and performance sections, and the other thread sat idle for 0.2-0.5 s at the end. The two sections
     * that read the daily series by video come early too: the first to start groups the series (0.15-0.25 s at
     * 3,000,000 rows) while the other thread computes the correlations, so the second never waits for it with
     * nothing else left to do (100,000 videos with their daily series: 2.30 -> 2.20 s, 5 interleaved rounds).
     */
    static final List<Class<?>> LONGEST_FIRST = List.of(CorrelationsSection.class, EvergreenSection.class,
            ContentStrategySection.class, EarlySignalSection.class, TrendsSection.class, PerformanceSection.class,
            OverviewSection.class);

    /** The order to start {@code sections} in: {@link #LONGEST_FIRST}, then the rest in section order. */
    static int[] longestFirst(List<? extends Section<?>> sections) {
        int[] order = new int[sections.size()];
        boolean[] taken = new boolean[order.length];
        int k = 0;
        for (Class<?> type : LONGEST_FIRST) {
            for (int i = 0; i < order.length; i++) {
                if (!taken[i] && sections.get(i).getClass() == type) {
                    taken[i] = true;
                    order[k++] = i;
                }
            }
        }
        for (int i = 0; i < order.length; i++) {
            if (!taken[i]) {
                order[k++] = i;
            }
        }
        return order;
    }

    /**
     * Presents every section's figures into its own fork of {@code ctx}, on up to {@code threads} threads (this one
     * included), and returns the forks in section order, to be joined in that order.
     */
    static List<ReportContext> presentSections(ReportContext ctx, List<? extends Section<?>> sections,
            List<Record> figures, int threads, LongAdder busyNanos) {
        if (figures.size() != sections.size()) {
            throw new IllegalArgumentException("expected the figures of " + sections.size() + " sections, found "
                    + figures.size());
        }
        ReportContext[] parts = new ReportContext[sections.size()];
        savescope.Parallel.forEachIndex(parts.length, threads, "savescope-section", i -> {
            long start = System.nanoTime();
            try {
                ReportContext part = ctx.fork();
                present(sections.get(i), figures.get(i), part);
                parts[i] = part;
            } finally {
                busyNanos.add(System.nanoTime() - start);
            }
        });
        return java.util.Arrays.asList(parts);
    }

    /** Analyses then presents every section into its own fork of {@code ctx}; returns the forks in section order. */
    static List<ReportContext> buildSections(ReportContext ctx, List<? extends Section<?>> sections, int threads,
            LongAdder busyNanos) {
        List<Record> figures = analyseSections(ctx.analytics(), ctx.options(), sections, threads, busyNanos);
        return presentSections(ctx, sections, figures, threads, busyNanos);
    }

    /** Builds one section into {@code part}: its figures' JSON and its cells; returns the figures. */
    static <F extends Record> F build(Section<F> section, ReportContext part) {
        F figures = section.analyse(part.analytics(), part.options());
        present(section, figures, part);
        return figures;
    }

    /** Writes {@code figures}' JSON and cells into {@code part}; they must be of the section's figures type. */
    private static <F extends Record> void present(Section<F> section, Record figures, ReportContext part) {
        F f = figuresType(section).cast(figures);
        part.jsonFigures().add(f);
        section.present(f, part);
    }

    /** The record type of a section's figures: the type argument of its {@link Section} interface. */
    @SuppressWarnings("unchecked")
    static <F extends Record> Class<F> figuresType(Section<F> section) {
        for (java.lang.reflect.Type t : section.getClass().getGenericInterfaces()) {
            if (t instanceof java.lang.reflect.ParameterizedType p && p.getRawType() == Section.class
                    && p.getActualTypeArguments()[0] instanceof Class<?> c) {
                return (Class<F>) c;
            }
        }
        throw new IllegalArgumentException(section.getClass().getName() + " does not name its figures type");
    }

    /** First to last posting date of the videos, or "unknown" when no video has a posting time. */
    static String period(Analytics.PostingRange range) {
        if (range == null) {
            return "unknown (no posting times)";
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
        return f.format(range.first().atOffset(ZoneOffset.UTC)) + " – " + f.format(range.last().atOffset(ZoneOffset.UTC));
    }

    /** The input files and their formats; past three files, how many more. */
    static String sources(LoadReport load) {
        List<String> names = load.sources().stream().map(s -> fileName(s.file()) + " (" + s.format() + ")").toList();
        if (names.size() <= 3) {
            return names.isEmpty() ? "none" : String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more files";
    }

    /** The last part of a path or URI; a folder given with a trailing slash ({@code hdfs:///corpus/}) keeps its name. */
    static String fileName(String path) {
        String trimmed = path.replaceAll("[/\\\\]+$", "");
        if (trimmed.isEmpty()) {
            return path;
        }
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        return slash < 0 ? trimmed : trimmed.substring(slash + 1);
    }
}
