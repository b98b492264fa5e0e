package savescope.history;

import java.util.ArrayList;
import java.util.List;

/** Reads and writes delimited text the way spreadsheets do (RFC 4180 quotes), for rewriting a comment export. */
final class CsvText {
    private CsvText() {}

    /** The delimiter of the first line: the most frequent of comma, semicolon and tab outside quotes. */
    static char delimiterOf(String text) {
        int[] counts = new int[3];
        char[] candidates = {',', ';', '\t'};
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && (ch == '\n' || ch == '\r')) {
                break;
            }
            for (int k = 0; k < 3 && !quoted; k++) {
                counts[k] += ch == candidates[k] ? 1 : 0;
            }
        }
        int best = 0;
        for (int k = 1; k < 3; k++) {
            best = counts[k] > counts[best] ? k : best;
        }
        return candidates[best];
    }

    /** The rows of {@code text}; a line break inside quotes stays in its value, a blank last line is no row. */
    static List<List<String>> parse(String text, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == delimiter) {
                row.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                rows.add(row);
                row = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(ch);
                any = true;
            }
        }
        if (any || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    /** One line of values, each quoted when it holds the delimiter, a quote or a line break. */
    static String line(List<String> values, char delimiter) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (i > 0) {
                out.append(delimiter);
            }
            if (v.indexOf(delimiter) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                out.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                out.append(v);
            }
        }
        return out.toString();
    }
}
