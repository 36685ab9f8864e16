package minixj.lib.rs.config;

import java.util.List;

/**
 * The {@code ipc} setting: whom a service may send to. {@code ALL} is every process, {@code
 * ALL_SYS} every system process (the default), otherwise a list of program names, where {@code
 * SYSTEM} stands for the kernel and {@code USER} for user processes. As in MINIX, {@code NONE} is
 * not special: it is a name that matches no program, so only the services that list this one can
 * reach it.
 *
 * @param kind ALL, ALL_SYS or a list
 * @param names the program names, for {@link Kind#LIST}
 */
public record IpcTargets(Kind kind, List<String> names) {
    /** The three forms of the setting. */
    public enum Kind { ALL, ALL_SYS, LIST }

    /** The default when a service has no {@code ipc} line. */
    public static final IpcTargets DEFAULT = new IpcTargets(Kind.ALL_SYS, List.of());

    public IpcTargets {
        names = List.copyOf(names);
    }

    /** The setting as the text RS receives in {@code rs_start}: "ALL", "ALL_SYS" or the names. */
    public String text() {
        return switch (kind) {
            case ALL -> "ALL";
            case ALL_SYS -> "ALL_SYS";
            case LIST -> String.join(" ", names);
        };
    }
}
