package savescope.load;

import java.lang.reflect.Constructor;
import java.util.function.Function;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;

/**
 * Empty Tablesaw columns with room for a number of rows, through the constructors Tablesaw itself uses around a
 * list it keeps (not public; the version is pinned in Deps). Where one cannot be used, a plain empty column,
 * which grows as rows are added.
 */
final class RoomyColumns {
    private static final Constructor<InstantColumn> INSTANTS = constructor(InstantColumn.class,
            it.unimi.dsi.fastutil.longs.LongArrayList.class);
    private static final Constructor<DoubleColumn> DOUBLES = constructor(DoubleColumn.class,
            it.unimi.dsi.fastutil.doubles.DoubleArrayList.class);

    private RoomyColumns() {}

    private static <C> Constructor<C> constructor(Class<C> column, Class<?> list) {
        try {
            Constructor<C> c = column.getDeclaredConstructor(String.class, list);
            c.setAccessible(true);
            return c;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    static InstantColumn instants(String name, int rows) {
        return make(INSTANTS, name, new it.unimi.dsi.fastutil.longs.LongArrayList(rows), InstantColumn::create);
    }

    static DoubleColumn doubles(String name, int rows) {
        return make(DOUBLES, name, new it.unimi.dsi.fastutil.doubles.DoubleArrayList(rows), DoubleColumn::create);
    }

    private static <C> C make(Constructor<C> around, String name, Object list, Function<String, C> plain) {
        if (around != null) {
            try {
                return around.newInstance(name, list);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // the public way below
            }
        }
        return plain.apply(name);
    }
}
