package savescope.notebook;

/**
 * What notebook cells call to show rich output: {@code display(Object)} and {@code markdown(String)}. Under the
 * notebook runner they become cell outputs; in a plain {@code jbang notebook.jsh} run they print as text.
 */
public final class Display {

    /** Receives what cells display; the notebook runner installs one while a notebook runs. */
    public interface Sink {
        void display(Object value);

        void markdown(String markdown);

        /** The value of a cell's trailing expression. */
        void result(Object value);
    }

    // Volatile, not thread-local: JShell runs each snippet on a thread of its own.
    private static volatile Sink sink;

    private Display() {}

    /** Shows a value: a Tablesaw table as a table, an XChart chart as SVG, anything else as text. */
    public static void display(Object value) {
        Sink s = sink;
        if (s != null) {
            s.display(value);
        } else {
            System.out.println(DisplayOutputs.plainText(value));
        }
    }

    /** Shows markdown text. */
    public static void markdown(String markdown) {
        Sink s = sink;
        if (s != null) {
            s.markdown(markdown);
        } else {
            System.out.println(markdown);
        }
    }

    /** Hands the runner the object behind a cell's trailing expression; not meant for notebooks. */
    public static void result(Object value) {
        Sink s = sink;
        if (s != null) {
            s.result(value);
        }
    }

    static void attach(Sink s) {
        sink = s;
    }

    static void detach() {
        sink = null;
    }
}
