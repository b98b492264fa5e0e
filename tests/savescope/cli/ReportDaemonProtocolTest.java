package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report daemon's request parsing, matching and framing; the daemon end to end is in ReportDaemonTest. */
class ReportDaemonProtocolTest {
    private static byte[] fields(String... f) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String s : f) {
            b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            b.write(0);
        }
        return b.toByteArray();
    }

    @Test
    void aRequestKeepsValuesWithEqualsSignsNewlinesAndEmptyArguments() throws Exception {
        var r = ReportDaemon.read(new ByteArrayInputStream(fields("/home/a b", "1", "0022", "1796468660.545053", "2",
                "A=x=y", "B=line\nnext", "3", "in put.csv", "", "--title=Été")), StandardCharsets.UTF_8);
        assertEquals("/home/a b", r.pwd());
        assertTrue(r.terminal());
        assertEquals("0022", r.umask());
        assertEquals(Map.of("A", "x=y", "B", "line\nnext"), r.environment());
        assertEquals(List.of("in put.csv", "", "--title=Été"), r.args());
        assertEquals(1796468660545L, ReportDaemon.startMillis(r.startedAt()));
    }

    @Test
    void aRequestCutShortOrNotInTheLocalesEncodingIsRefused() {
        assertThrows(IOException.class, () -> ReportDaemon.read(new ByteArrayInputStream(fields("/x", "0", "0022", "1", "1")),
                StandardCharsets.UTF_8));
        byte[] latin1 = {'/', 'x', 0, '0', 0, '0', 0, '1', 0, '0', 0, '1', 0, (byte) 0xE9, 0};
        assertThrows(IOException.class, () -> ReportDaemon.read(new ByteArrayInputStream(latin1), StandardCharsets.UTF_8));
        assertThrows(IOException.class, () -> ReportDaemon.read(new ByteArrayInputStream(fields("/x", "0", "0022", "1", "-1")),
                StandardCharsets.UTF_8));
    }

    @Test
    void onlyTheSameFolderEnvironmentAndUmaskMatchButTheShellsBookkeepingAndTheDaemonsSettings() {
        Path here = Path.of(".").toAbsolutePath().normalize();
        Map<String, String> mine = Map.of("PWD", here.toString(), "LANG", "C.UTF-8", "SHLVL", "1", "_", "/usr/bin/java");
        var same = new ReportDaemon.Request(here.toString(), false, "0022", "", Map.of("PWD", here.toString(), "LANG", "C.UTF-8",
                "SHLVL", "3", "OLDPWD", "/tmp"), List.of());
        assertNull(ReportDaemon.mismatch(same, mine, Path.of("."), "0022"));
        var otherLocale = new ReportDaemon.Request(here.toString(), false, "0022", "", Map.of("LANG", "de_DE.UTF-8"), List.of());
        assertEquals("environment", ReportDaemon.mismatch(otherLocale, mine, Path.of("."), "0022"));
        var extra = new ReportDaemon.Request(here.toString(), false, "0022", "", Map.of("LANG", "C.UTF-8", "TZ", "UTC"), List.of());
        assertEquals("environment", ReportDaemon.mismatch(extra, mine, Path.of("."), "0022"));
        // Exported functions are in the environment but never in bash's list of variables.
        var withFunction = new java.util.HashMap<>(mine);
        withFunction.put("BASH_FUNC_which%%", "() {  ( alias; declare -f ) | /usr/bin/which \"$@\"\n}");
        assertNull(ReportDaemon.mismatch(same, withFunction, Path.of("."), "0022"));
        assertEquals("umask", ReportDaemon.mismatch(same, mine, Path.of("."), "0077"));
        // A daemon whose shell did not export PWD compares with the folder its JVM started in.
        var withoutPwd = new java.util.HashMap<>(mine);
        withoutPwd.remove("PWD");
        var fromUserDir = new ReportDaemon.Request(System.getProperty("user.dir"), false, "0022", "",
                Map.of("LANG", "C.UTF-8"), List.of());
        assertNull(ReportDaemon.mismatch(fromUserDir, withoutPwd, Path.of("."), "0022"));
        var daemonSettings = new java.util.HashMap<>(mine);
        daemonSettings.put("SAVESCOPE_DAEMON", "1");
        daemonSettings.put("SAVESCOPE_DAEMON_IDLE", "60");
        assertNull(ReportDaemon.mismatch(same, daemonSettings, Path.of("."), "0022"));
        var elsewhere = new ReportDaemon.Request("/", false, "0022", "", Map.of("LANG", "C.UTF-8"), List.of());
        assertEquals("folder", ReportDaemon.mismatch(elsewhere, mine, Path.of("."), "0022"));
    }

    @Test
    void idleSecondsFallBackToTenMinutesAndStayInBounds() {
        assertEquals(600, ReportDaemon.idleSeconds(null));
        assertEquals(600, ReportDaemon.idleSeconds("soon"));
        assertEquals(5, ReportDaemon.idleSeconds(" 5 "));
        assertEquals(1, ReportDaemon.idleSeconds("0"));
        assertEquals(7 * 24 * 3600, ReportDaemon.idleSeconds("99999999"));
    }

    @Test
    void framesCarryBytesWithoutNulsAndFlushAsWritten() throws Exception {
        ByteArrayOutputStream socket = new ByteArrayOutputStream();
        var out = new ReportDaemon.Frames(socket).channel('e');
        out.write("a\0b\r".getBytes(StandardCharsets.UTF_8));
        out.flush();
        out.flush(); // nothing pending: no empty frame
        out.write("é\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertArrayEquals(fields("eab\r", "eé\n"), socket.toByteArray());
    }
}
