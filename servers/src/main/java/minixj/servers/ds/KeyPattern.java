package minixj.servers.ds;

import java.util.regex.Pattern;

/**
 * Subscription patterns: Java regular expressions that must match the whole key (MINIX compiles
 * {@code ^pattern$} as a POSIX extended expression; {@link java.util.regex.Matcher#matches()}
 * anchors the whole pattern, which differs from MINIX's text concatenation only for a top-level
 * alternation such as {@code a|b}, where MINIX's anchors bind to the first and last branch alone).
 *
 * <p>A backtracking matcher can take exponential time on a hostile pattern, and the JDK's
 * matcher is not instrumented, so one bad subscription could hang DS (and the machine's only
 * carrier). The key is therefore handed to the matcher through a character sequence that counts
 * reads; past {@link #STEP_BUDGET} reads the match is abandoned and counts as no match.
 */
final class KeyPattern {
    /** Character reads one match may make; a 79-byte key needs a few hundred with sane patterns. */
    static final int STEP_BUDGET = 200_000;

    private KeyPattern() {
    }

    /** The compiled pattern, or null if {@code regex} is not a valid expression. */
    static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (IllegalArgumentException e) { // PatternSyntaxException and bad flags
            return null;
        } catch (StackOverflowError e) {
            return null; // absurdly nested groups
        }
    }

    /** True if {@code pattern} matches all of {@code key} within the step budget. */
    static boolean matches(Pattern pattern, String key) {
        try {
            return pattern.matcher(new CountedKey(key, new int[] {STEP_BUDGET})).matches();
        } catch (BudgetExhausted | StackOverflowError e) {
            return false;
        }
    }

    private static final class BudgetExhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExhausted() {
            super(null, null, false, false);
        }
    }

    /** The key, counting every character read against a budget shared with its subsequences. */
    private record CountedKey(String key, int[] budget) implements CharSequence {
        @Override
        public int length() {
            return key.length();
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) throw new BudgetExhausted();
            return key.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new CountedKey(key.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return key;
        }
    }
}
