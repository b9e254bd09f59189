package io.trailwatch.cloudtrail;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a getter of {@link CloudTrailEvent} as part of the field vocabulary that rules may use.
 * The vocabulary is defined here and nowhere else: {@link FieldCatalog} reads these annotations to
 * produce the field reference (docs/fields.md) and the lint in {@code trailwatch validate}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Field {
    /** One sentence saying what the field holds and where it comes from. */
    String value();

    /** Whether the field is computed by Trailwatch rather than copied from the record. */
    boolean derived() default false;
}
