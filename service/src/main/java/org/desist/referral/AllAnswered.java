package org.desist.referral;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/** A screening answers every one of its questions; the refusal names the answers object and the keys missing. */
@Constraint(validatedBy = AllAnswered.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface AllAnswered {
    String message() default "must answer every question q1..q11";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<AllAnswered, ScreeningAnswers> {
        @Override
        public boolean isValid(ScreeningAnswers answers, ConstraintValidatorContext context) {
            if (answers == null) {
                return true;
            }
            List<String> missing = answers.unanswered();
            if (missing.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            "must answer every question q1..q11; unanswered: " + String.join(", ", missing))
                    .addConstraintViolation();
            return false;
        }
    }
}
