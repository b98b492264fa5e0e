package savescope.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import savescope.cells.Cell;
import savescope.cells.Notebook;
import savescope.cells.Output;

/**
 * Renders a {@link Notebook} to one self-contained HTML page with FreeMarker. Templates come from the
 * user's folder first (overriding ours by name), then from the ones bundled with SaveScope.
 */
public final class HtmlReport {
    /** Far above a real page (about 1 MB, a few MB with large notebook tables) and far below the heap. */
    static final int MAX_CHARS = 32 << 20;
    /** Pages render in well under a second. */
    static final long MAX_SECONDS = 60;

    private final Configuration config;
    private final Path templateDir;
    private int maxChars = MAX_CHARS;
    private long maxNanos = MAX_SECONDS * 1_000_000_000L;

    /** A cell ready for the template: markdown already turned into safe HTML. */
    public record CellView(Cell cell, boolean markdown, String html, List<OutputView> outputs, int index) {}

    /**
     * An output ready for the template.
     *
     * @param html set for markdown outputs: the rendered, escaped markdown
     * @param title for charts: the chart's title (its accessible name)
     * @param figure for charts: the figure number on the page, counting from 1; otherwise 0
     */
    public record OutputView(String kind, Output output, String html, String title, int figure) {}

    /**
     * A numbered part of the page: a level-2 heading and the cells up to the next one.
     *
     * @param id the heading's anchor, or empty for cells before the first heading
     * @param number 1, 2, … in reading order; 0 for cells before the first heading
     */
    public record SectionView(String id, int number, List<CellView> cells) {}

    /** A key number of the report (the first KPI cards), repeated in the page head for the reports index. */
    public record KeyNumber(String label, String value, String exact) {}

    /**
     * @param templateDir a folder whose templates override the bundled ones by name, or null
     */
    public HtmlReport(Path templateDir) throws IOException {
        this.templateDir = templateDir;
        config = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (templateDir != null) {
            loaders.add(new FileTemplateLoader(templateDir.toFile()));
        }
        loaders.add(new ClassTemplateLoader(HtmlReport.class, "/templates"));
        config.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        config.setDefaultEncoding("UTF-8");
        config.setOutputEncoding("UTF-8");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        config.setAPIBuiltinEnabled(false);
        config.setLocale(java.util.Locale.ROOT);
        config.setNumberFormat("computer");
    }

    /**
     * Sets up the renderer and parses the page templates on a background thread, so that this overlaps
     * loading and computing instead of adding to them; {@link #ready} waits for it. A template error is left
     * for {@link #render} to report with its place.
     */
    public static java.util.concurrent.Future<HtmlReport> prepareInBackground(Path templateDir) {
        java.util.concurrent.FutureTask<HtmlReport> task = new java.util.concurrent.FutureTask<>(() -> {
            HtmlReport renderer = new HtmlReport(templateDir);
            renderer.parseTemplates();
            return renderer;
        });
        Thread thread = new Thread(task, "template-parse");
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    /** The renderer {@link #prepareInBackground} set up, or the exception setting it up threw. */
    public static HtmlReport ready(java.util.concurrent.Future<HtmlReport> prepared) throws IOException {
        try {
            return prepared.get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while preparing the page templates", e);
        }
    }

    private void parseTemplates() {
        for (String name : List.of("report.ftlh", "outputs.ftlh")) {
            try {
                config.getTemplate(name);
            } catch (IOException | RuntimeException e) {
                // The cache would hand render() this failure wrapped; it should parse again and say where.
                config.clearTemplateCache();
                return;
            }
        }
    }

    /**
     * Renders the page in memory.
     *
     * @throws TemplateProblem naming the template, line and column of a template error
     */
    public String render(Notebook notebook) {
        return render(notebook, Brand.NONE);
    }

    /** As {@link #render(Notebook)}, in an agency's {@code brand}. */
    public String render(Notebook notebook, Brand brand) {
        MarkdownHtml markdown = new MarkdownHtml();
        List<SectionView> sections = new ArrayList<>();
        List<CellView> current = new ArrayList<>();
        String currentId = "";
        int i = 0;
        int figure = 0;
        int numbered = 0;
        for (Cell cell : notebook.cells()) {
            int headingsBefore = markdown.headings().size();
            String html = cell.isMarkdown() ? markdown.render(cell.source()) : "";
            if (cell.isMarkdown() && markdown.headings().size() > headingsBefore && startsWithHeading2(cell.source())) {
                if (!current.isEmpty() || !currentId.isEmpty()) {
                    sections.add(new SectionView(currentId, currentId.isEmpty() ? 0 : ++numbered, current));
                }
                current = new ArrayList<>();
                currentId = markdown.headings().get(headingsBefore).id();
            }
            List<OutputView> outputs = new ArrayList<>();
            for (Output o : cell.outputs()) {
                String oh = o instanceof Output.Markdown m ? markdown.render(m.markdown()) : "";
                if (o instanceof Output.Chart c) {
                    outputs.add(new OutputView(kind(o), o, oh, c.title(), ++figure));
                } else {
                    outputs.add(new OutputView(kind(o), o, oh, "", 0));
                }
            }
            current.add(new CellView(cell, cell.isMarkdown(), html, outputs, ++i));
        }
        if (!current.isEmpty() || !currentId.isEmpty()) {
            sections.add(new SectionView(currentId, currentId.isEmpty() ? 0 : ++numbered, current));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("nb", notebook);
        model.put("sections", sections);
        model.put("toc", markdown.headings());
        model.put("keyNumbers", keyNumbers(notebook));
        model.put("brand", brand);
        return process("report.ftlh", model);
    }

    /** Renders another template (such as the reports index) with the same safe configuration. */
    String renderTemplate(String name, Map<String, Object> model) {
        return process(name, model);
    }

    private static boolean startsWithHeading2(String markdown) {
        return markdown.stripLeading().startsWith("## ");
    }

    /** The first KPI cards of the notebook, at most four. */
    static List<KeyNumber> keyNumbers(Notebook notebook) {
        for (Cell cell : notebook.cells()) {
            for (Output o : cell.outputs()) {
                if (o instanceof Output.Kpis k) {
                    return k.kpis().stream().limit(4).map(x -> new KeyNumber(x.label(), x.value(), x.exact())).toList();
                }
            }
        }
        return List.of();
    }

    private String process(String name, Map<String, Object> model) {
        try {
            Template template = config.getTemplate(name);
            BoundedWriter out = new BoundedWriter(maxChars, maxNanos);
            template.process(model, out);
            return out.toString();
        } catch (BoundedWriter.Exceeded e) {
            throw new TemplateProblem(where(e.template != null ? e.template : name) + ": template error: " + e.getMessage()
                    + "; a loop in the template may not end", e);
        } catch (TemplateException e) {
            throw new TemplateProblem(where(e.getTemplateSourceName()) + ":" + e.getLineNumber() + ":" + e.getColumnNumber()
                    + ": template error: " + plainWords(summary(e.getMessageWithoutStackTop())), e);
        } catch (freemarker.core.ParseException e) {
            throw new TemplateProblem(where(e.getTemplateName()) + ":" + e.getLineNumber() + ":" + e.getColumnNumber()
                    + ": template syntax error: " + firstLine(e.getEditorMessage()), e);
        } catch (IOException e) {
            throw new TemplateProblem("template " + name + ": " + e.getMessage(), e);
        }
    }

    /** Lower limits, so tests need not write 32 MB or wait a minute. */
    HtmlReport limits(int chars, long nanos) {
        maxChars = chars;
        maxNanos = nanos;
        return this;
    }

    /**
     * Collects the page, and stops a template that writes past the size or time limit (a runaway loop would
     * otherwise fill the heap or never end). Once tripped it refuses every later write, so a template that
     * catches the error cannot carry on.
     */
    private static final class BoundedWriter extends java.io.Writer {
        private final StringBuilder page = new StringBuilder(256 * 1024);
        private final int maxChars;
        private final long deadline;
        private final String seconds;
        private Exceeded tripped;

        BoundedWriter(int maxChars, long maxNanos) {
            this.maxChars = maxChars;
            this.seconds = java.math.BigDecimal.valueOf(maxNanos, 9).stripTrailingZeros().toPlainString();
            this.deadline = System.nanoTime() + maxNanos;
        }

        @Override
        public void write(char[] text, int off, int len) throws Exceeded {
            check(len);
            page.append(text, off, len);
        }

        @Override
        public void write(String text, int off, int len) throws Exceeded {
            check(len);
            page.append(text, off, off + len);
        }

        private void check(int len) throws Exceeded {
            if (tripped == null && page.length() + (long) len > maxChars) {
                tripped = new Exceeded("the page grew past " + limit(maxChars) + " while rendering (a report is "
                        + "about 1 MB)");
            } else if (tripped == null && System.nanoTime() - deadline > 0) {
                tripped = new Exceeded("rendering took longer than " + seconds + " s");
            }
            if (tripped != null) {
                throw tripped;
            }
        }

        private static String limit(int chars) {
            return chars >= 1 << 20 ? (chars >> 20) + " MB" : chars + " characters";
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return page.toString();
        }

        /** The limit was passed; {@code template} is the one writing at the time (maybe an included one). */
        static final class Exceeded extends IOException {
            final String template;

            Exceeded(String message) {
                super(message);
                freemarker.core.Environment env = freemarker.core.Environment.getCurrentEnvironment();
                template = env == null || env.getCurrentTemplate() == null ? null
                        : env.getCurrentTemplate().getSourceName();
            }
        }
    }

    /** The user's template file when it came from --template-dir, else our template's name. */
    private String where(String templateName) {
        if (templateName == null) {
            return "template";
        }
        if (templateDir != null && java.nio.file.Files.isRegularFile(templateDir.resolve(templateName))) {
            return templateDir.resolve(templateName).toString();
        }
        return templateName;
    }

    /** FreeMarker's message up to its tips, on one line, without the place (we put that first). */
    static String summary(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String line : s.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("----")) {
                break;
            }
            b.append(b.length() == 0 ? "" : " ").append(l);
        }
        return b.toString().replaceAll("\\s*\\[in template \"[^\"]*\" at line \\d+, column \\d+]", "").strip();
    }

    private static final Pattern NOT_FOUND = Pattern.compile("Template (inclusion|importing) failed \\(for parameter "
            + "value \"([^\"]*)\"\\): Template not found for name \"([^\"]*)\"( \\(normalized: [^)]*\\))?\\.(.*)",
            Pattern.DOTALL);
    private static final Pattern NEW = Pattern.compile("Instantiating (\\S+) is not allowed in the template.*", Pattern.DOTALL);

    /**
     * FreeMarker's words for what SaveScope forbids or cannot find name its own settings and loaders; say instead
     * what a template author can change.
     */
    String plainWords(String message) {
        Matcher notFound = NOT_FOUND.matcher(message);
        if (notFound.matches()) {
            String directive = notFound.group(1).equals("inclusion") ? "#include" : "#import";
            String asked = "<" + directive + " \"" + notFound.group(2) + "\">";
            if (notFound.group(5).contains("Backing out from the root directory") || outsideFolder(notFound.group(2))) {
                return asked + ": the template lies outside the templates folder; SaveScope templates may "
                        + directive.substring(1) + " only templates in " + folderWords();
            }
            return asked + ": no template \"" + notFound.group(3) + "\" in " + folderWords();
        }
        if (message.contains("\"api_builtin_enabled\"")) {
            return "?api is not allowed in SaveScope templates; use the values the report gives the template";
        }
        Matcher instantiating = NEW.matcher(message);
        if (instantiating.matches()) {
            return "?new is not allowed in SaveScope templates (it would make the Java object "
                    + instantiating.group(1) + "); use the values the report gives the template";
        }
        return message;
    }

    /** True for a name such as ../x.ftlh that leads out of the templates folder (all SaveScope templates lie at its top). */
    private static boolean outsideFolder(String name) {
        try {
            return Path.of(name.startsWith("/") ? name.substring(1) : name).normalize().startsWith("..");
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private String folderWords() {
        return (templateDir == null ? "" : "the --template-dir folder " + templateDir + " or ")
                + "SaveScope's built-in templates";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** The output's kind as templates switch on it: stream, text, markdown, table, chart, kpis, findings, error. */
    static String kind(Output o) {
        return o.kind();
    }

    /** A template that failed; the message names the template, line and column. */
    public static final class TemplateProblem extends RuntimeException {
        TemplateProblem(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
