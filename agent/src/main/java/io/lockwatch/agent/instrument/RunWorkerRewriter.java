package io.lockwatch.agent.instrument;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;

/**
 * Rewrites the {@code task.run()} call in {@code ThreadPoolExecutor.runWorker} into
 * {@code TaskHooks.runTask(task, this)}: task start and end on the worker, whatever a subclass does
 * with {@code beforeExecute}/{@code afterExecute}, and without wrapping the task.
 */
final class RunWorkerRewriter implements AsmVisitorWrapper.ForDeclaredMethods.MethodVisitorWrapper {
  @Override
  public MethodVisitor wrap(TypeDescription instrumentedType, MethodDescription instrumentedMethod,
      MethodVisitor methodVisitor, Implementation.Context implementationContext, TypePool typePool,
      int writerFlags, int readerFlags) {
    return new MethodVisitor(Opcodes.ASM9, methodVisitor) {
      @Override
      public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
          boolean isInterface) {
        if (opcode == Opcodes.INVOKEINTERFACE && owner.equals("java/lang/Runnable")
            && name.equals("run") && descriptor.equals("()V")) {
          super.visitVarInsn(Opcodes.ALOAD, 0);
          super.visitMethodInsn(Opcodes.INVOKESTATIC, "io/lockwatch/agent/bootstrap/TaskHooks",
              "runTask", "(Ljava/lang/Runnable;Ljava/lang/Object;)V", false);
          return;
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
      }

      @Override
      public void visitMaxs(int maxStack, int maxLocals) {
        super.visitMaxs(maxStack + 1, maxLocals);
      }
    };
  }
}
