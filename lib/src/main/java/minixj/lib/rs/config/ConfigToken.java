package minixj.lib.rs.config;

/** One lexical unit of a configuration file, with the line it starts on. */
record ConfigToken(Kind kind, String text, int line) {
    enum Kind { WORD, STRING, OPEN_BRACE, CLOSE_BRACE, SEMICOLON, END }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    /** How an error message shows this token. */
    String describe() {
        return switch (kind) {
            case WORD -> "'" + text + "'";
            case STRING -> "the string \"" + text + "\"";
            case OPEN_BRACE -> "'{'";
            case CLOSE_BRACE -> "'}'";
            case SEMICOLON -> "';'";
            case END -> "the end of the file";
        };
    }
}
