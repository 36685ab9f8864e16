package minixj.lib.rs.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the text of a {@code system.conf} file into a {@link SystemConf}.
 *
 * <p>The structure ({@code service NAME { keyword values... ; ... };}) is checked for the whole
 * file here; an option keyword that is not part of the grammar gives a warning and is skipped.
 * The values of each service are interpreted when the service is asked for ({@link
 * SystemConf#service}), as MINIX's utility does, so a bad value in one entry does not stop
 * another entry from being used.
 */
public final class SystemConfParser {
    private final String file;
    private final List<ConfigToken> tokens;
    private final List<ConfigWarning> warnings = new ArrayList<>();
    private int next;

    private SystemConfParser(String file, List<ConfigToken> tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    /**
     * Parses one configuration file.
     *
     * @param fileName how messages name the file (for example {@code /etc/system.conf})
     * @param text the file's contents
     * @throws ConfigException on a syntax error, naming the file, the line and what was expected
     */
    public static SystemConf parse(String fileName, String text) throws ConfigException {
        SystemConfParser parser = new SystemConfParser(fileName, ConfigLexer.tokenize(fileName, text));
        List<ServiceBlock> blocks = parser.file();
        return new SystemConf(fileName, blocks, parser.warnings);
    }

    private List<ServiceBlock> file() throws ConfigException {
        List<ServiceBlock> blocks = new ArrayList<>();
        while (peek().kind() != ConfigToken.Kind.END) {
            ServiceBlock block = service();
            for (ServiceBlock earlier : blocks) {
                if (earlier.name().equals(block.name())) {
                    warnings.add(new ConfigWarning(file, block.line(), "service '" + block.name()
                            + "' is already defined at line " + earlier.line() + "; this entry is not used"));
                    break;
                }
            }
            blocks.add(block);
        }
        return blocks;
    }

    private ServiceBlock service() throws ConfigException {
        ConfigToken keyword = take();
        if (!keyword.isWord(Keywords.SERVICE)) throw expected(keyword, "'service'", null);
        ConfigToken name = take();
        if (name.kind() != ConfigToken.Kind.WORD) throw expected(name, "a service name", "after 'service'");
        ConfigToken open = take();
        if (open.kind() != ConfigToken.Kind.OPEN_BRACE) {
            throw expected(open, "'{'", "after 'service " + name.text() + "'");
        }
        List<ConfigOption> options = new ArrayList<>();
        while (true) {
            ConfigToken token = take();
            if (token.kind() == ConfigToken.Kind.CLOSE_BRACE) break;
            if (token.kind() != ConfigToken.Kind.WORD) {
                throw expected(token, "a keyword or '}'", "in service '" + name.text() + "'");
            }
            List<ConfigToken> values = new ArrayList<>();
            int lastLine = token.line();
            while (peek().kind() == ConfigToken.Kind.WORD || peek().kind() == ConfigToken.Kind.STRING) {
                ConfigToken value = take();
                // A keyword at the start of a later line is most likely the next option after a forgotten ';'.
                if (value.line() > lastLine && value.kind() == ConfigToken.Kind.WORD
                        && Keywords.OPTIONS.contains(value.text())) {
                    warnings.add(new ConfigWarning(file, value.line(), "'" + value.text() + "' starts a line but is read"
                            + " as a value of '" + token.text() + "' (line " + token.line() + "); is a ';' missing?"));
                }
                lastLine = value.line();
                values.add(value);
            }
            ConfigToken end = take();
            if (end.kind() != ConfigToken.Kind.SEMICOLON) {
                throw expected(end, "';'", "to end the '" + token.text() + "' line");
            }
            if (Keywords.OPTIONS.contains(token.text())) {
                options.add(new ConfigOption(token.text(), List.copyOf(values), token.line()));
            } else {
                warnings.add(new ConfigWarning(file, token.line(), "unknown keyword '" + token.text()
                        + "' in service '" + name.text() + "' is ignored"));
            }
        }
        ConfigToken semicolon = take();
        if (semicolon.kind() != ConfigToken.Kind.SEMICOLON) {
            throw expected(semicolon, "';'", "after the '}' of service '" + name.text() + "'");
        }
        return new ServiceBlock(name.text(), keyword.line(), List.copyOf(options));
    }

    private ConfigToken peek() {
        return tokens.get(next);
    }

    private ConfigToken take() {
        ConfigToken token = tokens.get(next);
        if (token.kind() != ConfigToken.Kind.END) next++;
        return token;
    }

    private ConfigException expected(ConfigToken found, String what, String context) {
        return new ConfigException(file, found.line(), what, found.describe(), context);
    }
}
