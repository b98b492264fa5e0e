package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import savescope.cli.Cli;
import savescope.cli.ReportCommand;

/** --map and --compare given in ways that cannot work stop with one clear line and exit 2, before any report. */
class MapAndCompareOptionsTest {
    @TempDir
    Path dir;
    Path csv;
    Path html;

    record Run(int code, String err) {}

    @BeforeEach
    void plays() throws Exception {
        // A hand-kept sheet whose headers no alias knows: Plays (views) and Favs (saves).
        csv = dir.resolve("plays.csv");
        Files.writeString(csv, "id,Caption,Plays,Favs\n1,a,1000,30\n2,b,2000,50\n3,c,4000,20\n");
        html = dir.resolve("r.html");
    }

    Run run(String... args) {
        CommandLine cl = Cli.commandLine(new ReportCommand());
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 4];
        all[0] = csv.toString();
        all[1] = "-o";
        all[2] = html.toString();
        all[3] = "--no-index";
        System.arraycopy(args, 0, all, 4, args.length);
        return new Run(cl.execute(all), err.toString());
    }

    @Test
    void oneHeaderFeedingTwoFieldsIsAnError() {
        Run r = run("--map", "views=Plays", "--map", "saves=plays");
        assertEquals(2, r.code());
        assertEquals("error: --map \"saves=plays\": the column \"plays\" already feeds views; one column can feed one "
                + "field, so views and saves cannot both read it\n", r.err());
        assertFalse(Files.exists(html));
    }

    @Test
    void oneFieldMappedTwiceIsAnError() {
        Run r = run("--map", "saves=Favs", "--map", "saves=Plays");
        assertEquals(2, r.code());
        assertEquals("error: --map \"saves=Plays\": saves is already read from \"Favs\"; map each field once\n", r.err());
    }

    @Test
    void aHeaderNoInputHasIsNamed() {
        Run r = run("--map", "views=Plays", "--map", "saves=Favourites");
        assertEquals(2, r.code());
        assertEquals("error: --map saves=Favourites: no column \"Favourites\" in " + csv + " (headers are matched "
                + "ignoring case and spacing); check its spelling.\n", r.err());
        assertFalse(Files.exists(html));
    }

    @Test
    void aMappedHeaderWinsItsColumnOverAnAlias() throws Exception {
        // "views" is also an alias of the views field; mapped to saves, it feeds saves only, and views stays missing
        // (100 saves of 100 views would be a made-up 100% save rate).
        Files.writeString(csv, "id,views,Favs\n1,1000,30\n2,2000,50\n");
        Path json = dir.resolve("r.json");
        Run r = run("--map", "saves=views", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        String j = Files.readString(json).replaceAll("\\s+", " ");
        assertTrue(j.contains("\"missing_metrics\" : [ \"views\", \"likes\", \"comments\", \"shares\" ]"), j);
    }

    @Test
    void goodMapsStillWork() throws Exception {
        Path json = dir.resolve("r.json");
        Run r = run("--map", "views=PLAYS", "--map", "saves= Favs", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(json).contains("\"rows_used\" : 3"));
    }

    @Test
    void aRepeatedVariantNameIsAUsageError() {
        Run r = run("--compare", "A=#hookA", "--compare", "A=#hookB");
        assertEquals(2, r.code());
        assertEquals("error: --compare \"A=#hookB\": the variant name \"A\" is already used by --compare \"A=#hookA\"; "
                + "give each variant its own name\n", r.err());
        assertFalse(Files.exists(html));
    }
}
