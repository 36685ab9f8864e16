package minixj.commands.service;

/** Number parsing for the command line: decimal, or hexadecimal with 0x; never negative. */
final class Numbers {
    private Numbers() {
    }

    /** The value, or null if {@code text} is not a number below 2^62. */
    static Long parse(String text) {
        String digits = text;
        int radix = 10;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
            radix = 16;
        }
        if (digits.isEmpty() || digits.length() > 15) return null;
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), radix);
            if (digit < 0) return null;
            value = value * radix + digit;
        }
        return value;
    }
}
