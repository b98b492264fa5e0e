package savescope.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Writes seeded synthetic exports in the canonical CSV shape: {@code videos_N.csv}
 * ({@code video_id,title,post_time,content_type,duration_s,views,likes,comments,shares,saves}) and, when
 * days &gt; 0, {@code daily_N_D.csv} of per-day increments that add up exactly to each video's totals. The
 * same spec always gives byte-identical files.
 *
 * <p>The data looks like a large creator's or agency's export: heavy-tailed views (log-normal, median near
 * 5,000), engagement drawn per view with a shared latent quality, save rates of 0.3-3% that depend on the
 * content type (tutorials and recipes saved most), evening posting times in several UTC offsets, and titles
 * with non-Latin scripts, emoji sequences, quotes, commas and the odd script tag or empty title. Daily series
 * decay exponentially after posting; saves of tutorials and recipes decay much more slowly than views.
 */
public final class ExportGenerator {
    /** What to generate. */
    public record Spec(int videos, int days, long seed) {
        public Spec {
            if (videos < 1 || days < 0) {
                throw new IllegalArgumentException("need at least one video and no negative days, got " + videos
                        + " videos and " + days + " days");
            }
        }

        public String videosFileName() {
            return "videos_" + videos + ".csv";
        }

        public String dailyFileName() {
            return "daily_" + videos + "_" + days + ".csv";
        }
    }

    /** The default seed, shared with the Python generator's default so the two make the same sizes. */
    public static final long DEFAULT_SEED = 20240601L;

    private static final String[] TYPES = {"tutorial", "comedy", "dance", "vlog", "review", "recipe"};
    private static final double[] TYPE_SHARE = {0.20, 0.22, 0.18, 0.15, 0.10, 0.15};
    /** Logit centre of the save rate per type: higher means saved more. */
    private static final double[] SAVE_LOGIT = {1.1, -0.8, -1.1, -0.3, 0.2, 0.9};
    private static final double[] MEDIAN_SECONDS = {62, 24, 17, 95, 70, 48};
    private static final double[] LOG_VIEW_SHIFT = {-0.1, 0.25, 0.2, -0.2, -0.15, 0.0};
    /** How many times more slowly saves fade than views after posting. */
    private static final double[] SAVE_FADE = {4.0, 1.0, 1.0, 1.2, 1.6, 2.5};

    private static final String[][] OPENERS = {
        {"How I", "Fix this in 30s:", "Beginner guide —", "The trick to", "Never again:", "Explained:"},
        {"POV:", "My roommate when", "Tell me without telling me", "Plot twist:", "Every meeting ever:"},
        {"Learning the", "Tried the", "Choreo:", "Mirror version —", "Can we do"},
        {"Sunday reset:", "Vlog №", "24 hours in", "Packing for", "Slow morning —"},
        {"Worth the hype?", "Tested for a month:", "Rating every", "Unboxing", "Don't buy"},
        {"Dinner in 15:", "My nonna's", "Meal prep —", "Three-ingredient", "Sheet-pan"},
    };
    private static final String[] SUBJECTS = {
        "spreadsheet formulas", "focaccia", "pâte à choux", "SQL joins", "the \"viral\" pasta", "jalapeño salsa",
        "中文 tones", "ひらがな in a week", "Ελληνικός καφές", "Łódź street food", "Kraków, cheap & cheerful",
        "señor's guacamole", "Ben & Jerry's, ranked", "70% off, really?", "x < y && y > z", "pho 🍲",
        "sunscreen, honestly", "my old laptop", "knee day", "thrift flips", "matcha", "Санкт-Петербург",
        "שלום עולם", "köttbullar", "açaí bowls", "git rebase, part 3", "\"old money\" style", "dog vs. vacuum",
        "the eras tour", "saving 101", "cover letters", "soufflé fail", "naïve art", "hygge ☕", "Crème de la crème",
    };
    private static final String[] EMOJI = {
        "🔥", "🤣", "🕺", "🥘", "🌟", "🙈", "📌", "❤️‍🔥", "👩‍👩‍👦", "🇧🇷", "🇰🇷", "💡", "🙌🏾", "", "", "",
    };
    private static final String[] TAGS = {
        "#fyp", "#foryoupage", "#howto", "#trending", "#tutorial", "#recipe", "#funny", "#dancechallenge", "#vlog", "",
    };
    private static final String[] SCRIPT_TAGS = {
        "<script>alert(\"saved\")</script>", "<img src=x onerror=alert(1)>", "</table><script>alert('x')</script>",
    };

    private static final LocalDateTime FIRST_DAY = LocalDateTime.of(2024, 1, 1, 0, 0);
    private static final LocalDateTime US_DST_START = LocalDateTime.of(2024, 3, 10, 2, 0);
    private static final LocalDateTime EU_DST_START = LocalDateTime.of(2024, 3, 31, 1, 0);

    private ExportGenerator() {}

    /** Per-video values, in generation order. */
    private record Videos(byte[] type, LocalDateTime[] local, String[] offset, int[] duration, long[] views,
            long[] likes, long[] comments, long[] shares, long[] saves, long[] ids, String[] titles) {}

    /**
     * Writes the files into {@code dir} (created if needed), each through a temporary file so a killed run
     * leaves no half-written export; returns the videos file, then the daily file when there is one.
     */
    public static Path[] write(Spec spec, Path dir) throws IOException {
        Files.createDirectories(dir);
        Videos v = videos(spec);
        Integer[] newestFirst = IntStream.range(0, spec.videos()).boxed().toArray(Integer[]::new);
        Arrays.sort(newestFirst, Comparator.comparingLong((Integer i) -> v.ids()[i]).reversed());
        Path videosFile = dir.resolve(spec.videosFileName());
        writeAtomically(videosFile, w -> writeVideos(v, newestFirst, w));
        if (spec.days() == 0) {
            return new Path[] {videosFile};
        }
        Path dailyFile = dir.resolve(spec.dailyFileName());
        writeAtomically(dailyFile, w -> writeDaily(spec, v, newestFirst, w));
        return new Path[] {videosFile, dailyFile};
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void writeAtomically(Path file, Body body) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            body.write(w);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Videos videos(Spec spec) {
        int n = spec.videos();
        SplittableRandom rng = new SplittableRandom(spec.seed());
        byte[] type = new byte[n];
        LocalDateTime[] local = new LocalDateTime[n];
        String[] offset = new String[n];
        int[] duration = new int[n];
        long[] views = new long[n];
        long[] likes = new long[n];
        long[] comments = new long[n];
        long[] shares = new long[n];
        long[] saves = new long[n];
        String[] titles = new String[n];
        for (int i = 0; i < n; i++) {
            int t = pick(rng.nextDouble(), TYPE_SHARE);
            type[i] = (byte) t;
            double quality = rng.nextGaussian();
            int hour = (int) Math.max(0, Math.min(23, Math.round(18 + 4 * rng.nextGaussian())));
            local[i] = FIRST_DAY.plusDays(rng.nextInt(182)).plusHours(hour).plusMinutes(rng.nextInt(60))
                    .plusSeconds(rng.nextInt(60));
            offset[i] = offset(local[i], rng.nextDouble());
            duration[i] = (int) Math.max(3, Math.min(600, Math.round(MEDIAN_SECONDS[t] * Math.exp(0.45 * rng.nextGaussian()))));
            double logViews = Math.log(5000) + LOG_VIEW_SHIFT[t] + 0.35 * quality + 1.65 * rng.nextGaussian();
            long vw = Math.min(80_000_000L, Math.round(Math.exp(logViews)));
            if (rng.nextDouble() < 0.0005) {
                vw = 0; // just posted, or still under review
            }
            views[i] = vw;
            double pLike = 0.05 + 0.07 * sigmoid(0.9 * quality + 0.8 * rng.nextGaussian());
            double pComment = 0.001 + 0.004 * sigmoid(0.5 * quality + rng.nextGaussian());
            double pShare = Math.exp(Math.log(0.001) + rng.nextDouble() * (Math.log(0.01) - Math.log(0.001)));
            double pSave = 0.003 * Math.pow(10, sigmoid(SAVE_LOGIT[t] + 0.6 * quality + 0.9 * rng.nextGaussian()));
            likes[i] = binomial(rng, vw, pLike);
            comments[i] = binomial(rng, vw, pComment);
            shares[i] = binomial(rng, vw, pShare);
            saves[i] = binomial(rng, vw, pSave);
            titles[i] = title(rng, t);
        }
        // Ids grow with posting time, like TikTok's: number the videos in time order, with a random low part.
        Integer[] byTime = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(byTime, Comparator.comparing((Integer i) -> local[i]).thenComparingInt(i -> i));
        long[] ids = new long[n];
        for (int rank = 0; rank < n; rank++) {
            ids[byTime[rank]] = 7_300_000_000_000_000_000L + rank * 1_000_003L + rng.nextInt(1_000_000);
        }
        return new Videos(type, local, offset, duration, views, likes, comments, shares, saves, ids, titles);
    }

    private static String offset(LocalDateTime local, double u) {
        if (u > 0.98) {
            return "+09:00";
        }
        if (u > 0.95) {
            return "+05:30";
        }
        if (u > 0.88) {
            return local.isBefore(EU_DST_START) ? "+01:00" : "+02:00";
        }
        if (u > 0.80) {
            return "+00:00";
        }
        return local.isBefore(US_DST_START) ? "-05:00" : "-04:00";
    }

    private static String title(SplittableRandom rng, int type) {
        double special = rng.nextDouble();
        String[] openers = OPENERS[type];
        String opener = openers[rng.nextInt(openers.length)];
        String subject = SUBJECTS[rng.nextInt(SUBJECTS.length)];
        String emoji = EMOJI[rng.nextInt(EMOJI.length)];
        String tag1 = TAGS[rng.nextInt(TAGS.length)];
        String tag2 = TAGS[rng.nextInt(TAGS.length)];
        String script = SCRIPT_TAGS[rng.nextInt(SCRIPT_TAGS.length)];
        if (special < 0.005) {
            return "";
        }
        StringBuilder b = new StringBuilder(64);
        for (String part : new String[] {opener, subject, emoji, tag1, tag2}) {
            if (!part.isEmpty()) {
                b.append(b.length() == 0 ? "" : " ").append(part);
            }
        }
        if (special < 0.010) {
            b.append(' ').append(script);
        }
        return b.toString();
    }

    private static void writeVideos(Videos v, Integer[] order, Writer w) throws IOException {
        w.write("video_id,title,post_time,content_type,duration_s,views,likes,comments,shares,saves\n");
        StringBuilder line = new StringBuilder(160);
        for (int i : order) {
            line.setLength(0);
            line.append(v.ids()[i]).append(',');
            csvField(line, v.titles()[i]);
            line.append(',').append(v.local()[i]).append(v.offset()[i]).append(',').append(TYPES[v.type()[i]])
                    .append(',').append(v.duration()[i]).append(',').append(v.views()[i]).append(',')
                    .append(v.likes()[i]).append(',').append(v.comments()[i]).append(',').append(v.shares()[i])
                    .append(',').append(v.saves()[i]).append('\n');
            w.append(line);
        }
    }

    private static void writeDaily(Spec spec, Videos v, Integer[] order, Writer w) throws IOException {
        SplittableRandom rng = new SplittableRandom(spec.seed() + 1);
        int days = spec.days();
        long[][] split = new long[5][];
        StringBuilder line = new StringBuilder(96);
        w.write("video_id,date,views,likes,comments,shares,saves\n");
        for (int i : order) {
            double viewFade = Math.exp(Math.log(2.5) + 0.5 * rng.nextGaussian());
            double saveFade = viewFade * SAVE_FADE[v.type()[i]] * Math.exp(0.15 * rng.nextGaussian());
            split[0] = allocate(v.views()[i], weights(rng, days, viewFade));
            split[1] = allocate(v.likes()[i], weights(rng, days, viewFade * 1.05));
            split[2] = allocate(v.comments()[i], weights(rng, days, viewFade * 1.1));
            split[3] = allocate(v.shares()[i], weights(rng, days, viewFade));
            split[4] = allocate(v.saves()[i], weights(rng, days, saveFade));
            // The day of posting in the poster's own time zone, as the export's post_time shows it.
            LocalDate first = v.local()[i].toLocalDate();
            for (int d = 0; d < days; d++) {
                line.setLength(0);
                line.append(v.ids()[i]).append(',').append(first.plusDays(d));
                for (long[] metric : split) {
                    line.append(',').append(metric[d]);
                }
                w.append(line.append('\n'));
            }
        }
    }

    private static double[] weights(SplittableRandom rng, int days, double fade) {
        double[] w = new double[days];
        for (int d = 0; d < days; d++) {
            w[d] = Math.exp(-d / fade) * Math.exp(0.25 * rng.nextGaussian()) + 1e-9;
        }
        return w;
    }

    /**
     * Splits {@code total} over the days in proportion to {@code weights} so the parts add up exactly: each day
     * gets the floor of its share, and the units left over go to the days with the largest remainders (ties to
     * the earlier day).
     */
    static long[] allocate(long total, double[] weights) {
        double sum = 0;
        for (double x : weights) {
            sum += x;
        }
        int days = weights.length;
        long[] parts = new long[days];
        double[] remainder = new double[days];
        long given = 0;
        for (int d = 0; d < days; d++) {
            double exact = total * (weights[d] / sum);
            parts[d] = (long) Math.floor(exact);
            remainder[d] = exact - parts[d];
            given += parts[d];
        }
        long left = total - given;
        if (left > 0) {
            Integer[] byRemainder = IntStream.range(0, days).boxed().toArray(Integer[]::new);
            Arrays.sort(byRemainder, Comparator.comparingDouble((Integer d) -> remainder[d]).reversed()
                    .thenComparingInt(d -> d));
            for (int k = 0; k < left; k++) {
                parts[byRemainder[k % days]]++;
            }
        }
        return parts;
    }

    /**
     * A binomial draw: exact by inversion while the mean is small, else the normal approximation (rounded and
     * kept within 0..n), which at a mean of 20 or more is as good as the data needs.
     */
    static long binomial(SplittableRandom rng, long n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        double mean = n * p;
        if (mean < 20) {
            double u = rng.nextDouble();
            double prob = Math.exp(n * Math.log1p(-p));
            double cdf = prob;
            long k = 0;
            while (u > cdf && k < n) {
                prob *= (double) (n - k) / (k + 1) * p / (1 - p);
                k++;
                cdf += prob;
                if (prob < 1e-300 && k > mean) {
                    break;
                }
            }
            return k;
        }
        double draw = Math.round(mean + Math.sqrt(mean * (1 - p)) * rng.nextGaussian());
        return (long) Math.max(0, Math.min(n, draw));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static int pick(double u, double[] shares) {
        double acc = 0;
        for (int k = 0; k < shares.length; k++) {
            acc += shares[k];
            if (u < acc) {
                return k;
            }
        }
        return shares.length - 1;
    }

    /** Appends a CSV field, quoted (with doubled quotes) when it holds a comma, quote or line break. */
    static void csvField(StringBuilder b, String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            b.append(s);
            return;
        }
        b.append('"').append(s.replace("\"", "\"\"")).append('"');
    }
}
