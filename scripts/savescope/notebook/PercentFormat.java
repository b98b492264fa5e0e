package savescope.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import savescope.UserError;
import savescope.cells.Cell;

/**
 * Reads and writes Jupytext's percent format for Java: {@code // %%} starts a code cell, {@code // %% [markdown]}
 * a markdown cell whose lines are {@code //} comments, and the marker may carry {@code tags=["parameters"]}.
 */
public final class PercentFormat {
    private static final Pattern MARKER = Pattern.compile("^//\\s*%%(?!%)(.*)$");
    private static final Pattern TYPE = Pattern.compile("\\[(\\w+)\\]");
    private static final Pattern TAGS = Pattern.compile("tags\\s*=\\s*\\[([^\\]]*)\\]");
    private static final Pattern TAG = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PercentFormat() {}

    /**
     * A cell as written in the file.
     *
     * @param type markdown or code
     * @param source the code, or the markdown with its comment prefixes removed
     * @param tags the marker's tags
     * @param line the line in the file of the cell's first source line (1-based); the marker's line when empty
     */
    public record SourceCell(Cell.Type type, String source, List<String> tags, int line) {
        public SourceCell {
            tags = List.copyOf(tags);
        }

        public boolean isCode() {
            return type == Cell.Type.CODE;
        }
    }

    /**
     * A parsed notebook file.
     *
     * @param file the file name, for messages
     * @param header the lines before the first cell marker (shebang, JBang directives)
     * @param cells the cells in order
     * @param deps the {@code //DEPS} entries anywhere in the file, in order
     */
    public record Parsed(String file, List<String> header, List<SourceCell> cells, List<String> deps) {
        public Parsed {
            header = List.copyOf(header);
            cells = List.copyOf(cells);
            deps = List.copyOf(deps);
        }
    }

    /**
     * Splits the text into cells.
     *
     * @throws UserError naming the file and line of a marker with an unknown cell type
     */
    public static Parsed parse(String text, String file) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> header = new ArrayList<>();
        List<SourceCell> cells = new ArrayList<>();
        List<String> deps = new ArrayList<>();
        Cell.Type type = null;
        List<String> tags = List.of();
        int markerLine = 0;
        List<String> body = new ArrayList<>();
        int bodyStart = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("//DEPS ")) {
                for (String d : line.substring(7).split("[\\s,]+")) {
                    if (!d.isBlank()) {
                        deps.add(d.strip());
                    }
                }
            }
            Matcher m = MARKER.matcher(line);
            if (m.matches()) {
                if (type != null) {
                    cells.add(cell(type, body, tags, bodyStart, markerLine));
                } else {
                    splitPreamble(body, header, cells, bodyStart);
                }
                String rest = m.group(1);
                type = cellType(rest, file, i + 1);
                tags = tags(rest);
                markerLine = i + 1;
                body = new ArrayList<>();
                bodyStart = i + 2;
                continue;
            }
            if (body.isEmpty()) {
                bodyStart = i + 1;
            }
            body.add(line);
        }
        if (type != null) {
            cells.add(cell(type, body, tags, bodyStart, markerLine));
        } else {
            splitPreamble(body, header, cells, bodyStart);
        }
        return new Parsed(file, header, cells, deps);
    }

    /** Lines before the first marker: JBang directives and comments form the header; any code becomes a cell. */
    private static void splitPreamble(List<String> lines, List<String> header, List<SourceCell> cells, int start) {
        int firstCode = -1;
        boolean inYaml = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.equals("// ---")) {
                inYaml = !inYaml;
                continue;
            }
            if (!inYaml && !l.isEmpty() && !l.startsWith("//")) {
                firstCode = i;
                break;
            }
        }
        if (firstCode < 0) {
            header.addAll(lines);
            return;
        }
        header.addAll(lines.subList(0, firstCode));
        cells.add(cell(Cell.Type.CODE, lines.subList(firstCode, lines.size()), List.of(), start + firstCode, start + firstCode));
    }

    private static SourceCell cell(Cell.Type type, List<String> body, List<String> tags, int bodyStart, int markerLine) {
        int from = 0;
        int to = body.size();
        while (from < to && body.get(from).isBlank()) {
            from++;
        }
        while (to > from && body.get(to - 1).isBlank()) {
            to--;
        }
        List<String> kept = new ArrayList<>(body.subList(from, to));
        if (type == Cell.Type.MARKDOWN) {
            kept.replaceAll(PercentFormat::uncomment);
        }
        int line = from < to ? bodyStart + from : markerLine;
        return new SourceCell(type, String.join("\n", kept), tags, line);
    }

    private static String uncomment(String line) {
        if (line.startsWith("// ")) {
            return line.substring(3);
        }
        if (line.startsWith("//")) {
            return line.substring(2);
        }
        return line;
    }

    private static Cell.Type cellType(String rest, String file, int line) {
        Matcher m = TYPE.matcher(rest);
        if (!m.find()) {
            return Cell.Type.CODE;
        }
        String t = m.group(1);
        if (t.equals("markdown") || t.equals("md")) {
            return Cell.Type.MARKDOWN;
        }
        throw new UserError(file + ":" + line + ": cell marker \"[" + t + "]\": expected [markdown] "
                + "(or no brackets for a code cell)");
    }

    private static List<String> tags(String rest) {
        Matcher m = TAGS.matcher(rest);
        if (!m.find()) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        Matcher t = TAG.matcher(m.group(1));
        while (t.find()) {
            tags.add(t.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return tags;
    }

    /** Writes cells back in percent format, after the header lines; parsing the result gives the same cells. */
    public static String write(List<String> header, List<SourceCell> cells) {
        StringBuilder b = new StringBuilder();
        for (String h : header) {
            b.append(h).append('\n');
        }
        for (SourceCell c : cells) {
            if (b.length() > 0 && !b.toString().endsWith("\n\n")) {
                b.append('\n');
            }
            b.append("// %%");
            if (!c.isCode()) {
                b.append(" [markdown]");
            }
            if (!c.tags().isEmpty()) {
                b.append(" tags=[");
                for (int i = 0; i < c.tags().size(); i++) {
                    b.append(i > 0 ? ", " : "").append('"')
                            .append(c.tags().get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
                b.append(']');
            }
            b.append('\n');
            if (!c.source().isEmpty()) {
                for (String line : c.source().split("\n", -1)) {
                    b.append(c.isCode() ? line : line.isEmpty() ? "//" : "// " + line).append('\n');
                }
            }
        }
        return b.toString();
    }
}
