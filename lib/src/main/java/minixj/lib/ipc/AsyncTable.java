package minixj.lib.ipc;

/**
 * A table of asynchronous messages for SENDA (MINIX's {@code asynmsg_t[]}).
 *
 * <p>The owner fills entries and passes the table and a count to {@link Trap#senda}; the kernel
 * remembers the table, delivers entries when their destinations receive, and writes
 * {@link #flags(int) AMF_DONE} and a {@link #result(int) result} back into each entry it
 * completes. A count of 0 makes the kernel forget the table.
 */
public final class AsyncTable {
    /** Entry is empty. */
    public static final int AMF_EMPTY = 0;
    /** Entry is filled. */
    public static final int AMF_VALID = 1;
    /** The kernel processed the entry; {@link #result} is valid. */
    public static final int AMF_DONE = 2;
    /** Notify the sender (from ASYNCM) when the entry completes. */
    public static final int AMF_NOTIFY = 4;
    /** The message must not satisfy the reply half of a SENDREC. */
    public static final int AMF_NOREPLY = 8;
    /** Notify the sender when the entry fails. */
    public static final int AMF_NOTIFY_ERR = 0x10;
    /** All flag bits the kernel accepts. */
    public static final int AMF_ALL = AMF_VALID | AMF_DONE | AMF_NOTIFY | AMF_NOREPLY | AMF_NOTIFY_ERR;

    private final int[] flags;
    private final int[] destinations;
    private final int[] results;
    private final Message[] messages;

    /** A table with {@code size} empty entries. */
    public AsyncTable(int size) {
        if (size < 0) throw new IllegalArgumentException("size " + size);
        flags = new int[size];
        destinations = new int[size];
        results = new int[size];
        messages = new Message[size];
        for (int i = 0; i < size; i++) messages[i] = new Message();
    }

    /** Number of entries. */
    public int size() {
        return flags.length;
    }

    /** Fills entry {@code index}: copies {@code message}, sets the destination and {@code AMF_VALID | extraFlags}. */
    public void set(int index, int destination, Message message, int extraFlags) {
        messages[index].copyFrom(message);
        destinations[index] = destination;
        results[index] = 0;
        flags[index] = AMF_VALID | extraFlags;
    }

    /** Empties entry {@code index}. */
    public void clear(int index) {
        flags[index] = AMF_EMPTY;
    }

    public int flags(int index) {
        return flags[index];
    }

    /** Sets raw flags; the kernel validates them, so any value is allowed here. */
    public void flags(int index, int value) {
        flags[index] = value;
    }

    public int destination(int index) {
        return destinations[index];
    }

    public void destination(int index, int endpoint) {
        destinations[index] = endpoint;
    }

    public int result(int index) {
        return results[index];
    }

    public void result(int index, int value) {
        results[index] = value;
    }

    /** The message of entry {@code index} (the table's own copy). */
    public Message message(int index) {
        return messages[index];
    }

    /** True if entry {@code index} has been processed by the kernel. */
    public boolean done(int index) {
        return (flags[index] & AMF_DONE) != 0;
    }
}
