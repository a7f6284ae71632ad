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

  private static final class Rewriter extends MethodVisitor {
    private final boolean monitors;
    private final boolean waits;

    Rewriter(MethodVisitor delegate, boolean monitors, boolean waits) {
      super(Opcodes.ASM9, delegate);
      this.monitors = monitors;
      this.waits = waits;
    }

    @Override
    public void visitInsn(int opcode) {
      if (monitors && opcode == Opcodes.MONITORENTER) {
        // [m] -> DUP DUP -> [m m m] -> beforeEnter -> [m m s] -> SWAP -> [m s m]
        // -> MONITORENTER -> [m s] -> SWAP -> [s m] -> afterEnter -> []
        super.visitInsn(Opcodes.DUP);
        super.visitInsn(Opcodes.DUP);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "beforeEnter",
            "(Ljava/lang/Object;)" + STATE, false);
        super.visitInsn(Opcodes.SWAP);
        super.visitInsn(Opcodes.MONITORENTER);
        super.visitInsn(Opcodes.SWAP);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "afterEnter",
            "(" + STATE + "Ljava/lang/Object;)V", false);
        return;
      }
      if (monitors && opcode == Opcodes.MONITOREXIT) {
        super.visitInsn(Opcodes.DUP);
        super.visitInsn(Opcodes.MONITOREXIT);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "exited", "(Ljava/lang/Object;)V",
            false);
        return;
      }
      super.visitInsn(opcode);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
        boolean isInterface) {
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
      super.visitMaxs(maxStack + 2, maxLocals);
    }
  }
}
