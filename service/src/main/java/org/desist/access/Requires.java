package org.desist.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The action a resource method performs; who may perform it is decided by {@link AccessPolicy} alone.
 *
 * <p>A method that serves several actions at one address, told apart by a query parameter (the case
 * summary's {@code ?audience=probation|cps}), names each with {@link #when}: the access matrix then has
 * one row per value, and a value the method does not list is refused before the method runs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Requires.OneOf.class)
public @interface Requires {
    Action value();

    /** {@code name=value}: this action is the one performed when the query parameter has that value. */
    String when() default "";

    /** Several {@link Requires}, each with its {@link #when}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface OneOf {
        Requires[] value();
    }
}
