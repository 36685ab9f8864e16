package minixj.lib.rs.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a configuration file into tokens: words (runs of characters other than blanks, braces,
 * semicolons, quotes and {@code #}), double-quoted strings (with backslash escapes for {@code "},
 * {@code \} and {@code n}), braces and semicolons; {@code #} starts a comment that runs to the end
 * of the line.
 */
final class ConfigLexer {
    private final String file;
    private final String text;
    private int position;
    private int line = 1;

    private ConfigLexer(String file, String text) {
        this.file = file;
        this.text = text;
    }

    /** All tokens of {@code text}, ending with an END token. */
    static List<ConfigToken> tokenize(String file, String text) throws ConfigException {
        return new ConfigLexer(file, text).run();
    }

    private List<ConfigToken> run() throws ConfigException {
        List<ConfigToken> tokens = new ArrayList<>();
        while (true) {
            skipBlanksAndComments();
            if (position >= text.length()) {
                tokens.add(new ConfigToken(ConfigToken.Kind.END, "", line));
                return tokens;
            }
            char c = text.charAt(position);
            switch (c) {
                case '{' -> tokens.add(single(ConfigToken.Kind.OPEN_BRACE));
                case '}' -> tokens.add(single(ConfigToken.Kind.CLOSE_BRACE));
                case ';' -> tokens.add(single(ConfigToken.Kind.SEMICOLON));
                case '"' -> tokens.add(string());
                default -> tokens.add(word());
            }
        }
    }

    private void skipBlanksAndComments() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '\n') {
                line++;
                position++;
            } else if (Character.isWhitespace(c)) {
                position++;
            } else if (c == '#') {
                while (position < text.length() && text.charAt(position) != '\n') position++;
            } else {
                return;
            }
        }
    }

    private ConfigToken single(ConfigToken.Kind kind) {
        ConfigToken token = new ConfigToken(kind, String.valueOf(text.charAt(position)), line);
        position++;
        return token;
    }

    private ConfigToken word() {
        int start = position;
        while (position < text.length() && !endsWord(text.charAt(position))) position++;
        return new ConfigToken(ConfigToken.Kind.WORD, text.substring(start, position), line);
    }

    private static boolean endsWord(char c) {
        return Character.isWhitespace(c) || c == '{' || c == '}' || c == ';' || c == '"' || c == '#';
    }

    private ConfigToken string() throws ConfigException {
        int startLine = line;
        position++; // the opening quote
        StringBuilder value = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw new ConfigException(file, startLine, "a closing '\"'", "the end of the file",
                        "unterminated string");
            }
            char c = text.charAt(position++);
            if (c == '"') return new ConfigToken(ConfigToken.Kind.STRING, value.toString(), startLine);
            if (c == '\n') {
                throw new ConfigException(file, startLine, "a closing '\"' on the same line", "the end of the line",
                        "unterminated string");
            }
            if (c == '\\' && position < text.length()) {
                char escaped = text.charAt(position++);
                value.append(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped);
            } else {
                value.append(c);
            }
        }
    }
}
