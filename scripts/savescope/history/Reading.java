package savescope.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import savescope.load.ContentTypes;
import savescope.load.Fields;
import savescope.load.Loader;

/**
 * How an export is read: the column mapping ({@code --map}) and content types ({@code --types}) it was imported
 * with. Kept in the manifest beside its stored copy, so a report over the history reads it as the import did.
 *
 * @param columnMap canonical field → the export's header for it, in the order given
 * @param types the {@code --types} values as typed ({@code tutorial=#howto,#tutorial}), earliest first
 */
public record Reading(Map<String, String> columnMap, List<String> types) {
    /** An export imported without {@code --map} or {@code --types}. */
    public static final Reading NONE = new Reading(Map.of(), List.of());

    public Reading {
        columnMap = Collections.unmodifiableMap(new LinkedHashMap<>(columnMap));
        types = List.copyOf(types);
    }

    public boolean isEmpty() {
        return columnMap.isEmpty() && types.isEmpty();
    }

    /**
     * The loader options for an export read this way within a load whose own options are {@code base}: this
     * reading's mapping and types first; {@code base}'s for the fields, columns and tags this one leaves alone.
     */
    public Loader.Options over(Loader.Options base) {
        if (isEmpty()) {
            return base;
        }
        Map<String, String> map = new LinkedHashMap<>(columnMap);
        Set<String> taken = columnMap.values().stream().map(Fields::normalize).collect(Collectors.toSet());
        base.columnMap().forEach((field, header) -> {
            // One column feeds one field: a column this export maps already is not read again for another.
            if (!map.containsKey(field) && taken.add(Fields.normalize(header))) {
                map.put(field, header);
            }
        });
        ContentTypes contentTypes = types.isEmpty() ? base.types() : ContentTypes.parse(types).then(base.types());
        return new Loader.Options(map, contentTypes, base.progress());
    }

    /** The options as they would be typed: {@code --map saves=Keeps --types tutorial=#howto}. */
    public String asOptions() {
        StringBuilder out = new StringBuilder();
        columnMap.forEach((field, header) -> out.append(out.isEmpty() ? "" : " ").append("--map ").append(field)
                .append('=').append(header));
        types.forEach(t -> out.append(out.isEmpty() ? "" : " ").append("--types ").append(t));
        return out.toString();
    }
}
