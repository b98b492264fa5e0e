package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** A --template-dir template that does what SaveScope forbids, or names a template that is not there, is told so plainly. */
class TemplateWordsTest {
    private static final String EXPORT = "tests/fixtures/public/handcopied-studio-content.csv";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "<#include \"../secret.ftlh\">|1:1|<#include \"../secret.ftlh\">: the template lies outside the templates "
                + "folder; SaveScope templates may include only templates in the --template-dir folder DIR or "
                + "SaveScope's built-in templates",
        "<#import \"../../x.ftlh\" as x>|1:1|<#import \"../../x.ftlh\">: the template lies outside the templates "
                + "folder; SaveScope templates may import only templates in the --template-dir folder DIR or "
                + "SaveScope's built-in templates",
        "<#include \"nope.ftlh\">|1:1|<#include \"nope.ftlh\">: no template \"nope.ftlh\" in the --template-dir "
                + "folder DIR or SaveScope's built-in templates",
        "<#import \"/etc/passwd\" as p>|1:1|<#import \"/etc/passwd\">: no template \"etc/passwd\" in the "
                + "--template-dir folder DIR or SaveScope's built-in templates",
        "${nb?api.toString()}|1:3|?api is not allowed in SaveScope templates; use the values the report gives the "
                + "template",
        "${\"java.lang.Object\"?new()}|1:1|?new is not allowed in SaveScope templates (it would make the Java object "
                + "java.lang.Object); use the values the report gives the template"})
    void saysWhatIsNotAllowedOrNotFoundAtItsPlace(String line, String place, String words) throws Exception {
        Path templates = Files.createDirectory(dir.resolve("templates"));
        Path template = Files.writeString(templates.resolve("report.ftlh"), line + "\n");
        Files.writeString(dir.resolve("secret.ftlh"), "secret\n");
        Path html = dir.resolve("r.html");
        OutputSafetyTest.Run r = OutputSafetyTest.report(EXPORT, "--template-dir", templates.toString(),
                "-o", html.toString(), "--no-index");
        assertEquals(2, r.code());
        assertEquals("error: " + template + ":" + place + ": template error: " + words.replace("DIR",
                templates.toString()) + "\n", r.err());
        assertFalse(Files.exists(html));
    }
}
