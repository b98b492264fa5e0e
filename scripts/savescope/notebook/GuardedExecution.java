package savescope.notebook;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * JShell's in-process ("local") execution engine with one change: before a cell's classes are loaded, every call
 * they make to a method that would end or hijack the process (System.exit, Runtime.halt, System.setErr, and
 * reflective or method-handle routes to them) is rewritten to call {@link CellGuard} instead.
 *
 * <p>In-process execution keeps displayed objects as they are and costs no second JVM; the rewrite guards the
 * notebook's own code, including lambdas, method references and threads it starts, but not library code that a
 * cell calls (a separate process would be needed for that). Every backward jump (a loop's next round) also calls
 * {@link CellGuard#checkStop}, so a loop that catches the stop of a timed-out cell is stopped again at its next round.
 */
final class GuardedExecution implements ExecutionControlProvider {
    private static final String GUARD = "savescope/notebook/CellGuard";
    private static final String LOOKUP = "java/lang/invoke/MethodHandles$Lookup";
    private static final String FIND = "(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/invoke/MethodType;)"
            + "Ljava/lang/invoke/MethodHandle;";

    /** "owner.name descriptor" of a guarded call → the descriptor of its {@link CellGuard} stand-in (same name). */
    private static final Map<String, String> CALLS = new HashMap<>();

    static {
        guardStatic("java/lang/System", "exit", "(I)V");
        guardStatic("java/lang/System", "setOut", "(Ljava/io/PrintStream;)V");
        guardStatic("java/lang/System", "setErr", "(Ljava/io/PrintStream;)V");
        guardStatic("java/lang/System", "setIn", "(Ljava/io/InputStream;)V");
        guardStatic("java/lang/System", "setSecurityManager", "(Ljava/lang/SecurityManager;)V");
        guardVirtual("java/lang/Runtime", "exit", "(I)V");
        guardVirtual("java/lang/Runtime", "halt", "(I)V");
        guardVirtual("java/lang/Runtime", "addShutdownHook", "(Ljava/lang/Thread;)V");
        guardVirtual("java/lang/reflect/Method", "invoke", "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;");
        guardVirtual(LOOKUP, "findStatic", FIND);
        guardVirtual(LOOKUP, "findVirtual", FIND);
        guardVirtual(LOOKUP, "findSpecial", "(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                + "Ljava/lang/Class;)Ljava/lang/invoke/MethodHandle;");
        guardVirtual(LOOKUP, "bind", "(Ljava/lang/Object;Ljava/lang/String;Ljava/lang/invoke/MethodType;)"
                + "Ljava/lang/invoke/MethodHandle;");
        guardVirtual(LOOKUP, "unreflect", "(Ljava/lang/reflect/Method;)Ljava/lang/invoke/MethodHandle;");
    }

    private static void guardStatic(String owner, String name, String descriptor) {
        CALLS.put(owner + "." + name + descriptor, descriptor);
    }

    private static void guardVirtual(String owner, String name, String descriptor) {
        CALLS.put(owner + "." + name + descriptor, "(L" + owner + ";" + descriptor.substring(1));
    }

    @Override
    public String name() {
        return "savescope-guarded";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return new Control();
    }

    /** The local engine, loading rewritten classes. */
    private static final class Control extends LocalExecutionControl {
        @Override
        public void load(ClassBytecodes[] classes)
                throws ClassInstallException, NotImplementedException, EngineTerminationException {
            ClassBytecodes[] rewritten = new ClassBytecodes[classes.length];
            for (int i = 0; i < classes.length; i++) {
                rewritten[i] = new ClassBytecodes(classes[i].name(), rewrite(classes[i].bytecodes()));
            }
            super.load(rewritten);
        }
    }

    /** The class file with every guarded call, method reference and method-handle constant pointing at the guard. */
    static byte[] rewrite(byte[] classFile) {
        int version = ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
        byte[] readable = classFile;
        if (version > Opcodes.V17 && !readable(classFile)) {
            // A JDK newer than this ASM writes versions it refuses to read; javac's output for cells uses nothing
            // ASM cannot copy, so read it as Java 17 and write the original version back.
            readable = classFile.clone();
            readable[6] = 0;
            readable[7] = (byte) Opcodes.V17;
        }
        ClassReader reader = new ClassReader(readable);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int v, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(version, access, name, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new CallRewriter(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    private static boolean readable(byte[] classFile) {
        try {
            new ClassReader(classFile);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Points guarded calls of one method at the guard, and checks for a stop before each backward jump. */
    private static final class CallRewriter extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>();

        CallRewriter(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            // The call takes and leaves no operands, so the stack map frames stay valid.
            if (seen.contains(label)) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "checkStop", "()V", false);
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            String guard = opcode == Opcodes.INVOKESTATIC || opcode == Opcodes.INVOKEVIRTUAL
                    ? CALLS.get(owner + "." + name + descriptor) : null;
            if (guard != null) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, name, guard, false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] args = arguments.clone();
            for (int i = 0; i < args.length; i++) {
                args[i] = guarded(args[i]);
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, args);
        }

        @Override
        public void visitLdcInsn(Object value) {
            super.visitLdcInsn(guarded(value));
        }

        /** A method reference such as {@code System::exit} becomes one to the guard's method of the same name. */
        private static Object guarded(Object constant) {
            if (constant instanceof Handle h
                    && (h.getTag() == Opcodes.H_INVOKESTATIC || h.getTag() == Opcodes.H_INVOKEVIRTUAL)) {
                String guard = CALLS.get(h.getOwner() + "." + h.getName() + h.getDesc());
                if (guard != null) {
                    return new Handle(Opcodes.H_INVOKESTATIC, GUARD, h.getName(), guard, false);
                }
            }
            return constant;
        }
    }
}
