package io.lockwatch.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jdk.jfr.ContentType;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.MetadataDefinition;
import jdk.jfr.Name;

/** Content type of a field that holds a Lockwatch executor identity (unique within one JVM run). */
@MetadataDefinition
@ContentType
@Name("lockwatch.ExecutorId")
@Label("Executor Id")
@Description("Identity of an executor or pool, unique within one JVM run")
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE, ElementType.METHOD})
public @interface ExecutorId {
}
