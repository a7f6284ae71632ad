package io.lockwatch.agent.instrument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;

/**
 * Rewrites, inside instrumented classes, {@code MONITORENTER}/{@code MONITOREXIT} and the call
 * sites of {@code Object.wait} and {@code Thread.sleep} into calls to the bootstrap
 * {@code MonitorHooks}. {@code java.lang.Object.wait} is final and native, so call sites are the
 * only safe place to see it. Only straight-line code is inserted: no new branches, so no new stack
 * map frames; the stack grows by at most two slots.
 *
 * <p>HotSpot compiles a method only if its monitors are provably balanced: every instruction that
 * may throw while a monitor is held must be covered by the catch-any handler that exits it, and
 * nothing after a {@code MONITOREXIT} may be covered by it; C1 also gives up on a handler that
 * covers a call in itself. So {@code exited} runs just before {@code MONITOREXIT}, except in
 * javac's exception path (a catch-any range that covers its own handler), where it runs just after;
 * and {@code afterEnter} runs inside javac's protected range: the start label
 * of every catch-any block gets an alias label, visited just before it; when the label right after
 * a {@code MONITORENTER} is such a start, the hook goes between the alias and the original label
 * (which keeps its stack map frame and jumps, with an empty stack).
 */
final class MonitorSiteRewriter implements AsmVisitorWrapper.ForDeclaredMethods.MethodVisitorWrapper {
  static final String HOOKS = "io/lockwatch/agent/bootstrap/MonitorHooks";
  static final String STATE = "Lio/lockwatch/runtime/ThreadLockState;";

  private final boolean monitors;
  private final boolean waits;

  MonitorSiteRewriter(boolean monitors, boolean waits) {
    this.monitors = monitors;
    this.waits = waits;
  }

  @Override
  public MethodVisitor wrap(TypeDescription instrumentedType, MethodDescription instrumentedMethod,
      MethodVisitor methodVisitor, Implementation.Context implementationContext, TypePool typePool,
      int writerFlags, int readerFlags) {
    return new Rewriter(methodVisitor, monitors, waits);
  }

  private static final class Rewriter extends MethodVisitor {
    private final boolean monitors;
    private final boolean waits;
    /** Start label of a catch-any block (not yet visited) to the alias that replaces it. */
    private final Map<Label, Label> aliases = new HashMap<>();
    private final Set<Label> visited = new HashSet<>();
    /** Handler label of each catch-any block to its {start, end} labels. */
    private final Map<Label, List<Label[]>> catchAnyByHandler = new HashMap<>();
    /**
     * End labels of the catch-any ranges that cover their own handler and that the current
     * position is in, past the handler (javac's exception path).
     */
    private final List<Label> selfCoveredEnds = new ArrayList<>();
    /** An {@code afterEnter} call is owed: the stack ends with [state monitor]. */
    private boolean afterEnterPending;
    /** An {@code exited} call is owed after the end of a self-covering range: the stack ends with [m]. */
    private boolean exitedPending;

    Rewriter(MethodVisitor delegate, boolean monitors, boolean waits) {
      super(Opcodes.ASM9, delegate);
      this.monitors = monitors;
      this.waits = waits;
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
      if (monitors && type == null) {
        catchAnyByHandler.computeIfAbsent(handler, h -> new ArrayList<>())
            .add(new Label[] {start, end});
      }
      if (monitors && type == null && start != handler && !visited.contains(start)) {
        start = aliases.computeIfAbsent(start, l -> new Label());
      }
      super.visitTryCatchBlock(start, end, handler, type);
    }

    @Override
    public void visitLabel(Label label) {
      visited.add(label);
      Label alias = aliases.remove(label);
      if (alias != null) {
        super.visitLabel(alias);
      }
      boolean rangeEnd = selfCoveredEnds.removeIf(l -> l == label);
      if (!rangeEnd) {
        flushAfterEnter();
      }
      super.visitLabel(label);
      if (rangeEnd) {
        flushAfterEnter();
      }
      List<Label[]> blocks = catchAnyByHandler.get(label);
      if (blocks != null) {
        for (Label[] b : blocks) {
          if (visited.contains(b[0]) && !visited.contains(b[1])) {
            selfCoveredEnds.add(b[1]);
          }
        }
      }
    }

    private void flushAfterEnter() {
      if (exitedPending) {
        exitedPending = false;
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "exited", "(Ljava/lang/Object;)V",
            false);
      }
      if (afterEnterPending) {
        afterEnterPending = false;
        // [s m] -> afterEnter -> []
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "afterEnter",
            "(" + STATE + "Ljava/lang/Object;)V", false);
      }
    }

    @Override
    public void visitInsn(int opcode) {
      flushAfterEnter();
      if (monitors && opcode == Opcodes.MONITORENTER) {
        // [m] -> DUP DUP -> [m m m] -> beforeEnter -> [m m s] -> SWAP -> [m s m]
        // -> MONITORENTER -> [m s] -> SWAP -> [s m]; afterEnter is owed (see visitLabel)
        super.visitInsn(Opcodes.DUP);
        super.visitInsn(Opcodes.DUP);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "beforeEnter",
            "(Ljava/lang/Object;)" + STATE, false);
        super.visitInsn(Opcodes.SWAP);
        super.visitInsn(Opcodes.MONITORENTER);
        super.visitInsn(Opcodes.SWAP);
        afterEnterPending = true;
        return;
      }
      if (monitors && opcode == Opcodes.MONITOREXIT && !selfCoveredEnds.isEmpty()) {
        // javac's exception path: its catch-any range covers the handler up to this MONITOREXIT,
        // and C1 gives up on a handler that covers a call in itself; the hook goes after the
        // range's end label (see visitLabel).
        super.visitInsn(Opcodes.DUP);
        super.visitInsn(Opcodes.MONITOREXIT);
        exitedPending = true;
        return;
      }
      if (monitors && opcode == Opcodes.MONITOREXIT) {
        // [m] -> DUP -> [m m] -> exited -> [m] -> MONITOREXIT -> []: the hook runs while the
        // monitor is held, inside the range whose handler exits it.
        super.visitInsn(Opcodes.DUP);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "exited", "(Ljava/lang/Object;)V",
            false);
        super.visitInsn(Opcodes.MONITOREXIT);
        return;
      }
      super.visitInsn(opcode);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
        boolean isInterface) {
      flushAfterEnter();
      if (waits && opcode == Opcodes.INVOKEVIRTUAL && name.equals("wait")
          && (descriptor.equals("()V") || descriptor.equals("(J)V")
              || descriptor.equals("(JI)V"))) {
        // Object.wait is final: whatever the owner, this is java.lang.Object.wait.
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "waitOn",
            "(Ljava/lang/Object;" + descriptor.substring(1), false);
        return;
      }
      if (waits && opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/Thread")
          && name.equals("sleep") && (descriptor.equals("(J)V") || descriptor.equals("(JI)V"))) {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "sleep", descriptor, false);
        return;
      }
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    // Any other instruction or frame right after MONITORENTER (not javac's shape): the hook goes
    // there, as before.

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
      flushAfterEnter();
      super.visitFrame(type, numLocal, local, numStack, stack);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
      flushAfterEnter();
      super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
      flushAfterEnter();
      super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      flushAfterEnter();
      super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
      flushAfterEnter();
      super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor,
        Handle bootstrapMethodHandle, Object... bootstrapMethodArguments) {
      flushAfterEnter();
      super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle,
          bootstrapMethodArguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
      flushAfterEnter();
      super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
      flushAfterEnter();
      super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
      flushAfterEnter();
      super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
      flushAfterEnter();
      super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
      flushAfterEnter();
      super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
      flushAfterEnter();
      super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      flushAfterEnter();
      super.visitMaxs(maxStack + 2, maxLocals);
    }
  }
}
