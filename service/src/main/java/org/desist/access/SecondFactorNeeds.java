package org.desist.access;

/**
 * Who must sign in with two factors, as the access check asks it ({@code org.desist.secondfactor.SecondFactors}
 * answers; access cannot see that package, whose resources name their actions here).
 */
public interface SecondFactorNeeds {
    /** Every account must have a second factor (the configuration's secondFactor.required). */
    boolean required();

    /** The account has a confirmed second factor, and so needs it whatever the configuration says. */
    boolean enrolled(String username);
}
