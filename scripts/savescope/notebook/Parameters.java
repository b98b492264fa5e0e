package savescope.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import savescope.UserError;
import savescope.cells.JavaSource;

/**
 * Papermill-style parameters: reads the defaults declared in the cell tagged {@code parameters} and writes the
 * cell that overrides them with values from the command line, typed like the defaults.
 */
public final class Parameters {
    public static final String TAG = "parameters";
    public static final String INJECTED_TAG = "injected-parameters";

    private static final Pattern DECLARATION = Pattern.compile(
            "^\\s*(?:final\\s+)?([\\w.]+)\\s+([A-Za-z_$][\\w$]*)\\s*=\\s*(.+?)\\s*;\\s*(//.*)?$");
    /** A comment naming a report option ({@code // --period: ...}) declares that the value is checked as that option's. */
    private static final Pattern CHECKED_AS = Pattern.compile("^//\\s*(--[a-z][a-z-]*):");

    /**
     * The checks of the values of report options a notebook's parameter can declare itself checked as: each
     * returns why a value is refused, or null to accept it. A bad value then stops the run before any cell runs,
     * as a bad type does, and not in the middle of the cells that read it.
     */
    private static final Map<String, java.util.function.Function<String, String>> CHECKS = Map.of(
            "--period", value -> refusal(() -> savescope.metrics.Period.parse(value, java.time.LocalDate.of(2000, 1, 1))),
            "--vs", value -> refusal(() -> savescope.metrics.Period.parse("last-28d", java.time.LocalDate.of(2000, 1, 1))
                    .comparison(value)));

    /** The types a parameter can have. */
    public enum Type { INT, LONG, DOUBLE, BOOLEAN, STRING, PATH }

    /** A parameter declared in the parameters cell, with its default as written. */
    /**
     * A parameter declared in the parameters cell, with its default as written.
     *
     * @param checkedAs the report option whose values it takes ({@code --period}), or null for any of its type
     */
    public record Declared(String name, Type type, String defaultSource, String checkedAs) {
        public Declared(String name, Type type, String defaultSource) {
            this(name, type, defaultSource, null);
        }
    }

    private Parameters() {}

    /** The parameters a cell declares, in order; declarations of other types are left out. */
    public static Map<String, Declared> declared(String source) {
        Map<String, Declared> out = new LinkedHashMap<>();
        for (String line : source.split("\n")) {
            Matcher m = DECLARATION.matcher(line);
            if (!m.matches()) {
                continue;
            }
            Type type = type(m.group(1), m.group(3).strip());
            if (type != null) {
                Matcher checked = CHECKED_AS.matcher(m.group(4) == null ? "" : m.group(4));
                String option = checked.find() && CHECKS.containsKey(checked.group(1)) ? checked.group(1) : null;
                out.put(m.group(2), new Declared(m.group(2), type, m.group(3).strip(), option));
            }
        }
        return out;
    }

    private static Type type(String declared, String value) {
        switch (declared) {
            case "int": return Type.INT;
            case "long": return Type.LONG;
            case "double": return Type.DOUBLE;
            case "boolean": return Type.BOOLEAN;
            case "String": case "java.lang.String": return Type.STRING;
            case "Path": case "java.nio.file.Path": return Type.PATH;
            case "var": return inferred(value);
            default: return null;
        }
    }

    private static Type inferred(String value) {
        if (value.startsWith("\"")) {
            return Type.STRING;
        }
        if (value.equals("true") || value.equals("false")) {
            return Type.BOOLEAN;
        }
        if (value.matches("-?\\d[\\d_]*[lL]")) {
            return Type.LONG;
        }
        if (value.matches("-?\\d[\\d_]*")) {
            return Type.INT;
        }
        if (value.matches("-?[\\d_]*\\.?[\\d_]+([eE][-+]?\\d+)?[dD]?")) {
            return Type.DOUBLE;
        }
        if (value.startsWith("Path.of(") || value.startsWith("Paths.get(")) {
            return Type.PATH;
        }
        return null;
    }

    /**
     * The source of the injected cell: one declaration per given value, typed like its default.
     *
     * @param declared what the parameters cell declares
     * @param values NAME → VALUE from the command line, in order
     * @throws UserError for an unknown name or a value that does not fit the type
     */
    public static String injectedSource(Map<String, Declared> declared, Map<String, String> values) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            Declared d = declared.get(e.getKey());
            if (d == null) {
                throw new UserError("--param " + e.getKey() + ": the parameters cell declares no such "
                        + "name; it declares " + (declared.isEmpty() ? "none" : String.join(", ", declared.keySet())));
            }
            String refused = d.checkedAs() == null ? null : CHECKS.get(d.checkedAs()).apply(e.getValue());
            if (refused != null) {
                throw new UserError("--param " + d.name() + "=" + e.getValue() + ": " + refused + " (the values of "
                        + d.checkedAs() + ")");
            }
            lines.add(declaration(d, e.getValue()));
        }
        return String.join("\n", lines);
    }

    private static String declaration(Declared d, String value) {
        String v = value.strip();
        switch (d.type()) {
            case INT:
                try {
                    return "int " + d.name() + " = " + Integer.parseInt(v) + ";";
                } catch (NumberFormatException e) {
                    throw bad(d, value, "a whole number (int)");
                }
            case LONG:
                try {
                    return "long " + d.name() + " = " + Long.parseLong(v) + "L;";
                } catch (NumberFormatException e) {
                    throw bad(d, value, "a whole number (long)");
                }
            case DOUBLE:
                try {
                    double x = Double.parseDouble(v);
                    if (Double.isNaN(x) || Double.isInfinite(x)) {
                        throw bad(d, value, "a finite number (double)");
                    }
                    return "double " + d.name() + " = " + x + ";";
                } catch (NumberFormatException e) {
                    throw bad(d, value, "a number (double)");
                }
            case BOOLEAN:
                if (!v.equals("true") && !v.equals("false")) {
                    throw bad(d, value, "true or false");
                }
                return "boolean " + d.name() + " = " + v + ";";
            case STRING:
                return "String " + d.name() + " = " + javaString(value) + ";";
            case PATH:
                return "java.nio.file.Path " + d.name() + " = java.nio.file.Path.of(" + javaString(value) + ");";
            default:
                throw new IllegalStateException(d.type().toString());
        }
    }

    private static String refusal(Runnable check) {
        try {
            check.run();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static UserError bad(Declared d, String value, String expected) {
        return new UserError("--param " + d.name() + "=" + value + ": expected " + expected
                + ", like its default " + d.defaultSource());
    }

    /** A Java string literal holding {@code s} exactly. */
    static String javaString(String s) {
        return JavaSource.stringLiteral(s);
    }
}
