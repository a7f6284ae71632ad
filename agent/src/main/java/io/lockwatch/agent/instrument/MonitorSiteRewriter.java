package io.lockwatch.agent.instrument;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;

/**
 * Rewrites, inside instrumented classes, {@code MONITORENTER}/{@code MONITOREXIT} and the call
 * sites of {@code Object.wait} and {@code Thread.sleep} into calls to the bootstrap
 * {@code MonitorHooks}. {@code java.lang.Object.wait} is final and native, so call sites are the
 * only safe place to see it. Only straight-line code is inserted: no new branches, so no new stack
 * map frames; the stack grows by at most two slots.
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

  /*
   * JIT safety: C1 and C2 compile a method with monitors only if every instruction that can throw
   * while a monitor is held is covered by a handler that releases it (HotSpot's monitor matching).
   * javac's handler range starts at the instruction after MONITORENTER and ends after MONITOREXIT.
   * So the afterEnter call is deferred until after the range's start label (the state and monitor
   * stay on the operand stack meanwhile), and exited is called before MONITOREXIT, still inside
   * the range. Otherwise the method is never compiled and runs interpreted.
   */
  private static final class Rewriter extends MethodVisitor {
    private final boolean monitors;
    private final boolean waits;
    private boolean pendingAfterEnter;

    Rewriter(MethodVisitor delegate, boolean monitors, boolean waits) {
      super(Opcodes.ASM9, delegate);
      this.monitors = monitors;
      this.waits = waits;
    }

    private void flush() {
      if (pendingAfterEnter) {
        pendingAfterEnter = false;
        // [m s] -> SWAP -> [s m] -> afterEnter -> []
        super.visitInsn(Opcodes.SWAP);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "afterEnter",
            "(" + STATE + "Ljava/lang/Object;)V", false);
      }
    }

    @Override
    public void visitInsn(int opcode) {
      flush();
      if (monitors && opcode == Opcodes.MONITORENTER) {
        // [m] -> DUP DUP -> [m m m] -> beforeEnter -> [m m s] -> SWAP -> [m s m]
        // -> MONITORENTER -> [m s]; afterEnter follows after the handler range starts
        super.visitInsn(Opcodes.DUP);
        super.visitInsn(Opcodes.DUP);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "beforeEnter",
            "(Ljava/lang/Object;)" + STATE, false);
        super.visitInsn(Opcodes.SWAP);
        super.visitInsn(Opcodes.MONITORENTER);
        pendingAfterEnter = true;
        return;
      }
      if (monitors && opcode == Opcodes.MONITOREXIT) {
        // [m] -> DUP -> exited -> [m] -> MONITOREXIT
        super.visitInsn(Opcodes.DUP);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "exited", "(Ljava/lang/Object;)V",
            false);
        super.visitInsn(Opcodes.MONITOREXIT);
        return;
      }
      super.visitInsn(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
      flush();
      super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
      flush();
      super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      flush();
      super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
      flush();
      super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor,
        net.bytebuddy.jar.asm.Handle bootstrapMethodHandle, Object... bootstrapMethodArguments) {
      flush();
      super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle,
          bootstrapMethodArguments);
    }

    @Override
    public void visitJumpInsn(int opcode, net.bytebuddy.jar.asm.Label label) {
      flush();
      super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
      flush();
      super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
      flush();
      super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, net.bytebuddy.jar.asm.Label dflt,
        net.bytebuddy.jar.asm.Label... labels) {
      flush();
      super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(net.bytebuddy.jar.asm.Label dflt, int[] keys,
        net.bytebuddy.jar.asm.Label[] labels) {
      flush();
      super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
      flush();
      super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
        boolean isInterface) {
      flush();
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

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      flush();
      super.visitMaxs(maxStack + 2, maxLocals);
    }
  }
}
