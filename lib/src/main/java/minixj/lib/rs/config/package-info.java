/**
 * {@code system.conf}: the file that says what each system service may do (spec
 * minix-reliability.md §5.2), parsed into typed {@link minixj.lib.rs.config.ServiceConfig}
 * records.
 *
 * <p>It lives in the library, not in RS, because in MINIX the {@code service} utility reads the
 * file and sends RS the result (an {@code rs_start} record, {@link minixj.lib.rs.RsStart}); RS
 * itself only applies it, and MinixJ's RS also parses {@link
 * minixj.lib.rs.config.DefaultSystemConf} for the boot services before any file system runs. The
 * parser works on the file's text and name only: reading the file is the caller's business.
 *
 * <p>Grammar: a file is a sequence of {@code service NAME { option... };} entries; an option is
 * a keyword, its values and {@code ;}. Words, quoted strings, braces, semicolons and {@code #}
 * comments make up the lexical layer. Unknown keywords give a {@link
 * minixj.lib.rs.config.ConfigWarning} naming the file and line (MINIX ignores them silently); a
 * syntax or value error is a {@link minixj.lib.rs.config.ConfigException} naming the file, the
 * line and what was expected.
 */
package minixj.lib.rs.config;
