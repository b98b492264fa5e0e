package savescope.history;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the history lives when no {@code --history DIR} is given: the user's data folder, as each system names it. */
public final class HistoryFolder {
    private HistoryFolder() {}

    /** The default history folder of this machine and user. */
    public static Path defaultFolder() {
        return defaultFolder(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", ""));
    }

    /**
     * {@code $XDG_DATA_HOME/savescope} (else {@code ~/.local/share/savescope}) on Linux and other Unix systems,
     * {@code ~/Library/Application Support/SaveScope} on macOS, {@code %LOCALAPPDATA%\SaveScope} on Windows.
     */
    static Path defaultFolder(String osName, Map<String, String> env, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return blank(local) ? Path.of(home, "AppData", "Local", "SaveScope") : Path.of(local, "SaveScope");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Path.of(home, "Library", "Application Support", "SaveScope");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        if (!blank(xdg) && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "savescope");
        }
        return Path.of(home, ".local", "share", "savescope");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
