package savescope.cells;

import java.util.ArrayList;
import java.util.List;

/** Text as Jupyter stores it in a notebook file: a list of lines, each but the last ending in a newline. */
public final class JupyterText {
    private JupyterText() {}

    /** {@code text} cut after each newline; empty text gives no lines. */
    public static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                out.add(text.substring(start));
                break;
            }
            out.add(text.substring(start, nl + 1));
            start = nl + 1;
        }
        return out;
    }
}
