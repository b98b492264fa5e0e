package savescope.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import savescope.model.Canonical;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Makes one account out of the ways sources write the same handle: a link gives {@code @lena.bakes}, a scraper's
 * {@code authorMeta.name} gives {@code lena.bakes}, and TikTok handles ignore case. Each such account is shown in
 * the form most of its videos carry (on a tie, the form read first).
 */
final class AccountNames {
    private AccountNames() {}

    /** The handle an account name stands for: without leading {@code @} and in lower case. */
    static String key(String account) {
        String a = account.strip();
        int start = 0;
        while (start < a.length() && a.charAt(start) == '@') {
            start++;
        }
        return a.substring(start).toLowerCase(Locale.ROOT);
    }

    /**
     * Rewrites the account column of {@code videos} so that each handle has one form.
     *
     * @return one sentence per account that was written in several ways, for the load's assumptions
     */
    static List<String> unify(Table videos) {
        StringColumn accounts = videos.stringColumn(Canonical.ACCOUNT);
        Map<String, List<String>> formsByKey = new LinkedHashMap<>();
        for (String form : accounts.unique()) {
            if (!form.isBlank()) {
                formsByKey.computeIfAbsent(key(form), k -> new ArrayList<>()).add(form);
            }
        }
        if (formsByKey.values().stream().allMatch(forms -> forms.size() == 1)) {
            return List.of();
        }
        Map<String, long[]> rowsOf = new LinkedHashMap<>();
        for (int r = 0; r < accounts.size(); r++) {
            rowsOf.computeIfAbsent(accounts.get(r), k -> new long[1])[0]++;
        }
        Map<String, String> shownAs = new HashMap<>();
        List<String> notes = new ArrayList<>();
        for (List<String> forms : formsByKey.values()) {
            if (forms.size() == 1) {
                continue;
            }
            // Forms in order of first appearance, so that a tie keeps the first read.
            List<String> ordered = rowsOf.keySet().stream().filter(forms::contains).toList();
            String shown = ordered.get(0);
            for (String form : ordered) {
                if (rowsOf.get(form)[0] > rowsOf.get(shown)[0]) {
                    shown = form;
                }
            }
            for (String form : ordered) {
                shownAs.put(form, shown);
            }
            notes.add("the account names " + quoted(ordered) + " were read as one account (handles compare without "
                    + "the @ and without case), shown as \"" + shown + "\"");
        }
        for (int r = 0; r < accounts.size(); r++) {
            String to = shownAs.get(accounts.get(r));
            if (to != null && !to.equals(accounts.get(r))) {
                accounts.set(r, to);
            }
        }
        return notes;
    }

    private static String quoted(List<String> forms) {
        List<String> q = forms.stream().map(f -> "\"" + f + "\"").toList();
        return String.join(", ", q.subList(0, q.size() - 1)) + " and " + q.get(q.size() - 1);
    }
}
