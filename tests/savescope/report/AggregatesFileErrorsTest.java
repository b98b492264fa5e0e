package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import savescope.UserError;
import savescope.load.Loader;
import savescope.model.Dataset;

/**
 * A file that is not an aggregates file, is cut short, is of another version or was edited into something else is
 * refused in one line that names the file, the line and column, and the field.
 */
class AggregatesFileErrorsTest {
    /** The sample's aggregates file, as text. */
    static String sample;
    static byte[] compressed;

    @TempDir
    Path dir;

    @BeforeAll
    static void write() throws Exception {
        Dataset data = Loader.load(List.of(Path.of("data", "sample")), Loader.Options.defaults());
        ReportFigures figures = SaveReport.analyse(savescope.metrics.LocalAnalytics.of(data), ReportOptions.defaults(), 2);
        sample = new String(AggregatesFile.toBytes(figures, false), StandardCharsets.UTF_8);
        compressed = AggregatesFile.toBytes(figures, true);
    }

    private String refusal(String text) throws Exception {
        return refusal(text.getBytes(StandardCharsets.UTF_8));
    }

    private String refusal(byte[] bytes) throws Exception {
        Path file = dir.resolve("numbers.json");
        Files.write(file, bytes);
        String message = assertThrows(UserError.class, () -> AggregatesFile.read(file)).getMessage();
        assertFalse(message.contains("\n") || message.contains("Exception") || message.contains("savescope."), message);
        return message.replace(file.toString(), "F");
    }

    /** {@code text} with its first {@code old} made {@code replacement}; {@code old} must be there. */
    private static String edit(String text, String old, String replacement) {
        int at = text.indexOf(old);
        assertTrue(at >= 0, old);
        return text.substring(0, at) + replacement + text.substring(at + old.length());
    }

    /** "line:column" of the first {@code text} in {@code in}, counted from 1. */
    private static String place(String in, String text) {
        int at = in.indexOf(text);
        int line = (int) in.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        return line + ":" + (at - in.lastIndexOf('\n', at - 1));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0005, 0.001, 0.33, 0.5, 0.9, 0.9999})
    void aFileCutShortSaysSo(double kept) throws Exception {
        String message = refusal(sample.substring(0, (int) (sample.length() * kept)));
        assertTrue(message.matches("F:\\d+:\\d+: the file ends early \\(was it cut short\\?\\); expected the rest of the "
                + "aggregates\\."), message);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.5, 0.99})
    void aCompressedFileCutShortSaysSo(double kept) throws Exception {
        assertEquals("F: the compressed data ends early (was the file cut short?).",
                refusal(Arrays.copyOf(compressed, (int) (compressed.length * kept))));
    }

    @Test
    void aNewerVersionAsksForANewerSaveScope() throws Exception {
        String text = edit(sample, "\"version\" : 1", "\"version\" : 2");
        assertEquals("F:3:15: field \"version\": the file is of version 2, written by a newer "
                + "SaveScope; this one reads version 1 (update SaveScope, or write the file with this one).", refusal(text));
        assertEquals("F:3:15: field \"version\": expected the file's version number (1), found \"1\".",
                refusal(edit(sample, "\"version\" : 1", "\"version\" : \"1\"")));
    }

    @Test
    void figuresOfAnotherShapeAskForTheFileAgain() throws Exception {
        assertEquals("F:4:14: field \"schema\": the file's report figures (\"0123456789abcdef\") are not this "
                + "SaveScope's (\"" + AggregatesFile.schema() + "\"): it was written by another version of SaveScope; "
                + "write it again with this one.",
                refusal(sample.replaceFirst("\"schema\" : \"[0-9a-f]+\"", "\"schema\" : \"0123456789abcdef\"")));
    }

    @Test
    void otherFilesAreNamedForWhatTheyAre() throws Exception {
        String expected = "; expected a JSON object starting with \"format\": \"savescope-aggregates\", as "
                + "--save-aggregates writes.";
        assertEquals("F: not a SaveScope aggregates file (it holds a report's --json numbers, which cannot be rendered "
                + "again)" + expected, refusal("{\n  \"generated_at\" : \"2026-01-01T00:00:00Z\",\n  \"title\" : \"x\"\n}\n"));
        assertEquals("F: not a SaveScope aggregates file (it is not JSON)" + expected,
                refusal("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertEquals("F: not a SaveScope aggregates file (it starts with the field \"totals\")" + expected,
                refusal("{\"totals\": {\"videos\": 3}}"));
        assertEquals("F: not a SaveScope aggregates file (it is empty)" + expected, refusal(""));
        assertEquals("F: not a SaveScope aggregates file (it starts with a list)" + expected, refusal("[1, 2]"));
        assertEquals("F:2:14: field \"format\": expected \"savescope-aggregates\", found \"savescope-notebook\".",
                refusal(edit(sample, "\"savescope-aggregates\"", "\"savescope-notebook\"")));
    }

    @Test
    void aHandEditedValueIsNamedByItsField() throws Exception {
        String text = edit(sample, "\"minViews\" : 1000", "\"minViews\" : \"lots\"");
        assertEquals("F:" + place(text, "\"lots\"") + ": field \"options.minViews\": expected a whole number, found "
                + "\"lots\".", refusal(text));
        text = edit(sample, "\"file\" : \"data/sample", "\"file\" : 12, \"x\" : \"");
        assertEquals("F:" + place(text, "12,") + ": field \"load.sources[0].file\": expected a text, found 12.",
                refusal(text));
        text = edit(sample, "\"double\" : 0.71", "\"float\" : 0.71");
        assertEquals("F:" + place(text, "\"float\"") + ": field \"sections.audience.audience.gender[0].share\": "
                + "expected one of int, long, double, decimal, date, instant, list, map, found \"float\".", refusal(text));
    }

    @Test
    void aRenamedMissingOrRepeatedFieldIsNamed() throws Exception {
        String text = edit(sample, "\"rowsRead\"", "\"rowsRaed\"");
        assertEquals("F:" + place(text, "\"rowsRaed\"") + ": field \"load.sources[0].rowsRaed\": not a field here; "
                + "expected the fields file, format, rowsRead, rowsUsed, rejections, missingMetrics, warnings, kind, "
                + "fieldGaps, assumptions, rejectionsNotListed, rejectionReasons.", refusal(text));
        assertTrue(refusal(edit(sample, "\"hasSaves\" : true,\n", "")).matches("F:\\d+:\\d+: field \"hasSaves\": "
                + "missing\\."));
        assertTrue(refusal(edit(sample, "\"minViews\" : 1000,", "")).matches("F:5:15: field \"options.minViews\": "
                + "missing; expected the fields title, minViews, tableRows, compare, minSegment, period, vs\\."));
        text = edit(sample, "\"minViews\" : 1000,", "\"minViews\" : 1000, \"minViews\" : 5,");
        assertEquals("F:" + place(text, "\"minViews\" : 5") + ": field \"options.minViews\": given twice.", refusal(text));
    }

    @Test
    void valuesARecordRefusesAreNamed() throws Exception {
        assertEquals("F:5:15: field \"options\": these values cannot be used together.",
                refusal(edit(sample, "\"compare\" : [ ]", "\"compare\" : null")));
        assertTrue(refusal(edit(sample, "\"hasSaves\" : true", "\"hasSaves\" : null"))
                .endsWith(": field \"hasSaves\": expected true or false, found null."));
    }

    /** Counts below zero and rates or shares no data can give are refused where they stand, naming the field. */
    @Test
    void impossibleValuesAreRefused() throws Exception {
        String text = edit(sample, "\"videos\" : 150,", "\"videos\" : -5,");
        assertEquals("F:" + place(text, "-5,") + ": field \"sections.overview.totals.videos\": expected a count (0 or "
                + "more), found -5.", refusal(text));
        text = edit(sample, "\"overall\" : 0.01799360501820187", "\"overall\" : \"Infinity\"");
        assertEquals("F:" + place(text, "\"Infinity\"") + ": field \"sections.overview.saveRate.overall\": expected a "
                + "rate (a finite number, 0 or more, or \"NaN\" when not known), found Infinity.", refusal(text));
        text = edit(sample, "\"share\" : 0.71", "\"share\" : 1.5");
        assertTrue(refusal(text).endsWith(".share\": expected a share (from 0 to 1, or \"NaN\" when not known), "
                + "found 1.5."), refusal(text));
        // NaN is how a record says "not known": a missing rate still reads back.
        AggregatesFile.read(write(edit(sample, "\"overall\" : 0.01799360501820187", "\"overall\" : \"NaN\"")));
    }

    @Test
    void aBareNaNNamesItsFieldNotTheParser() throws Exception {
        String text = edit(sample, "\"overall\" : 0.01799360501820187", "\"overall\" : NaN");
        assertEquals("F:" + place(text, "NaN") + ": field \"sections.overview.saveRate.overall\": expected a number, "
                + "found NaN (write \"NaN\" as a string).", refusal(text));
    }

    private Path write(String text) throws Exception {
        Path file = dir.resolve("ok.json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void moreAfterTheEndIsRefused() throws Exception {
        String message = refusal(sample + "{}\n");
        assertTrue(message.matches("F:\\d+:1: more after the end of the aggregates \\(two files joined\\?\\); expected "
                + "nothing\\."), message);
    }

    @Test
    void aMissingFileOrAFolderIsNamed() {
        assertEquals(dir.resolve("none.json") + ": no such file.",
                assertThrows(UserError.class, () -> AggregatesFile.read(dir.resolve("none.json"))).getMessage());
        assertEquals(dir + ": is a folder; expected an aggregates file (as --save-aggregates writes).",
                assertThrows(UserError.class, () -> AggregatesFile.read(dir)).getMessage());
    }
}
