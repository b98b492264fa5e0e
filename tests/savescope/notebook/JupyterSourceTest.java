package savescope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import savescope.UserError;

/** A cell's source is text or a list of text lines (nbformat); anything else is refused, naming the cell. */
class JupyterSourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void textAndListsOfLinesAreRead() throws Exception {
        assertEquals("int a = 1;\na", JupyterFormat.text(JSON.readTree("\"int a = 1;\\na\""), "n.ipynb: cell 1"));
        assertEquals("int a = 1;\na", JupyterFormat.text(JSON.readTree("[\"int a = 1;\\n\", \"a\"]"), "n.ipynb: cell 1"));
    }

    @Test
    void aNumberOrANullLineIsRefused() throws Exception {
        UserError number = assertThrows(UserError.class, () -> JupyterFormat.text(JSON.readTree("5"), "n.ipynb: cell 2"));
        assertEquals("n.ipynb: cell 2: \"source\" must be text or a list of text lines, found the number 5",
                number.getMessage());
        UserError nullLine = assertThrows(UserError.class,
                () -> JupyterFormat.text(JSON.readTree("[\"1+\", null]"), "n.ipynb: cell 3"));
        assertEquals("n.ipynb: cell 3: every line of \"source\" must be text, found null", nullLine.getMessage());
    }

    @Test
    void jbangsOwnJavaWordsAreNotShown() {
        assertEquals("not found; check that each is group:artifact:version and is published on Maven Central or in "
                + "a repository the notebook names", NotebookDeps.plainReason("[jbang] [ERROR] Cannot invoke "
                + "\"java.util.List.size()\" because \"info.resolvedDependencies\" is null"));
        assertEquals("Could not resolve dependency x:y:1", NotebookDeps.plainReason("[jbang] [ERROR] Could not resolve dependency x:y:1"));
    }
}
