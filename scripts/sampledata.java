///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.*;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.*;
import java.util.function.IntPredicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes SaveScope's sample data: a realistic TikTok Studio download for the fictional creator
 * {@code @lena.bakes}, plus a per-video daily series and a set of comments.
 *
 * <p>Every number comes from one seeded model: each video gets a lifetime audience and engagement
 * rates, which decay curves spread over calendar days. All files are derived from those daily
 * increments, so totals, snapshots, daily rows and the account overview agree with each other.
 * The same seed always gives byte-identical files: no clock, no hash ordering, Locale.ROOT only.
 *
 * <pre>java scripts/sampledata.java [--out data/sample] [--seed 42]</pre>
 */
public class sampledata {

    static final String HANDLE = "lena.bakes";
    static final long DEFAULT_SEED = 42;
    static final long EXPORT_EPOCH = 1795165200L; // 2026-11-20T09:00:00Z, the moment of the download
    static final LocalDate EXPORT_DAY = LocalDate.of(2026, 11, 20);
    static final LocalDate FIRST_POST_DAY = LocalDate.of(2025, 11, 20), LAST_POST_DAY = LocalDate.of(2026, 11, 18);
    static final LocalDate WINDOW_END = EXPORT_DAY.minusDays(2);      // Studio data lags two days
    static final LocalDate WINDOW_START = WINDOW_END.minusDays(364);  // 365 daily rows
    static final LocalDate HOOK_FROM = EXPORT_DAY.minusMonths(3);     // the A/B test ran in the last three months
    static final List<LocalDate> SNAPSHOT_DAYS = List.of(LocalDate.of(2026, 10, 23), LocalDate.of(2026, 11, 6));
    static final int VIDEOS = 150, PHOTOS = 6, HOOKED = 20, DAILY_DAYS = 28, COMMENTS = 500, CONTENT_ROWS = 15;
    static final int START_FOLLOWERS = 8_000, END_FOLLOWERS = 42_000;
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** Content types; a video's type shows only through the hashtags in its title. */
    enum Kind {
        //       share of posts, save rate, median seconds, chance of being evergreen
        TUTORIAL(0.24, 0.024, 75, 0.40),
        RECIPE(0.34, 0.028, 50, 0.30),
        COMEDY(0.16, 0.0045, 18, 0.0),
        VLOG(0.12, 0.006, 60, 0.02),
        REVIEW(0.14, 0.011, 35, 0.08);

        final double weight, saveRate, medianSeconds, evergreenChance;

        Kind(double weight, double saveRate, double medianSeconds, double evergreenChance) {
            this.weight = weight; this.saveRate = saveRate;
            this.medianSeconds = medianSeconds; this.evergreenChance = evergreenChance;
        }
    }

    /** Share of a lifetime count reached t days after posting: a fast and a slow exponential. */
    record Curve(double fastShare, double fastDays, double slowDays) {
        double reached(double t) {
            if (t <= 0) return 0;
            return fastShare * (1 - Math.exp(-t / fastDays)) + (1 - fastShare) * (1 - Math.exp(-t / slowDays));
        }
    }

    // Views peak in the first two days; evergreen videos keep a long tail from search.
    static final Curve PLAIN_VIEWS = new Curve(0.88, 1.3, 12), EVERGREEN_VIEWS = new Curve(0.70, 1.6, 90),
        VIRAL_VIEWS = new Curve(0.85, 2.5, 20);
    // Saves of ordinary videos fade within a week; evergreen ones keep being saved for months.
    static final Curve PLAIN_SAVES = new Curve(0.95, 1.0, 4), EVERGREEN_SAVES = new Curve(0.6, 1.5, 45);

    record Video(String id, long posted, Kind kind, String title, int duration, boolean viral, boolean evergreen,
                 double lifetimeViews, double saveRate, double likeRate, double commentRate, double shareRate) {
        LocalDate day() { return LocalDate.ofEpochDay(Math.floorDiv(posted, 86400)); }
        String link() { return "https://www.tiktok.com/@" + HANDLE + "/video/" + id; }
    }

    record Counts(long views, long likes, long comments, long shares, long saves) {
        static final Counts ZERO = new Counts(0, 0, 0, 0, 0);
        Counts plus(Counts o) {
            return new Counts(views + o.views, likes + o.likes, comments + o.comments, shares + o.shares,
                saves + o.saves);
        }
    }

    record Day(LocalDate date, Counts counts) {}

    /** One video and its daily increments from the posting day up to the export. */
    record Series(Video video, List<Day> days) {
        Counts before(LocalDate cutoff) {
            Counts sum = Counts.ZERO;
            for (Day d : days) if (d.date().isBefore(cutoff)) sum = sum.plus(d.counts());
            return sum;
        }
        Counts total() { return before(EXPORT_DAY.plusDays(1)); }
    }

    /** Account numbers per day, from the window start to the day before the export. */
    record Account(Counts[] daily, long[] profileViews, long[] newFollowers, long[] followers, long[] viewers,
                   long[] returning) {}

    record ZipItem(String name, String text) {}

    final long seed;
    final Path out;

    sampledata(long seed, Path out) { this.seed = seed; this.out = out; }

    public static void main(String[] args) throws IOException {
        Path out = Path.of("data", "sample");
        long seed = DEFAULT_SEED;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> out = Path.of(value(args, ++i));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i));
                    case "-h", "--help" -> {
                        System.out.println("usage: sampledata [--out DIR] [--seed N]   (defaults: data/sample, "
                            + DEFAULT_SEED + ")");
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("sampledata: " + e.getMessage() + " (try --help)");
            System.exit(2);
        }
        new sampledata(seed, out).run();
    }

    static String value(String[] args, int i) {
        if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value");
        return args[i];
    }

    void run() throws IOException {
        Random sim = rng("daily");
        List<Series> series = new ArrayList<>();
        for (Video v : planVideos()) series.add(simulate(v, sim));
        Files.createDirectories(out.resolve("snapshots"));

        writeVideoExport("videos.csv", series, EXPORT_DAY.plusDays(1), true);
        for (LocalDate day : SNAPSHOT_DAYS) writeVideoExport("snapshots/videos_" + day + ".csv", series, day, false);
        writeDaily(series);
        writeStudioZips(series, account(series));
        writeComments(series);
    }

    /** Independent streams per purpose, so changing one file's model leaves the others alone. */
    Random rng(String purpose) { return new Random(seed * 1_000_003L + purpose.hashCode()); }

    // ------------------------------------------------------------------------------------ planning the videos

    List<Video> planVideos() {
        Random r = rng("videos");
        long[] posted = planPostTimes(r);
        Kind[] kinds = new Kind[VIDEOS];
        for (int i = 0; i < VIDEOS; i++) kinds[i] = pickKind(r);

        // A few hits: one per type that tends to travel, early enough to have peaked by the export.
        boolean[] viral = new boolean[VIDEOS];
        for (Kind k : List.of(Kind.COMEDY, Kind.RECIPE, Kind.TUTORIAL))
            viral[pick(r, i -> kinds[i] == k && posted[i] < epoch(LocalDate.of(2026, 8, 1)) && !viral[i])] = true;
        boolean[] photo = new boolean[VIDEOS];
        for (int n = 0; n < PHOTOS; n++)
            photo[pick(r, i -> (kinds[i] == Kind.RECIPE || kinds[i] == Kind.TUTORIAL) && !viral[i] && !photo[i])] = true;
        String[] hooks = assignHooks(r, posted, kinds, viral, photo);

        // Two captions that test escaping: a comma with quotes, and angle brackets with an ampersand.
        int quoted = pick(r, i -> i > 20 && kinds[i] == Kind.RECIPE && !photo[i] && hooks[i] == null);
        int angled = pick(r, i -> i > 40 && kinds[i] == Kind.COMEDY && !viral[i] && hooks[i] == null);
        TreeSet<String> usedTitles = new TreeSet<>();
        List<Video> videos = new ArrayList<>();
        for (int i = 0; i < VIDEOS; i++) {
            String title = i == quoted ? "My nan's \"proper\" scones, no mixer, no fuss #recipe #baking"
                : i == angled ? "When the recipe says <b>room temperature</b> butter & you forgot 🙃 #comedy #funny"
                : title(r, kinds[i], photo[i], usedTitles);
            if (hooks[i] != null) title += " #hook" + hooks[i];
            double t = (posted[i] - posted[0]) / (double) (posted[VIDEOS - 1] - posted[0]); // 0..1 through the year
            videos.add(shape(r, posted[i], t, kinds[i], title, viral[i], photo[i], hooks[i]));
        }
        return videos;
    }

    /** The numbers of one video: lifetime audience, engagement rates, length and id. */
    Video shape(Random r, long posted, double t, Kind k, String title, boolean viral, boolean photo, String hook) {
        // The audience grows with the follower count; a few videos break out far beyond it.
        double views = viral ? 520_000 * Math.exp(r.nextDouble())
            : Math.min(300_000, 10_000 * (0.75 + 0.5 * t) * Math.exp(1.2 * r.nextGaussian()));
        if (photo) views *= 0.6;
        double spread = viral || hook != null ? 0.15 : 0.35;  // hits, and test pairs of one format, vary less
        double saveRate = k.saveRate * (0.80 + 0.40 * t)      // saves trend up over the year
            * logNormal(r, spread)
            * (viral ? 0.8 : 1.0)                             // hits reach casual viewers who rarely save
            * ("B".equals(hook) ? 1.20 : 1.0)                 // hook B is the better opening
            * (photo ? 1.2 : 1.0);                            // recipe cards get kept
        double shareRate = k == Kind.COMEDY ? 0.009 + 0.009 * r.nextDouble() : 0.003 + 0.007 * r.nextDouble();
        double commentRate = k == Kind.REVIEW ? 0.0045 + 0.0015 * r.nextDouble() : 0.003 + 0.003 * r.nextDouble();
        int duration = photo ? 0
            : (int) Math.max(8, Math.min(180, Math.round(k.medianSeconds * Math.exp(0.45 * r.nextGaussian()))));
        boolean evergreen = r.nextDouble() < k.evergreenChance;
        // Real ids carry the posting second in their upper 32 bits, so they grow with time.
        String id = Long.toString((posted << 32) | (r.nextInt() & 0xffffffffL));
        return new Video(id, posted, k, title, duration, viral, evergreen, views, saveRate,
            0.06 + 0.03 * r.nextDouble(), commentRate, shareRate);
    }

    /** Sorted posting instants; first and last day fixed, mostly evenings, some mornings and lunches. */
    long[] planPostTimes(Random r) {
        int span = (int) ChronoUnit.DAYS.between(FIRST_POST_DAY, LAST_POST_DAY);
        long[] times = new long[VIDEOS];
        for (int i = 0; i < VIDEOS; i++) {
            int day = i == 0 ? 0 : i == VIDEOS - 1 ? span : r.nextInt(span + 1);
            double u = r.nextDouble();
            int hour = u < 0.10 ? 7 + r.nextInt(3)
                : u < 0.18 ? 12 + r.nextInt(2)
                : (int) Math.max(16, Math.min(22, Math.round(19 + 1.3 * r.nextGaussian())));
            times[i] = epoch(FIRST_POST_DAY.plusDays(day)) + hour * 3600L + r.nextInt(3600);
        }
        Arrays.sort(times);
        for (int i = 1; i < VIDEOS; i++) if (times[i] <= times[i - 1]) times[i] = times[i - 1] + 97;
        return times;
    }

    static Kind pickKind(Random r) {
        double u = r.nextDouble();
        for (Kind k : Kind.values()) if ((u -= k.weight) < 0) return k;
        return Kind.RECIPE;
    }

    /** A random index satisfying the condition, drawn from the candidates in index order. */
    static int pick(Random r, IntPredicate ok) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < VIDEOS; i++) if (ok.test(i)) candidates.add(i);
        if (candidates.isEmpty()) throw new IllegalStateException("no candidate video; try another seed");
        return candidates.get(r.nextInt(candidates.size()));
    }

    /**
     * The A/B test: 20 recent videos in pairs posted close together. Each pair shares one format (recipe or
     * tutorial, which this sets) and one video of the pair opens with hook A, the other with hook B.
     */
    static String[] assignHooks(Random r, long[] posted, Kind[] kinds, boolean[] viral, boolean[] photo) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < VIDEOS; i++) if (posted[i] >= epoch(HOOK_FROM) && !viral[i] && !photo[i]) candidates.add(i);
        Collections.shuffle(candidates, r);
        List<Integer> chosen = new ArrayList<>(candidates.subList(0, Math.min(HOOKED, candidates.size())));
        Collections.sort(chosen);
        String[] hooks = new String[VIDEOS];
        for (int n = 0; n + 1 < chosen.size(); n += 2) {
            Kind format = r.nextBoolean() ? Kind.RECIPE : Kind.TUTORIAL;
            boolean aFirst = r.nextBoolean();
            kinds[chosen.get(n)] = kinds[chosen.get(n + 1)] = format;
            hooks[chosen.get(n)] = aFirst ? "A" : "B";
            hooks[chosen.get(n + 1)] = aFirst ? "B" : "A";
        }
        return hooks;
    }

    static final String[] DISHES = {"sourdough", "cinnamon rolls", "banana bread", "brownies", "lemon drizzle cake",
        "focaccia", "croissants", "chocolate chip cookies", "carrot cake", "cheesecake", "apple pie", "shortbread",
        "brioche", "bagels", "pizza dough", "macarons", "choux buns", "Victoria sponge", "sticky toffee pudding",
        "babka", "soft pretzels", "pavlova", "tiramisu", "blondies", "madeleines", "hot cross buns", "gingerbread",
        "pain au chocolat", "red velvet cake", "Basque cheesecake", "millionaire's shortbread", "flapjacks",
        "cardamom buns", "olive oil cake", "pie crust", "Yorkshire puddings", "naan", "crumpets", "eclairs",
        "biscotti"};
    static final String[] EXTRA_TAGS = {"#baking", "#bakertok", "#fyp", "#foodtok", "#homebaking", "#ukbaker"};

    /** Caption patterns per type; "%s" is the dish, "%S" the dish with a capital letter. */
    static String[] templates(Kind k, boolean photo) {
        if (photo) return new String[] {"Recipe card: %s 📌 swipe for the method #recipe #easyrecipe",
            "Save this %s cheat sheet for later #bakingtips #tutorial", "%S in 6 photos, step by step #recipe"};
        return switch (k) {
            case TUTORIAL -> new String[] {"How to get a perfect crust on your %s every time #tutorial #bakingtips",
                "3 mistakes that ruin your %s 😩 #bakingtips", "Shaping %s step by step #howto #tutorial",
                "Why your %s sinks in the middle (and how to fix it) #bakingtips", "Beginner's guide to %s #howto",
                "Stop overmixing your %s! Here's why #bakingtips #tutorial", "The one trick for fluffier %s #howto",
                "How I test if my %s is done, no thermometer needed #tutorial"};
            case RECIPE -> new String[] {"One-bowl %s, ready in 40 minutes #easyrecipe",
                "My go-to %s recipe 🍋 #recipe", "%S with just 5 ingredients #easyrecipe #recipe",
                "Brown butter %s. That's it, that's the post #recipe", "Sunday %s for the whole family #recipe",
                "Lighter %s, still just as good #easyrecipe", "%S the way my grandma made it ❤️ #recipe",
                "Small batch %s for two #easyrecipe"};
            case COMEDY -> new String[] {"When someone calls %s 'easy' 😂 #comedy",
                "POV: you open the oven too early #funny", "My %s vs the photo in the recipe #comedy #funny",
                "Things my mum says while I make %s #comedy", "Me pretending the %s was meant to look like that #funny",
                "Baking %s with my toddler: a thriller #comedy"};
            case VLOG -> new String[] {"Bake with me: %s for the market stall #vlog",
                "A day in my life as a home baker ☕ #dayinmylife", "Sunday reset and a batch of %s #vlog",
                "Packing %s orders until midnight #dayinmylife", "Testing %s for the shop, come along #vlog"};
            case REVIEW -> new String[] {"Trying the viral %s so you don't have to #review",
                "Supermarket %s ranked 🥐 #tastetest", "Is the £12 %s worth it? #review",
                "Rating every %s in my town #review #tastetest", "Blind taste test: homemade vs shop %s #tastetest"};
        };
    }

    /** A caption of the given type not used before, with a few generic tags added. */
    static String title(Random r, Kind k, boolean photo, TreeSet<String> used) {
        String[] options = templates(k, photo);
        String title;
        int attempts = 0;
        do {
            String dish = DISHES[r.nextInt(DISHES.length)];
            title = options[r.nextInt(options.length)]
                .replace("%S", Character.toUpperCase(dish.charAt(0)) + dish.substring(1)).replace("%s", dish);
        } while (!used.add(title) && ++attempts < 50);
        int extras = r.nextInt(3);
        for (int n = 0; n < extras; n++) {
            String tag = EXTRA_TAGS[r.nextInt(EXTRA_TAGS.length)];
            if (!title.contains(tag)) title += " " + tag;
        }
        return title;
    }

    // ------------------------------------------------------------------------------------ daily increments

    /** Spreads a video's lifetime counts over calendar days (UTC) up to the export instant. */
    static Series simulate(Video v, Random r) {
        Curve viewCurve = v.viral() ? VIRAL_VIEWS : v.evergreen() ? EVERGREEN_VIEWS : PLAIN_VIEWS;
        Curve saveCurve = v.evergreen() ? EVERGREEN_SAVES : PLAIN_SAVES;
        double lifetimeSaves = v.lifetimeViews() * v.saveRate();
        List<Day> days = new ArrayList<>();
        for (LocalDate d = v.day(); !d.isAfter(EXPORT_DAY); d = d.plusDays(1)) {
            // The posting day and the export day are partial: use the exact hours of each.
            long from = Math.max(v.posted(), epoch(d)), to = Math.min(epoch(d.plusDays(1)), EXPORT_EPOCH);
            double a = (from - v.posted()) / 86400.0, b = (to - v.posted()) / 86400.0;
            double viewShare = viewCurve.reached(b) - viewCurve.reached(a);
            long views = round(r, v.lifetimeViews() * viewShare * logNormal(r, 0.25));
            long saves = round(r, lifetimeSaves * (saveCurve.reached(b) - saveCurve.reached(a)) * logNormal(r, 0.3));
            days.add(new Day(d, new Counts(views, round(r, views * v.likeRate()), round(r, views * v.commentRate()),
                round(r, views * v.shareRate()), saves)));
        }
        return new Series(v, days);
    }

    /** Account numbers per day: the videos' increments plus a fading tail of older videos not listed. */
    Account account(List<Series> all) {
        int n = (int) ChronoUnit.DAYS.between(WINDOW_START, EXPORT_DAY); // one day past the window (follower quirk)
        Counts[] daily = new Counts[n];
        Arrays.fill(daily, Counts.ZERO);
        for (Series s : all)
            for (Day d : s.days()) {
                int i = (int) ChronoUnit.DAYS.between(WINDOW_START, d.date());
                if (i >= 0 && i < n) daily[i] = daily[i].plus(d.counts());
            }
        Random r = rng("account");
        long[] profile = new long[n], viewers = new long[n], returning = new long[n];
        double[] pull = new double[n], churn = new double[n];
        for (int i = 0; i < n; i++) {
            double older = 2_600 * Math.exp(-i / 140.0) * logNormal(r, 0.2);
            daily[i] = daily[i].plus(new Counts(round(r, older), round(r, older * 0.07), round(r, older * 0.004),
                round(r, older * 0.005), 0));
            long views = daily[i].views();
            profile[i] = round(r, views * 0.022 * logNormal(r, 0.2));
            viewers[i] = round(r, views * 0.62 * logNormal(r, 0.08));
            double returningShare = Math.max(0.1, Math.min(0.6, 0.20 + 0.18 * i / n + 0.03 * r.nextGaussian()));
            returning[i] = Math.round(viewers[i] * returningShare);
            pull[i] = views * logNormal(r, 0.3);     // new followers come with views, spikes included
            churn[i] = 0.0009 * logNormal(r, 0.3);   // a small share unfollows every day
        }
        // Scale follower gains so that the count grows from START_FOLLOWERS to END_FOLLOWERS.
        double k = (END_FOLLOWERS - START_FOLLOWERS) / Arrays.stream(pull).sum();
        long[] gained = new long[n], followers = new long[n];
        for (int pass = 0; pass < 6; pass++) {
            long f = START_FOLLOWERS, totalGain = 0, totalLoss = 0;
            for (int i = 0; i < n; i++) {
                gained[i] = Math.round(k * pull[i]);
                long lost = Math.round(f * churn[i]);
                followers[i] = f += gained[i] - lost;
                totalGain += gained[i];
                totalLoss += lost;
            }
            k *= (END_FOLLOWERS - START_FOLLOWERS + totalLoss) / (double) totalGain;
        }
        return new Account(daily, profile, gained, followers, viewers, returning);
    }

    // ------------------------------------------------------------------------------------ writing the files

    /** The business per-video export, newest first; the full one carries the quirks of real downloads. */
    void writeVideoExport(String name, List<Series> all, LocalDate cutoff, boolean quirks) throws IOException {
        List<String[]> rows = table("Video title", "Video link", "Post time", "Video views", "Likes", "Comments",
            "Shares", "Add to Favorites", "Duration");
        List<Counts> counts = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            Video v = all.get(i).video();
            if (!v.day().isBefore(cutoff)) continue;                      // not posted yet at the snapshot
            Counts c = all.get(i).before(cutoff);
            counts.add(c);
            rows.add(new String[] {v.title(), v.link(), stamp(v.posted()), num(c.views()), num(c.likes()),
                num(c.comments()), num(c.shares()), num(c.saves()), num(v.duration())});
        }
        if (quirks) addQuirks(rows, counts);
        Counts sum = counts.stream().reduce(Counts.ZERO, Counts::plus);
        write(name, withBom(joined(rows)));
        report(name, String.format(Locale.ROOT, "%d videos, %d views, %d saves (%.2f%%)",
            counts.size(), sum.views(), sum.saves(), 100.0 * sum.saves() / sum.views()));
    }

    /** Thousands separators in three cells, one likes count as "1.2K", one comments cell "-". */
    void addQuirks(List<String[]> rows, List<Counts> counts) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) order.add(i);
        Collections.shuffle(order, rng("quirks"));
        int separated = 0, abbreviated = 0, missing = 0;
        for (int i : order) {
            Counts c = counts.get(i);
            String[] row = rows.get(i + 1);
            if (separated < 2 && c.views() >= 10_000) {
                row[3] = grouped(c.views());
                separated++;
            } else if (separated == 2 && c.saves() >= 1_000) {
                row[7] = grouped(c.saves());
                separated++;
            } else if (abbreviated == 0 && c.likes() >= 1_000 && c.likes() < 10_000 && c.likes() % 100 >= 50) {
                // A value that rounds up, so the shown likes stay at or above any partial sum of daily likes.
                row[4] = String.format(Locale.ROOT, "%.1fK", Math.round(c.likes() / 100.0) / 10.0);
                abbreviated++;
            } else if (missing == 0 && c.comments() > 0) {
                row[5] = "-";
                missing++;
            }
        }
    }

    /** The canonical daily series: increments for each video's first 28 days, cut at the export. */
    void writeDaily(List<Series> all) throws IOException {
        StringBuilder sb = new StringBuilder("video_id,date,views,likes,comments,shares,saves\n");
        int rows = 0;
        for (Series s : all)
            for (Day d : s.days()) {
                if (ChronoUnit.DAYS.between(s.video().day(), d.date()) >= DAILY_DAYS) break;
                Counts c = d.counts();
                sb.append(String.join(",", s.video().id(), d.date().toString(), num(c.views()), num(c.likes()),
                    num(c.comments()), num(c.shares()), num(c.saves()))).append('\n');
                rows++;
            }
        write("daily.csv", sb.toString().getBytes(StandardCharsets.UTF_8));
        report("daily.csv", rows + " daily rows for " + all.size() + " videos");
    }

    void writeStudioZips(List<Series> all, Account a) throws IOException {
        List<String[]> overview = table("Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares",
            "New followers");
        List<String[]> history = table("Date", "Followers", "Difference in followers from previous day");
        List<String[]> viewers = table("Date", "Total Viewers", "New Viewers", "Returning Viewers");
        int days = (int) ChronoUnit.DAYS.between(WINDOW_START, WINDOW_END) + 1;
        for (int i = 0; i < days; i++) {
            String date = monthDay(WINDOW_START.plusDays(i));
            Counts c = a.daily()[i];
            overview.add(new String[] {date, num(c.views()), num(a.profileViews()[i]), num(c.likes()),
                num(c.comments()), num(c.shares()), num(a.newFollowers()[i])});
            // Quirk of the real file: each row shows the change of the following day.
            history.add(new String[] {date, num(a.followers()[i]), num(a.followers()[i + 1] - a.followers()[i])});
            long total = a.viewers()[i], back = a.returning()[i];
            viewers.add(new String[] {date, num(total), num(total - back), num(back)});
        }
        Random r = rng("viewers");
        for (int n = 0; n < 3; n++) {                        // "undefined": a value Studio did not compute
            String[] row = viewers.get(1 + r.nextInt(days));
            if (n == 0) row[1] = "undefined";
            row[2] = row[3] = "undefined";
        }
        zip("Overview", new ZipItem("Overview.csv", joined(overview)));
        zip("Followers", new ZipItem("FollowerHistory.csv", joined(history)),
            new ZipItem("FollowerActivity.csv", joined(activity(a, days))),
            new ZipItem("FollowerGender.csv", joined(shares("Gender", new String[] {"Female", "Male", "Other"},
                new double[] {0.71, 0.27, 0.02}))),
            new ZipItem("FollowerTopTerritories.csv", joined(shares("Top territories",
                new String[] {"GB", "US", "IE", "CA", "AU", "DE"}, new double[] {0.31, 0.24, 0.06, 0.05, 0.05, 0.04}))));
        zip("Viewers", new ZipItem("Viewers.csv", joined(viewers)));
        zip("Content", new ZipItem("Content.csv", joined(content(all))));
    }

    /** Active followers per hour over the window's last 7 days: a lunch bump and an evening peak (UK audience). */
    List<String[]> activity(Account a, int days) {
        Random r = rng("activity");
        List<String[]> rows = table("Date", "Hour", "Active followers");
        for (int i = days - 7; i < days; i++) {
            double dayFactor = logNormal(r, 0.08);
            for (int h = 0; h < 24; h++) {
                double share = 0.03 + 0.07 * bump(h, 8, 1.5) + 0.06 * bump(h, 13, 1.8) + 0.24 * bump(h, 20, 2.2);
                rows.add(new String[] {monthDay(WINDOW_START.plusDays(i)), Integer.toString(h),
                    num(Math.round(a.followers()[i] * share * dayFactor * logNormal(r, 0.05)))});
            }
        }
        return rows;
    }

    static double bump(int hour, double peak, double width) {
        return Math.exp(-0.5 * Math.pow((hour - peak) / width, 2));
    }

    static List<String[]> shares(String label, String[] names, double[] values) {
        List<String[]> rows = table(label, "Distribution");
        for (int i = 0; i < names.length; i++)
            rows.add(new String[] {names[i], String.format(Locale.ROOT, "%.2f", values[i])});
        return rows;
    }

    /** The most recent videos without saves, as the Content tab lists them at the export time. */
    static List<String[]> content(List<Series> all) {
        List<String[]> rows = table("Time", "Video title", "Video link", "Post time", "Total likes",
            "Total comments", "Total shares", "Total views");
        for (int i = all.size() - 1; i >= all.size() - CONTENT_ROWS; i--) {
            Video v = all.get(i).video();
            Counts c = all.get(i).total();
            rows.add(new String[] {stamp(EXPORT_EPOCH), v.title(), v.link(), stamp(v.posted()), num(c.likes()),
                num(c.comments()), num(c.shares()), num(c.views())});
        }
        return rows;
    }

    // ------------------------------------------------------------------------------------ comments

    static final String[] SAVED = {"saved! making these this weekend", "saving this for later",
        "Saved for Christmas baking", "instantly saved", "straight into my saved folder", "saved, thank you!!",
        "saving this before it disappears", "guardado! 😍", "Guardado para el fin de semana", "salvei! 😋",
        "salvei pra fazer amanhã", "gespeichert!", "Sofort gespeichert, danke!", "saved and sent to my sister",
        "this is the 3rd time I've saved this lol"};
    static final String[] POSITIVE = {"this looks amazing", "made these yesterday and they were gone in an hour",
        "the crumb on that 😮‍💨", "you make it look so easy", "my kids loved these", "best recipe on this app honestly",
        "your videos got me through a rough week", "that sound when you cut into it", "finally a recipe that works",
        "Made it for my mum's birthday, she cried", "the way you explain things is so calming", "perfection",
        "obsessed with your kitchen", "I've made this four times now", "this came out SO good"};
    static final String[] NEGATIVE = {"too much sugar for me tbh", "mine came out flat :(", "the music is so loud",
        "this is not how real croissants are made", "tried it, way too dry", "why is everything a 'hack' now",
        "the video is too fast to follow", "mine burnt at the bottom"};
    // Recurring themes: oven temperature, substitutes, gluten-free, measurements.
    static final String[] QUESTIONS = {"what temperature for a fan oven?", "is that 180 fan or conventional?",
        "my oven runs hot, should I go down to 170?", "350F right?", "can I use oil instead of butter?",
        "what can I use instead of buttermilk?", "does it work with brown sugar?", "egg substitute? my son is allergic",
        "gluten free version please 🙏", "would this work with a GF flour blend?", "can I make it the day before?",
        "tried it with gluten free flour and it worked!", "grams please, I don't have cups", "how long does it keep?",
        "how much is a cup in grams?", "can you put the measurements in the caption?", "where is the bowl from?",
        "is that a tablespoon or a teaspoon of salt?", "what size tin is that?", "can I freeze the dough?"};
    static final String[] FOREIGN = {"¡Qué rico! ¿A qué temperatura el horno?", "Se puede hacer sin gluten?",
        "Me encanta tu canal", "Que delícia! Qual a temperatura do forno?", "Fiz e ficou perfeito",
        "Dá pra substituir a manteiga?", "Sieht super lecker aus!", "Wie viel Gramm sind das?",
        "Muss ich sofort nachbacken"};
    static final String[] COMEDY_LINES = {"the ending 😂😂", "why is this literally me every Sunday",
        "the face at 0:07", "I felt this in my soul", "my mum does the exact same thing", "not the smoke alarm 😭"};
    static final String[] VLOG_LINES = {"love these little vlogs", "your market stall looks so cosy",
        "how do you stay so organised", "the packaging is so cute", "more day in my life videos please!"};
    static final String[] NAMES = {"mia", "sophie", "olivia", "emma", "grace", "chloe", "amelia", "isla", "ava",
        "ella", "lucy", "hannah", "jess", "katie", "megan", "laura", "sarah", "tom", "jack", "sam", "dan", "ben",
        "leo", "lucia", "sofia", "camila", "ana", "beatriz", "julia", "mariana", "lena", "anna", "marie", "hanna",
        "priya", "aisha", "zoe", "ruby", "freya", "niamh"};
    static final String[] HANDLE_WORDS = {"bakes", "eats", "kitchen", "cakes", "loves.food", "makes", "crumbs", "home"};
    static final String[] EMOJI = {" 😍", " 🙌", " 😋", " ❤️", " 🤤", " 👏", " 🥹"};

    record Comment(int video, long time, String json) {}

    /** About 500 web-item comments, spread over videos by their comment counts; saving talk follows the type. */
    void writeComments(List<Series> all) throws IOException {
        Random r = rng("comments");
        String[][] users = users(r, 380);
        double[] weight = new double[all.size()];
        long[] room = new long[all.size()];                  // never more comments than the video has
        double totalWeight = 0;
        for (int i = 0; i < all.size(); i++) {
            room[i] = all.get(i).total().comments();
            totalWeight += weight[i] = Math.sqrt(room[i]);
        }
        List<Comment> comments = new ArrayList<>();
        int saving = 0;
        while (comments.size() < COMMENTS) {
            int vi = 0;
            for (double u = r.nextDouble() * totalWeight; vi < all.size() - 1 && (u -= weight[vi]) >= 0; ) vi++;
            if (room[vi] == 0) continue;
            room[vi]--;
            Video v = all.get(vi).video();
            String text = commentText(r, v.kind());
            if (Arrays.stream(SAVED).anyMatch(text::startsWith)) saving++;
            // Most comments arrive in the first days; some find the video much later.
            long age = EXPORT_EPOCH - 60 - v.posted();
            double delay = r.nextDouble() < 0.8 ? -Math.log(1 - r.nextDouble()) * 1.2 * 86400 : r.nextDouble() * age;
            long time = v.posted() + 30 + (long) Math.min(delay, age - 30);
            long likes = (long) Math.max(0, Math.floor(Math.exp(0.3 + 1.4 * r.nextGaussian()) - 1))
                * (v.viral() ? 20 : 1);
            String[] user = users[(int) (users.length * Math.pow(r.nextDouble(), 1.5))]; // regulars comment often
            String cid = Long.toString((time << 32) | (r.nextInt() & 0xffffffffL));
            comments.add(new Comment(vi, time, "  {\"cid\": \"" + cid + "\", \"aweme_id\": \"" + v.id()
                + "\", \"text\": " + json(text) + ", \"digg_count\": " + likes + ", \"create_time\": " + time
                + ", \"user\": {\"unique_id\": " + json(user[0]) + ", \"nickname\": " + json(user[1]) + "}}"));
        }
        comments.sort(Comparator.comparingInt(Comment::video).thenComparingLong(Comment::time)); // stable sort
        String text = "[\n" + String.join(",\n", comments.stream().map(Comment::json).toList()) + "\n]\n";
        write("comments.json", text.getBytes(StandardCharsets.UTF_8));
        report("comments.json", String.format(Locale.ROOT, "%d comments, %d about saving (%.0f%%)",
            comments.size(), saving, 100.0 * saving / comments.size()));
    }

    static String commentText(Random r, Kind kind) {
        double saveChance = switch (kind) {
            case TUTORIAL, RECIPE -> 0.22;
            case REVIEW -> 0.10;
            case VLOG -> 0.06;
            case COMEDY -> 0.04;
        };
        double u = r.nextDouble();
        String[] pool = u < saveChance ? SAVED
            : u < saveChance + 0.08 ? FOREIGN
            : u < saveChance + 0.18 ? NEGATIVE
            : u < saveChance + 0.40 ? QUESTIONS
            : kind == Kind.COMEDY && r.nextBoolean() ? COMEDY_LINES
            : kind == Kind.VLOG && r.nextBoolean() ? VLOG_LINES
            : POSITIVE;
        String text = pool[r.nextInt(pool.length)];
        if (pool != QUESTIONS && pool != NEGATIVE && r.nextDouble() < 0.2) text += EMOJI[r.nextInt(EMOJI.length)];
        return text;
    }

    /** Fictional commenters as {unique_id, nickname}; handles are unique. */
    static String[][] users(Random r, int count) {
        String[][] users = new String[count][];
        TreeSet<String> taken = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            String name = NAMES[r.nextInt(NAMES.length)];
            String id = switch (r.nextInt(3)) {
                case 0 -> name + "." + HANDLE_WORDS[r.nextInt(HANDLE_WORDS.length)];
                case 1 -> name + "_" + (10 + r.nextInt(90));
                default -> name + (char) ('a' + r.nextInt(26)) + (1990 + r.nextInt(20));
            };
            String nick = Character.toUpperCase(name.charAt(0)) + name.substring(1)
                + (r.nextBoolean() ? " " + (char) ('A' + r.nextInt(26)) + "." : "");
            if (taken.add(id)) users[i] = new String[] {id, nick};
            else i--;                                        // taken: draw again
        }
        return users;
    }

    // ------------------------------------------------------------------------------------ small helpers

    static List<String[]> table(String... header) {
        List<String[]> rows = new ArrayList<>();
        rows.add(header);
        return rows;
    }

    /** Studio style: every field quoted, comma-separated, no newline after the last row. */
    static String joined(List<String[]> rows) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) sb.append('\n');
            String[] row = rows.get(i);
            for (int j = 0; j < row.length; j++)
                sb.append(j > 0 ? "," : "").append('"').append(row[j].replace("\"", "\"\"")).append('"');
        }
        return sb.toString();
    }

    /** UTF-8 with a byte order mark, as Studio writes its CSV files. */
    static byte[] withBom(String text) { return ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8); }

    /** One ZIP per section, named like Studio's, with a fixed entry time so the bytes never change. */
    void zip(String section, ZipItem... items) throws IOException {
        String name = section + "_" + EXPORT_DAY + "_" + EXPORT_EPOCH + "_" + HANDLE + ".zip";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (ZipItem item : items) {
                ZipEntry entry = new ZipEntry(item.name());
                // A local date-time is stored as-is (no time zone lookup, no extra timestamp field).
                entry.setTimeLocal(LocalDateTime.ofEpochSecond(EXPORT_EPOCH, 0, ZoneOffset.UTC));
                zip.putNextEntry(entry);
                zip.write(withBom(item.text()));
                zip.closeEntry();
            }
        }
        write(name, bytes.toByteArray());
        report(name, String.join(", ", Arrays.stream(items).map(ZipItem::name).toList()));
    }

    void write(String name, byte[] data) throws IOException { Files.write(out.resolve(name), data); }

    static void report(String name, String what) { System.out.printf(Locale.ROOT, "%-50s %s%n", name, what); }

    static long epoch(LocalDate day) { return day.toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC); }

    static String stamp(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC).format(STAMP);
    }

    /** English dates without a year, as the Studio interface shows them: "November 22". */
    static String monthDay(LocalDate d) { return MONTHS[d.getMonthValue() - 1] + " " + d.getDayOfMonth(); }

    static String num(long n) { return Long.toString(n); }

    static String grouped(long n) { return String.format(Locale.ROOT, "%,d", n); } // ROOT groups with ","

    /** Multiplicative noise with mean 1. */
    static double logNormal(Random r, double sigma) { return Math.exp(sigma * r.nextGaussian() - sigma * sigma / 2); }

    /** Rounds up with a probability equal to the fraction, so that small expected counts still add up. */
    static long round(Random r, double x) {
        double floor = Math.floor(Math.max(0, x));
        return (long) floor + (r.nextDouble() < x - floor ? 1 : 0);
    }

    /** A JSON string; the texts here are our own constants, without control characters. */
    static String json(String s) { return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""; }
}
