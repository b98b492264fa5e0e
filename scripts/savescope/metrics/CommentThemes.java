package savescope.metrics;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import savescope.model.Canonical;
import tech.tablesaw.api.Table;

/**
 * Comments as qualitative feedback: a lexicon sentiment (English, Spanish, Portuguese, German, French),
 * the share of comments that speak of saving the video, and recurring terms. Only the text is read; a word
 * starting with {@code @} (a mention) is never counted or shown.
 */
public final class CommentThemes {
    private CommentThemes() {}

    static final Set<String> POSITIVE = lexicon(
            // en
            "love", "loved", "loving", "amazing", "awesome", "great", "good", "best", "perfect", "delicious", "yummy",
            "beautiful", "gorgeous", "helpful", "useful", "thanks", "thank", "brilliant", "wonderful", "excellent",
            "fantastic", "nice", "easy", "calming", "incredible", "favourite", "favorite", "tasty", "cute", "genius",
            "worked", "works", "fun", "happy", "lovely", "obsessed", "wow", "yum",
            // es
            "gracias", "encanta", "encantó", "rico", "rica", "delicioso", "deliciosa", "genial", "increíble",
            "hermoso", "bueno", "buena", "excelente", "perfecto", "perfecta", "maravilloso", "fácil", "mejor",
            // pt
            "obrigado", "obrigada", "amei", "adoro", "lindo", "linda", "gostoso", "gostosa", "delícia", "incrível",
            "ótimo", "ótima", "maravilhoso", "perfeito", "perfeita", "fácil", "melhor", "bom", "boa",
            // de
            "danke", "liebe", "lecker", "toll", "super", "wunderbar", "schön", "perfekt", "großartig", "einfach",
            "genial", "klasse", "hilfreich", "gut", "beste",
            // fr
            "merci", "adore", "délicieux", "délicieuse", "génial", "géniale", "magnifique", "parfait", "parfaite",
            "super", "excellent", "bon", "bonne", "facile", "top", "trop");
    static final Set<String> NEGATIVE = lexicon(
            // en
            "bad", "awful", "terrible", "hate", "hated", "dry", "burnt", "burned", "failed", "fail", "disgusting",
            "gross", "worst", "boring", "wrong", "sad", "disappointed", "disappointing", "flat", "soggy", "raw",
            "ugh", "useless", "annoying", "confusing", "clickbait", "overrated", "meh",
            // es
            "malo", "mala", "horrible", "odio", "asco", "seco", "seca", "quemado", "falló", "peor", "aburrido",
            // pt
            "ruim", "horrível", "odeio", "nojo", "seco", "queimado", "pior", "chato", "errado",
            // de
            "schlecht", "schrecklich", "hasse", "eklig", "trocken", "verbrannt", "langweilig", "falsch", "schlimm",
            // fr
            "mauvais", "mauvaise", "horrible", "déteste", "dégoûtant", "sec", "sèche", "brûlé", "raté", "pire",
            "nul", "nulle", "ennuyeux");
    static final Set<String> NEGATIONS = Set.of("not", "no", "never", "dont", "don't", "isn't", "wasn't", "didn't",
            "nunca", "não", "nao", "nicht", "kein", "keine", "pas", "jamais", "ni");
    static final Map<String, Integer> EMOJI = Map.of("😍", 1, "🤤", 1, "❤", 1, "😋", 1, "🔥", 1, "👏", 1, "🙌", 1,
            "👎", -1, "😡", -1, "🤮", -1);

    /** Phrases that speak of saving the video, per language; matched as whole words, case-insensitively. */
    public static final List<String> SAVE_PHRASES = List.of(
            "saved", "saving this", "save this", "saving for later", "for later", "bookmarked", "bookmarking",
            "guardado", "guardada", "guardando", "lo guardo", "para después", "para luego",
            "salvei", "salvando", "vou salvar", "pra depois", "para depois",
            "gespeichert", "speichere", "für später",
            "enregistré", "enregistrée", "j'enregistre", "pour plus tard");
    private static final Pattern SAVE = Pattern.compile("(?<![\\p{L}\\p{N}])(" + String.join("|",
            SAVE_PHRASES.stream().map(Pattern::quote).toList()) + ")(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern TOKEN = Pattern.compile("@[\\p{L}\\p{N}._]+|[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");

    static final Set<String> STOPWORDS = lexicon(
            "the", "and", "for", "you", "this", "that", "with", "are", "was", "but", "have", "has", "your", "what",
            "how", "can", "just", "its", "it's", "i'm", "not", "all", "too", "one", "out", "did", "will", "would",
            "from", "they", "them", "then", "than", "there", "these", "those", "some", "any", "our", "his", "her",
            "she", "him", "who", "why", "when", "where", "which", "also", "very", "really", "so", "much", "more",
            "made", "make", "got", "get", "way", "use", "used", "about", "into", "over", "only", "again", "been",
            "were", "had", "does", "do", "me", "my", "we", "is", "in", "on", "of", "to", "a", "an", "it", "i", "be",
            "at", "or", "if", "as", "by", "up", "no", "yes", "ok", "omg", "lol", "pls", "please", "came", "come",
            "comes", "now", "i've", "i'll", "i'd", "you're", "mine", "finally", "honestly", "still", "even", "like",
            "well", "thing", "going", "gonna", "want", "need", "know", "think", "here", "every", "time",
            "que", "los", "las", "una", "uno", "con", "por", "para", "del", "muy", "esto", "esta", "este", "como",
            "mas", "más", "pero", "ya", "lo", "la", "el", "en", "es", "de", "y", "se", "mi", "tu",
            "uma", "um", "com", "pra", "isso", "essa", "esse", "muito", "não", "nao", "mais", "meu", "minha", "você",
            "voce", "os", "as", "do", "da", "em", "e", "o",
            "und", "der", "die", "das", "ist", "ich", "nicht", "mit", "ein", "eine", "auf", "für", "sehr", "auch",
            "aber", "wie", "zu", "es", "du",
            "les", "des", "est", "une", "pour", "pas", "avec", "très", "mais", "sur", "dans", "je", "tu", "le", "et",
            "ça", "ce", "qui");

    /** The word lists of several languages share words ("super", "seco"), so duplicates are allowed. */
    private static Set<String> lexicon(String... w) {
        return Set.copyOf(List.of(w));
    }

    /** +1, 0 or -1: positive words and emoji minus negative ones, a word after a negation counting reversed. */
    public static int sentiment(String text) {
        String t = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        int score = 0;
        int negateLeft = 0;
        Matcher m = TOKEN.matcher(t);
        while (m.find()) {
            String w = m.group().replace('’', '\'');
            int sign = negateLeft > 0 ? -1 : 1;
            if (NEGATIONS.contains(w)) {
                negateLeft = 3;
                continue;
            }
            if (POSITIVE.contains(w)) {
                score += sign;
            } else if (NEGATIVE.contains(w)) {
                score -= sign;
            }
            negateLeft = Math.max(0, negateLeft - 1);
        }
        for (var e : EMOJI.entrySet()) {
            if (t.contains(e.getKey())) {
                score += e.getValue();
            }
        }
        return Integer.signum(score);
    }

    /** Whether the comment speaks of saving the video ("saved!", "guardado", "für später"...). */
    public static boolean speaksOfSaving(String text) {
        return SAVE.matcher(text).find();
    }

    /** The words of a comment that may count as a theme: no mentions, stopwords, digits or short words. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group().replace('’', '\'');
            if (w.startsWith("@") || w.length() < 3 || STOPWORDS.contains(w) || w.chars().allMatch(Character::isDigit)) {
                out.add(null);
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * A recurring term.
     *
     * @param term a word or two adjacent words
     * @param comments comments that contain it
     */
    public record Theme(String term, int comments) {}

    /**
     * Per video.
     *
     * @param id video id
     * @param comments comments read
     * @param positive positive comments
     * @param negative negative comments
     * @param aboutSaving comments that speak of saving
     */
    public record VideoComments(String id, int comments, int positive, int negative, int aboutSaving) {
        /** (positive - negative) / comments, in [-1, 1]. */
        public double net() {
            return comments == 0 ? Double.NaN : (double) (positive - negative) / comments;
        }
    }

    /**
     * All comments.
     *
     * @param comments comments with text
     * @param positive positive ones
     * @param negative negative ones
     * @param aboutSaving ones that speak of saving
     * @param questions ones with a question mark
     * @param themes recurring terms, in at least {@code minComments} comments, most frequent first
     * @param videos per video, most commented first
     */
    public record Summary(int comments, int positive, int negative, int aboutSaving, int questions, List<Theme> themes,
            List<VideoComments> videos) {
        public double share(int part) {
            return comments == 0 ? Double.NaN : (double) part / comments;
        }
    }

    public static Summary summarize(Table comments, int minComments, int maxThemes) {
        var ids = comments.stringColumn(Canonical.VIDEO_ID);
        var text = comments.stringColumn(Canonical.TEXT);
        int n = 0;
        int pos = 0;
        int neg = 0;
        int saving = 0;
        int questions = 0;
        Map<String, Integer> termCount = new HashMap<>();
        Map<String, int[]> perVideo = new LinkedHashMap<>();
        for (int i = 0; i < comments.rowCount(); i++) {
            String t = text.isMissing(i) ? "" : text.get(i);
            if (t.isBlank()) {
                continue;
            }
            n++;
            int s = sentiment(t);
            boolean save = speaksOfSaving(t);
            pos += s > 0 ? 1 : 0;
            neg += s < 0 ? 1 : 0;
            saving += save ? 1 : 0;
            questions += t.contains("?") ? 1 : 0;
            int[] v = perVideo.computeIfAbsent(ids.get(i), k -> new int[4]);
            v[0]++;
            v[1] += s > 0 ? 1 : 0;
            v[2] += s < 0 ? 1 : 0;
            v[3] += save ? 1 : 0;
            Set<String> seen = new LinkedHashSet<>();
            List<String> w = words(t);
            for (int k = 0; k < w.size(); k++) {
                if (w.get(k) != null) {
                    seen.add(w.get(k));
                    if (k + 1 < w.size() && w.get(k + 1) != null) {
                        seen.add(w.get(k) + " " + w.get(k + 1));
                    }
                }
            }
            seen.forEach(term -> termCount.merge(term, 1, Integer::sum));
        }
        // A word that only ever appears inside one recurring pair adds nothing beside the pair.
        Map<String, Integer> kept = new TreeMap<>();
        termCount.forEach((term, c) -> {
            if (c >= minComments) {
                kept.put(term, c);
            }
        });
        List<Theme> themes = kept.entrySet().stream()
                .filter(e -> e.getKey().contains(" ") || kept.entrySet().stream().noneMatch(o -> o.getKey().contains(" ")
                        && List.of(o.getKey().split(" ")).contains(e.getKey()) && o.getValue().equals(e.getValue())))
                .map(e -> new Theme(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(Theme::comments).reversed().thenComparing(Theme::term))
                .limit(maxThemes).toList();
        List<VideoComments> videos = new ArrayList<>();
        perVideo.forEach((id, v) -> videos.add(new VideoComments(id, v[0], v[1], v[2], v[3])));
        videos.sort(Comparator.comparingInt(VideoComments::comments).reversed().thenComparing(VideoComments::id));
        return new Summary(n, pos, neg, saving, questions, themes, videos);
    }
}
