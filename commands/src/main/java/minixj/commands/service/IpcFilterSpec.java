package minixj.commands.service;

import java.util.List;

/**
 * One {@code -ipc_bl} or {@code -ipc_wl} filter of a live update: messages the preparing service
 * still accepts (whitelist) or refuses (blacklist), by sender label and/or message type.
 *
 * @param whitelist true for {@code -ipc_wl}
 * @param elements the {@code label,type} pairs
 */
public record IpcFilterSpec(boolean whitelist, List<Element> elements) {
    /** Most filters per request, and elements per filter (MINIX's limits). */
    public static final int MAX_FILTERS = 4;
    public static final int MAX_ELEMENTS = 128;

    /**
     * One element: either part may be missing, not both.
     *
     * @param label sender label, or empty for any sender
     * @param type message type, or -1 for any type
     */
    public record Element(String label, int type) {
    }

    public IpcFilterSpec {
        elements = List.copyOf(elements);
    }
}
