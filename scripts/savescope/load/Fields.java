package savescope.load;

import static savescope.model.Canonical.ACCOUNT;
import static savescope.model.Canonical.COMMENTS;
import static savescope.model.Canonical.CONTENT_TYPE;
import static savescope.model.Canonical.DURATION_S;
import static savescope.model.Canonical.HASHTAGS;
import static savescope.model.Canonical.LIKES;
import static savescope.model.Canonical.LINK;
import static savescope.model.Canonical.POSTED_AT;
import static savescope.model.Canonical.SAVES;
import static savescope.model.Canonical.SHARES;
import static savescope.model.Canonical.TITLE;
import static savescope.model.Canonical.VIDEO_ID;
import static savescope.model.Canonical.VIEWS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header names each canonical field goes by in the exports we know, and the matching of a file's
 * headers (plus the user's {@code --map field=Header}) onto canonical fields.
 */
public final class Fields {
    /** Canonical field → known header spellings, normalized (lower case, single spaces). First match wins. */
    static final Map<String, List<String>> ALIASES = new LinkedHashMap<>();

    static {
        ALIASES.put(VIDEO_ID, List.of("video_id", "video id", "id", "item_id", "post id", "aweme_id", "pin id"));
        ALIASES.put(TITLE, List.of("title", "video title", "desc", "text", "video_description", "description",
                "caption", "pin title"));
        ALIASES.put(POSTED_AT, List.of("posted_at", "post_time", "post time", "createtimeiso", "createtime",
                "create_time", "publish time", "post day", "posted", "date posted", "published"));
        ALIASES.put(DURATION_S, List.of("duration_s", "duration", "video.duration", "videometa.duration",
                "video_duration", "duration (sec)", "total video time", "video duration"));
        ALIASES.put(VIEWS, List.of("views", "video views", "total views", "playcount", "stats.playcount",
                "statsv2.playcount", "view_count", "video_views", "plays", "impressions", "statistics.play_count"));
        ALIASES.put(LIKES, List.of("likes", "total likes", "diggcount", "stats.diggcount", "statsv2.diggcount",
                "like_count", "reactions", "statistics.digg_count"));
        ALIASES.put(COMMENTS, List.of("comments", "total comments", "commentcount", "stats.commentcount",
                "statsv2.commentcount", "comment_count", "statistics.comment_count"));
        ALIASES.put(SHARES, List.of("shares", "total shares", "sharecount", "stats.sharecount", "statsv2.sharecount",
                "share_count", "statistics.share_count"));
        ALIASES.put(SAVES, List.of("saves", "total saves", "add to favorites", "lägg till i favoriter",
                "collectcount", "stats.collectcount", "statsv2.collectcount",
                "favorites_count", "favorites", "collect_count",
                "añadir a favoritos", "adicionar aos favoritos", "zu favoriten hinzufügen",
                "ajouter aux favoris", "statistics.collect_count"));
        ALIASES.put(CONTENT_TYPE, List.of("content_type", "content type", "post type", "category", "variant"));
        ALIASES.put(HASHTAGS, List.of("hashtags", "hashtag_names", "tags"));
        ALIASES.put(LINK, List.of("link", "video link", "webvideourl", "share_url", "permalink", "url"));
        ALIASES.put(ACCOUNT, List.of("account", "username", "author.uniqueid", "authormeta.name", "account username",
                "author", "author.unique_id"));
    }

    /**
     * Field → names other tools and languages use, compared after {@link #fold} and with a scraper's prefix
     * ({@code vid_}, {@code video_}) and count words ({@code n}, {@code count}, {@code total}) taken off. A match
     * here is recorded as an assumption. Words for a person or channel ({@code followers}) are never here.
     */
    static final Map<String, List<String>> LOOSE = new LinkedHashMap<>();

    static {
        LOOSE.put(VIDEO_ID, List.of("id", "video id", "item id", "aweme id", "post id", "tiktok id"));
        LOOSE.put(TITLE, List.of("title", "caption", "desc", "description", "text", "titulo", "titel", "titre",
                "mo ta", "标题", "描述", "タイトル"));
        LOOSE.put(POSTED_AT, List.of("posttime", "post time", "post date", "postdate", "posted at", "posted on",
                "post at", "publish time", "publish date", "published at", "published on", "publication date",
                "created at", "create time", "createtime", "created", "upload date", "upload time", "uploaded",
                "uploaded at", "date posted", "time posted", "fecha de publicacion", "fecha publicacion",
                "data de publicacao", "data da publicacao", "veroffentlicht", "veroffentlicht am",
                "veroffentlichungsdatum", "date de publication", "publie le", "ngay dang", "thoi gian dang",
                "发布时间", "发布日期", "投稿日時", "投稿日"));
        LOOSE.put(DURATION_S, List.of("duration", "length", "video length", "duration sec", "duration s",
                "duracion", "duracao", "dauer", "duree", "varighet", "langd", "thoi luong", "时长", "長さ"));
        LOOSE.put(VIEWS, List.of("view", "views", "play", "plays", "viewcount", "playcount", "visninger",
                "visningar", "visualizacoes", "visualizaciones", "reproducciones", "reproducoes", "aufrufe",
                "wiedergaben", "vues", "luot xem", "weergaven", "visualizzazioni", "wyswietlenia", "播放", "播放量",
                "播放数", "播放次数", "观看", "观看次数", "再生", "再生回数", "視聴回数"));
        LOOSE.put(LIKES, List.of("like", "likes", "likecount", "heart", "hearts", "digg", "diggs", "diggcount",
                "me gusta", "curtidas", "gefallt mir", "j aime", "synes godt om", "gillamarkeringar", "luot thich",
                "thich", "mi piace", "vind ik leuks", "点赞", "点赞数", "点赞量", "获赞", "いいね", "いいね数"));
        // Not "comment" alone: that names a comment's text in comment exports.
        LOOSE.put(COMMENTS, List.of("comments", "commentcount", "comentarios", "kommentare",
                "kommentar", "commentaires", "kommentarer", "binh luan", "luot binh luan", "commenti", "reacties",
                "评论", "评论数", "评论量", "コメント", "コメント数"));
        LOOSE.put(SHARES, List.of("share", "shares", "sharecount", "compartidos", "compartido", "veces compartido",
                "compartilhamentos", "compartilhados", "geteilt", "teilungen", "partages", "delinger", "delningar",
                "chia se", "luot chia se", "condivisioni", "gedeeld", "分享", "分享数", "转发", "转发数", "シェア",
                "シェア数"));
        LOOSE.put(SAVES, List.of("save", "saves", "saved", "savecount", "favorite", "favourite", "favourites",
                "favorited", "favourited", "collect", "collects", "collectcount", "bookmark", "bookmarks",
                "bookmarked", "guardado", "guardados", "salvo", "salvos", "salvamentos", "gespeichert",
                "speicherungen", "enregistrement", "enregistrements", "enregistre", "enregistres", "gemmer", "gemt",
                "sparade", "sparat", "luu", "luot luu", "favoritos", "preferiti", "salvataggi", "opgeslagen",
                "收藏", "收藏数", "收藏量", "保存", "保存数"));
        LOOSE.put(HASHTAGS, List.of("hashtag", "hashtags", "tags"));
        LOOSE.put(LINK, List.of("url", "link", "web video url", "share url", "permalink"));
        LOOSE.put(ACCOUNT, List.of("user name", "username", "author", "author name", "account", "handle", "creator"));
    }

    /** Leading words a scraper puts before every video field ({@code vid_nview}, {@code video_title}). */
    private static final java.util.Set<String> PREFIXES = java.util.Set.of("vid", "video", "item", "aweme", "clip",
            "media", "tiktok", "tt");
    /** Words that only say "a count of" around a metric name ({@code num_views}, {@code play_count}). */
    private static final java.util.Set<String> COUNT_WORDS = java.util.Set.of("count", "counts", "cnt", "num", "number",
            "nb", "no", "of", "total", "qty", "amount", "n");
    /** Parts of a header that suggest a saves count the aliases did not recognise. */
    private static final List<String> SAVES_STEMS = List.of("save", "saving", "favo", "collect", "bookmark", "guard",
            "salv", "speicher", "enregistr", "gem", "spar", "luu", "收藏", "保存");

    /**
     * Headers that sound like a count but are a yes/no about the account that scraped the item: web items carry
     * {@code collected}, {@code digged} and {@code shared} for whether that viewer saved, liked or shared it, and
     * {@code collectTime} for when it saved it. They are never read as a count, nor offered as one.
     */
    private static final java.util.Set<String> VIEWER_FLAGS = java.util.Set.of("collected", "collecttime", "digged",
            "shared");

    private Fields() {}

    /**
     * A header folded for loose comparison: lower case, accents removed, {@code đ} as {@code d}, and every run of
     * spaces, underscores, dashes, dots and slashes as one space.
     */
    static String fold(String header) {
        String h = normalize(header).replace('đ', 'd');
        h = java.text.Normalizer.normalize(h, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return h.replaceAll("[\\s_\\-./()\\[\\]:#]+", " ").strip();
    }

    /**
     * The folded header without a scraper's prefix and count words: {@code vid_nview} → {@code view},
     * {@code num_of_saves} → {@code saves}, {@code play_count} → {@code play}. Null when nothing is left.
     */
    static String core(String folded) {
        List<String> words = new java.util.ArrayList<>(List.of(folded.split(" ")));
        if (words.size() > 1 && PREFIXES.contains(words.get(0))) {
            words.remove(0);
        }
        while (words.size() > 1 && COUNT_WORDS.contains(words.get(0))) {
            words.remove(0);
        }
        while (words.size() > 1 && COUNT_WORDS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        String c = String.join(" ", words);
        // A scraper's "n" for "number of", glued on: nview, nsave, ncomment.
        if (words.size() == 1 && c.length() > 4 && c.charAt(0) == 'n') {
            String rest = c.substring(1);
            c = isLooseName(rest) ? rest : isLooseName(rest + "s") ? rest + "s" : c;
        }
        return c.isEmpty() ? null : c;
    }

    private static boolean isLooseName(String core) {
        return LOOSE.values().stream().anyMatch(l -> l.contains(core));
    }

    /** Loose lookups already made: JSON items repeat the same few keys on every item. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> LOOSE_SEEN =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int LOOSE_SEEN_MAX = 10_000;

    /** The field a header names loosely, or null: the whole folded header first, then its core. */
    static String looseField(String header) {
        String seen = LOOSE_SEEN.get(header);
        if (seen != null) {
            return seen.isEmpty() ? null : seen;
        }
        String field = looseFieldOf(header);
        if (LOOSE_SEEN.size() < LOOSE_SEEN_MAX) {
            LOOSE_SEEN.put(header, field == null ? "" : field);
        }
        return field;
    }

    private static String looseFieldOf(String header) {
        String folded = fold(header);
        if (VIEWER_FLAGS.contains(folded)) {
            return null;
        }
        for (String candidate : new String[] {folded, core(folded)}) {
            if (candidate == null) {
                continue;
            }
            for (Map.Entry<String, List<String>> e : LOOSE.entrySet()) {
                if (e.getValue().contains(candidate)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /** Lower case, BOM and surrounding quotes removed, white space folded. */
    public static String normalize(String header) {
        if (header == null) {
            return "";
        }
        String h = header.replace("\uFEFF", "").strip();
        if (h.length() >= 2 && h.startsWith("\"") && h.endsWith("\"")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The normalized headers among {@code headers} that the user's --map names. */
    static List<String> mappedHeaders(List<String> headers, Map<String, String> userMap) {
        if (userMap.isEmpty()) {
            return List.of();
        }
        List<String> wanted = userMap.values().stream().map(Fields::normalize).toList();
        return headers.stream().map(Fields::normalize).filter(wanted::contains).toList();
    }

    /**
     * Matches headers onto canonical fields.
     *
     * @param headers the file's header cells in order
     * @param userMap canonical field → the user's header name for it ({@code --map}); wins over aliases
     * @return canonical field → column index, for the fields found
     */
    public static Map<String, Integer> match(List<String> headers, Map<String, String> userMap) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            // A header that appears twice names its first column (see duplicateWarnings for why).
            index.putIfAbsent(normalize(headers.get(i)), i);
        }
        // The user's columns first, so that no alias hands one of them to a second field as well; a mapped
        // header this file lacks leaves the field to the aliases here (another input may have the header).
        Map<String, Integer> mapped = new LinkedHashMap<>();
        for (String field : ALIASES.keySet()) {
            String header = userMap.get(field);
            Integer at = header == null ? null : index.get(normalize(header));
            if (at != null) {
                mapped.put(field, at);
            }
        }
        Map<String, Integer> found = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : ALIASES.entrySet()) {
            Integer own = mapped.get(e.getKey());
            if (own != null) {
                found.put(e.getKey(), own);
                continue;
            }
            for (String alias : e.getValue()) {
                Integer at = index.get(alias);
                if (at != null && !found.containsValue(at) && !mapped.containsValue(at)) {
                    found.put(e.getKey(), at);
                    break;
                }
            }
        }
        // Then the looser names, for fields still unfound, from columns not yet taken (first column wins).
        for (int i = 0; i < headers.size(); i++) {
            if (found.containsValue(i)) {
                continue;
            }
            String field = looseField(headers.get(i));
            if (field != null && !found.containsKey(field) && !userMap.containsKey(field)) {
                found.put(field, i);
            }
        }
        return found;
    }

    /**
     * What matching assumed, in words for the data-quality section: every header read through {@code --map} or
     * through a loose name ({@code saves read from "vid_nsave"}), in field order.
     */
    public static List<String> assumptions(List<String> headers, Map<String, Integer> match, Map<String, String> userMap) {
        List<String> out = new java.util.ArrayList<>();
        for (String field : ALIASES.keySet()) {
            Integer at = match.get(field);
            if (at == null) {
                continue;
            }
            String header = headers.get(at);
            String mapped = userMap.get(field);
            if (mapped != null && normalize(mapped).equals(normalize(header))) {
                out.add(field + " read from \"" + header + "\" (--map)");
            } else if (!ALIASES.get(field).contains(normalize(header))) {
                out.add(field + " read from \"" + header + "\"");
            }
        }
        return out;
    }

    /**
     * Headers that look like a saves count the aliases did not take ({@code "Saves (all time)"}), in order;
     * {@code taken} are the column indexes already matched.
     */
    static List<String> savesLike(List<String> headers, java.util.Collection<Integer> taken) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String folded = fold(headers.get(i));
            List<String> words = List.of(folded.split(" "));
            if (!taken.contains(i) && !VIEWER_FLAGS.contains(folded) && words.stream().anyMatch(w -> SAVES_STEMS.stream().anyMatch(w::startsWith)
                    || (w.length() > 4 && w.charAt(0) == 'n' && SAVES_STEMS.stream().anyMatch(w.substring(1)::startsWith)))) {
                out.add(headers.get(i));
            }
        }
        return out;
    }

    /** The {@code --map} option that would read {@code header} as {@code field}, quoted for a shell when needed. */
    static String mapOption(String field, String header) {
        String h = header.strip();
        return "--map " + field + "=" + (h.matches("[A-Za-z0-9_.\\-]+") ? h : "\"" + h.replace("\"", "\\\"") + "\"");
    }

    /**
     * One warning per header that appears more than once and was matched onto a field: which columns carry it
     * and that the first was used. The first column is the one a person reading the sheet meets first and the
     * one a spreadsheet lookup by name returns; JSON objects with a repeated key follow the same rule.
     */
    static List<String> duplicateWarnings(List<String> headers, Map<String, String> userMap) {
        Map<String, Integer> match = match(headers, userMap);
        Map<String, List<Integer>> columns = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            columns.computeIfAbsent(normalize(headers.get(i)), k -> new java.util.ArrayList<>()).add(i + 1);
        }
        List<String> warnings = new java.util.ArrayList<>();
        for (Map.Entry<String, Integer> e : match.entrySet()) {
            String header = headers.get(e.getValue());
            List<Integer> at = columns.get(normalize(header));
            if (at.size() > 1) {
                warnings.add("the header \"" + header.strip() + "\" appears more than once, in columns " + joined(at) + "; the first "
                        + "(column " + at.get(0) + ") was read as " + e.getKey() + " and the others were ignored.");
            }
        }
        return warnings;
    }

    private static String joined(List<Integer> columns) {
        List<String> names = columns.stream().map(String::valueOf).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
