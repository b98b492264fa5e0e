package savescope.notebook;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What notebook cells call instead of the JDK methods that would end or hijack the process running them
 * ({@link GuardedExecution} rewrites the calls): ending the process is refused with an exception that names the
 * call, and so are streams set to null; the refusals are kept so the runner can show them on the cell even when
 * they happened on a thread the cell started.
 */
public final class CellGuard {
    /** The guarded methods by declaring class; reflection and method-handle lookups of them are refused too. */
    static final Map<Class<?>, Set<String>> GUARDED = Map.of(
            System.class, Set.of("exit", "setOut", "setErr", "setIn", "setSecurityManager"),
            Runtime.class, Set.of("exit", "halt", "addShutdownHook"));

    /** A refused call: what it was and the thread that made it. */
    public record Refusal(String message, String thread) {}

    private static final ConcurrentLinkedQueue<Refusal> REFUSALS = new ConcurrentLinkedQueue<>();

    /** Set while a timed-out cell is being stopped; cleared when the next cell starts. */
    private static volatile boolean stopping;

    private CellGuard() {}

    static void stopping(boolean on) {
        stopping = on;
    }

    /**
     * Called by cells at every loop's next round: ends a timed-out cell even where its loop catches the ThreadDeath
     * of JShell's stop, since the check sits outside the loop body's own try blocks.
     */
    @SuppressWarnings("removal")
    public static void checkStop() {
        if (stopping) {
            throw new ThreadDeath();
        }
    }

    /** The refusals since the last call, oldest first. */
    static List<Refusal> drain() {
        List<Refusal> out = new ArrayList<>();
        for (Refusal r; (r = REFUSALS.poll()) != null; ) {
            out.add(r);
        }
        return out;
    }

    private static UnsupportedOperationException refuse(String message) {
        REFUSALS.add(new Refusal(message, Thread.currentThread().getName()));
        UnsupportedOperationException e = new UnsupportedOperationException(message);
        // The trace starts at the cell's call, as if the JDK method itself had refused.
        StackTraceElement[] trace = e.getStackTrace();
        int first = 0;
        while (first < trace.length && trace[first].getClassName().equals(CellGuard.class.getName())) {
            first++;
        }
        e.setStackTrace(Arrays.copyOfRange(trace, first, trace.length));
        return e;
    }

    private static UnsupportedOperationException refuseEnd(String call) {
        return refuse(call + " would end the whole notebook run, so cells may not call it; "
                + "throw an exception to stop the notebook at this cell instead");
    }

    public static void exit(int status) {
        throw refuseEnd("System.exit(" + status + ")");
    }

    public static void exit(Runtime runtime, int status) {
        throw refuseEnd("Runtime.exit(" + status + ")");
    }

    public static void halt(Runtime runtime, int status) {
        throw refuseEnd("Runtime.halt(" + status + ")");
    }

    public static void addShutdownHook(Runtime runtime, Thread hook) {
        throw refuse("Runtime.addShutdownHook is not allowed in a notebook cell: a hook runs after the report "
                + "is written and can keep the run from ending");
    }

    @SuppressWarnings("removal")
    public static void setSecurityManager(SecurityManager manager) {
        throw refuse("System.setSecurityManager is not allowed in a notebook cell: it would govern the "
                + "notebook runner too");
    }

    // The runner puts the cell's own streams back after every cell, so a stream set here lasts for the cell only.
    public static void setOut(PrintStream out) {
        System.setOut(notNull(out, "System.setOut"));
    }

    public static void setErr(PrintStream err) {
        System.setErr(notNull(err, "System.setErr"));
    }

    public static void setIn(InputStream in) {
        System.setIn(notNull(in, "System.setIn"));
    }

    private static <T> T notNull(T stream, String call) {
        if (stream == null) {
            throw refuse(call + "(null) is not allowed in a notebook cell: the stream is shared by the runner "
                    + "and later cells");
        }
        return stream;
    }

    public static Object invoke(Method method, Object target, Object[] args)
            throws IllegalAccessException, InvocationTargetException {
        check(method.getDeclaringClass(), method.getName(), "reflection");
        return method.invoke(target, args);
    }

    public static MethodHandle findStatic(MethodHandles.Lookup lookup, Class<?> owner, String name, MethodType type)
            throws NoSuchMethodException, IllegalAccessException {
        check(owner, name, "a method handle");
        return lookup.findStatic(owner, name, type);
    }

    public static MethodHandle findVirtual(MethodHandles.Lookup lookup, Class<?> owner, String name, MethodType type)
            throws NoSuchMethodException, IllegalAccessException {
        check(owner, name, "a method handle");
        return lookup.findVirtual(owner, name, type);
    }

    public static MethodHandle findSpecial(MethodHandles.Lookup lookup, Class<?> owner, String name, MethodType type,
            Class<?> caller) throws NoSuchMethodException, IllegalAccessException {
        check(owner, name, "a method handle");
        return lookup.findSpecial(owner, name, type, caller);
    }

    public static MethodHandle bind(MethodHandles.Lookup lookup, Object receiver, String name, MethodType type)
            throws NoSuchMethodException, IllegalAccessException {
        check(receiver == null ? Object.class : receiver.getClass(), name, "a method handle");
        return lookup.bind(receiver, name, type);
    }

    public static MethodHandle unreflect(MethodHandles.Lookup lookup, Method method) throws IllegalAccessException {
        check(method.getDeclaringClass(), method.getName(), "a method handle");
        return lookup.unreflect(method);
    }

    private static void check(Class<?> owner, String name, String how) {
        Set<String> names = GUARDED.get(owner);
        if (names != null && names.contains(name)) {
            throw refuse(owner.getSimpleName() + "." + name + " through " + how + " is not allowed in a notebook "
                    + "cell: it could end or hijack the notebook run");
        }
    }
}
