package savescope.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import savescope.UserError;
import savescope.load.ContentTypes;
import savescope.load.Fields;
import savescope.load.VideoFrameBuilder;
import savescope.metrics.Experiment;

/**
 * Picocli converters for the options whose values have a form of their own, so a mistyped value stops the run
 * while the command line is parsed, with the option's own message and exit code 2.
 */
final class Converters {
    private Converters() {}

    /** One {@code --map FIELD=HEADER}: read the canonical FIELD from the column HEADER. */
    record FieldMapping(String field, String header, String spec) {}

    /** {@code --map FIELD=HEADER}, FIELD one of the canonical fields. */
    static final class MapConverter implements ITypeConverter<FieldMapping> {
        @Override
        public FieldMapping convert(String s) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new TypeConversionException("--map \"" + s + "\": expected FIELD=HEADER, e.g. --map saves=Favorites");
            }
            String field = s.substring(0, eq).strip();
            if (!VideoFrameBuilder.FIELDS.contains(field)) {
                throw new TypeConversionException("--map \"" + s + "\": unknown field \"" + field + "\"; expected one of "
                        + VideoFrameBuilder.FIELDS);
            }
            return new FieldMapping(field, s.substring(eq + 1), s);
        }
    }

    /**
     * The mappings as FIELD → HEADER; a field may be mapped once and a column may feed one field (headers match
     * ignoring case and spacing, so two spellings of one header are the same column).
     */
    static Map<String, String> fieldMap(List<FieldMapping> mappings) {
        Map<String, String> m = new LinkedHashMap<>();
        for (FieldMapping f : mappings) {
            if (m.containsKey(f.field())) {
                throw new UserError("--map \"" + f.spec() + "\": " + f.field() + " is already read from \""
                        + m.get(f.field()) + "\"; map each field once");
            }
            String key = Fields.normalize(f.header());
            for (Map.Entry<String, String> e : m.entrySet()) {
                if (Fields.normalize(e.getValue()).equals(key)) {
                    throw new UserError("--map \"" + f.spec() + "\": the column \"" + f.header() + "\" already feeds "
                            + e.getKey() + "; one column can feed one field, so " + e.getKey() + " and " + f.field()
                            + " cannot both read it");
                }
            }
            m.put(f.field(), f.header());
        }
        return m;
    }

    /** One {@code --compare NAME=RULE} as typed, and the variant it defines. */
    record Variant(String spec, Experiment.Arm arm) {}

    /** {@code --compare NAME=RULE}: one experiment variant ({@link Experiment.Arm#parse}). */
    static final class CompareConverter implements ITypeConverter<Variant> {
        @Override
        public Variant convert(String s) {
            try {
                return new Variant(s, Experiment.Arm.parse(s));
            } catch (UserError e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** The variants checked together ({@link Experiment.Arm#checkAll}): distinct names and rules, not one alone. */
    static List<Experiment.Arm> arms(List<Variant> variants) {
        return Experiment.Arm.checkAll(variants.stream().map(Variant::spec).toList(),
                variants.stream().map(Variant::arm).toList());
    }

    /** {@code --types TYPE=#tag1,#tag2}: one content-type mapping ({@link ContentTypes#parse}). */
    static final class TypesConverter implements ITypeConverter<ContentTypes> {
        @Override
        public ContentTypes convert(String s) {
            try {
                return ContentTypes.parse(List.of(s));
            } catch (UserError e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --paper a4|letter}, in any letter case. */
    static final class PaperConverter implements ITypeConverter<PdfPrinter.Paper> {
        @Override
        public PdfPrinter.Paper convert(String s) {
            return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "a4" -> PdfPrinter.Paper.A4;
                case "letter" -> PdfPrinter.Paper.LETTER;
                default -> throw new TypeConversionException("--paper \"" + s + "\": expected a4 or letter");
            };
        }
    }

    /** The mappings in the order given, then the built-in ones: an earlier mapping of a tag wins. */
    static ContentTypes contentTypes(List<ContentTypes> given) {
        ContentTypes all = ContentTypes.defaults();
        for (int i = given.size() - 1; i >= 0; i--) {
            all = given.get(i).then(all);
        }
        return all;
    }
}
