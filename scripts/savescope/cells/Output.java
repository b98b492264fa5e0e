package savescope.cells;

import java.util.List;

/** One output of a cell, in the kinds Jupyter knows; renderers switch over them. */
public sealed interface Output {

    /** The output's kind as templates name it: {@code stream}, {@code text}, {@code chart}, {@code table} … */
    String kind();

    /** Text a cell printed on a stream ({@code stdout} or {@code stderr}). */
    record Stream(String name, String text) implements Output {
        @Override
        public String kind() {
            return "stream";
        }
    }

    /** A plain-text result, such as the value of a trailing expression. */
    record Text(String text) implements Output {
        @Override
        public String kind() {
            return "text";
        }
    }

    /** Markdown written by the cell (rendered with raw HTML escaped). */
    record Markdown(String markdown) implements Output {
        @Override
        public String kind() {
            return "markdown";
        }
    }

    /** A table; {@link TableView} already holds display text and exact values. */
    record Table(TableView table) implements Output {
        @Override
        public String kind() {
            return "table";
        }
    }

    /**
     * A chart as SVG produced by our chart code, with what a screen reader needs.
     *
     * @param svg the SVG markup
     * @param title the chart's title, also its accessible name inside the SVG
     * @param alt a one-sentence description of what the chart shows
     * @param caption what to look at in it
     * @param data a small table of the plotted numbers, or null
     */
    record Chart(String svg, String title, String alt, String caption, TableView data) implements Output {
        @Override
        public String kind() {
            return "chart";
        }
    }

    /** KPI cards: a label, the formatted number, its exact value, and a short note. */
    record Kpis(List<Kpi> kpis) implements Output {
        @Override
        public String kind() {
            return "kpis";
        }
    }

    /** Findings in plain words, most important first. */
    record Findings(List<Finding> findings) implements Output {
        @Override
        public String kind() {
            return "findings";
        }
    }

    /** An exception raised by a cell. */
    record Error(String ename, String evalue, List<String> traceback) implements Output {
        @Override
        public String kind() {
            return "error";
        }
    }

    /**
     * A key number.
     *
     * @param change how it moved against another period, or null for a number on its own
     */
    record Kpi(String label, String value, String exact, String note, Change change) {
        public Kpi(String label, String value, String exact, String note) {
            this(label, value, exact, note, null);
        }

        /** The line of text a plain rendering shows: label, value, then note and change. */
        public String text() {
            return label + ": " + value + (note.isEmpty() ? "" : " (" + note + ")")
                    + (change == null ? "" : "; " + change.text());
        }
    }

    /**
     * A key number against the same number in another period.
     *
     * @param vs the other period's value in words ({@code "vs 1.52%"})
     * @param vsExact its exact value, for hover, or empty
     * @param change the change ({@code "+0.25 pts · +17%"}), or empty when it cannot be computed
     * @param direction {@code up}, {@code down} or {@code flat}
     * @param chance whether the change could be chance, in a few words ({@code "could be chance"}), or empty where
     *     no such judgement applies
     * @param chanceDetail how that was judged (the interval), shown small and on hover, or empty
     */
    record Change(String vs, String vsExact, String change, String direction, String chance, String chanceDetail) {
        /** True when the change could be chance: the page greys it. */
        public boolean maybeChance() {
            return chance.startsWith("could be chance") || chance.startsWith("too few");
        }

        public String text() {
            return String.join(", ", java.util.stream.Stream.of(vs, change, chance, chanceDetail)
                    .filter(s -> !s.isEmpty()).toList());
        }
    }

    /**
     * A computed finding.
     *
     * @param headline the sentence with its numbers
     * @param detail how sure we are and what it means
     * @param level {@code strong}, {@code moderate}, {@code weak} or {@code info}
     */
    record Finding(String headline, String detail, String level) {}
}
