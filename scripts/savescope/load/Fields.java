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
                "view_count", "video_views", "plays", "impressions"));
        ALIASES.put(LIKES, List.of("likes", "total likes", "diggcount", "stats.diggcount", "like_count",
                "reactions"));
        ALIASES.put(COMMENTS, List.of("comments", "total comments", "commentcount", "stats.commentcount",
                "comment_count"));
        ALIASES.put(SHARES, List.of("shares", "total shares", "sharecount", "stats.sharecount", "share_count"));
        ALIASES.put(SAVES, List.of("saves", "total saves", "add to favorites", "lägg till i favoriter",
                "collectcount", "stats.collectcount", "favorites_count", "favorites", "collect_count",
                "añadir a favoritos", "adicionar aos favoritos", "zu favoriten hinzufügen",
                "ajouter aux favoris"));
        ALIASES.put(CONTENT_TYPE, List.of("content_type", "content type", "post type", "category", "variant"));
        ALIASES.put(HASHTAGS, List.of("hashtags", "hashtag_names", "tags"));
        ALIASES.put(LINK, List.of("link", "video link", "webvideourl", "share_url", "permalink", "url"));
        ALIASES.put(ACCOUNT, List.of("account", "username", "author.uniqueid", "authormeta.name", "account username",
                "author"));
    }

    private Fields() {}

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
        Map<String, Integer> found = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : ALIASES.entrySet()) {
            String mapped = userMap.get(e.getKey());
            if (mapped != null) {
                Integer at = index.get(normalize(mapped));
                if (at != null) {
                    found.put(e.getKey(), at);
                }
                continue;
            }
            for (String alias : e.getValue()) {
                Integer at = index.get(alias);
                if (at != null && !found.containsValue(at)) {
                    found.put(e.getKey(), at);
                    break;
                }
            }
        }
        return found;
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
                warnings.add("the header \"" + header.strip() + "\" appears in columns " + joined(at) + "; the first "
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
