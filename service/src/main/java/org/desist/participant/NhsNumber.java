package org.desist.participant;

/**
 * The NHS number's modulus-11 check: weights 10..2 over the first nine digits; the check digit is
 * 11 minus the remainder (11 becomes 0, 10 means the number cannot be valid).
 */
public final class NhsNumber {
    private NhsNumber() {}

    /** The number without the spaces people write it with ("943 476 5919"). */
    public static String normalise(String value) {
        return value == null ? null : value.replace(" ", "");
    }

    public static boolean isValid(String value) {
        String digits = normalise(value);
        if (digits == null || !digits.matches("[0-9]{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
