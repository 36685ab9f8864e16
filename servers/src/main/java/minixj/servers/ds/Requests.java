package minixj.servers.ds;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import minixj.lib.ds.Ds;
import minixj.lib.ds.DsEntryInfo;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.DsMsg;
import minixj.lib.mem.UserMemory;
import minixj.lib.sys.Sys;

/**
 * Decodes one request, moves keys and values between the caller's grants and DS (safecopy
 * through a scratch buffer in DS's memory), applies the store's rules and fills in the reply.
 * Every malformed request (bad grant, bad length, unknown code or type) gets an error code.
 */
final class Requests {
    private final Trap trap;
    private final UserMemory memory;
    private final long scratch;
    private final Store store;
    private final Subscriptions subscriptions;
    private final Snapshots snapshots;
    private final Maps maps;

    /** @param scratch {@link Ds#MAX_VALUE_SIZE} bytes of DS's own memory for copies */
    Requests(Trap trap, long scratch, Store store, Subscriptions subscriptions, Snapshots snapshots, Maps maps) {
        this.trap = trap;
        this.memory = trap.memory();
        this.scratch = scratch;
        this.store = store;
        this.subscriptions = subscriptions;
        this.snapshots = snapshots;
        this.maps = maps;
    }

    /** Handles the request in {@code m} (reply fields are written into it); returns the result. */
    int handle(Message m) {
        DsMsg r = new DsMsg(m);
        int source = m.source();
        try {
            Store.Caller caller = store.caller(source);
            switch (m.type()) {
                case DsMsg.DS_PUBLISH -> publish(r, source, caller);
                case DsMsg.DS_RETRIEVE -> retrieve(r, source, caller);
                case DsMsg.DS_SUBSCRIBE -> subscriptions.subscribe(caller.name(), source,
                        text(source, r.keyGrant(), r.keyLength()), r.flags());
                case DsMsg.DS_CHECK -> subscriptions.check(caller.name(), change -> {
                    writeText(source, r.keyGrant(), r.keyLength(), change.key());
                    r.flags(change.type()).value(change.ownerEndpoint());
                });
                case DsMsg.DS_DELETE -> store.delete(caller, text(source, r.keyGrant(), r.keyLength()),
                        r.flags() & Ds.DSF_MASK_TYPE);
                case DsMsg.DS_SNAPSHOT -> {
                    String key = text(source, r.keyGrant(), r.keyLength());
                    byte[] value = r.valueLength() == 0 ? null : bytes(source, r.valueGrant(), r.valueLength());
                    r.version(snapshots.take(caller, key, r.flags(), value));
                }
                case DsMsg.DS_RETRIEVE_LABEL -> writeText(source, r.keyGrant(), r.keyLength(), store.labelOf(r.value()));
                case DsMsg.DS_GETSYSINFO -> table(r, source, caller);
                case DsMsg.DS_RETRIEVE_SNAPSHOT -> {
                    int capacity = capacity(r);
                    Snapshots.Version v = snapshots.get(caller, text(source, r.keyGrant(), r.keyLength()), r.version());
                    copyOut(r, source, v.bytes(), capacity);
                    r.version(v.version()).oldestVersion(v.oldest()).newestVersion(v.newest());
                }
                case DsMsg.DS_MAP_PUT -> maps.put(caller, text(source, r.keyGrant(), r.keyLength()),
                        text(source, r.nameGrant(), r.nameLength()), r.flags(),
                        bytes(source, r.valueGrant(), r.valueLength()));
                case DsMsg.DS_MAP_GET -> {
                    int capacity = capacity(r);
                    byte[] value = maps.get(caller, text(source, r.keyGrant(), r.keyLength()),
                            text(source, r.nameGrant(), r.nameLength()));
                    copyOut(r, source, value, capacity);
                }
                case DsMsg.DS_MAP_DELETE -> maps.remove(caller, text(source, r.keyGrant(), r.keyLength()),
                        text(source, r.nameGrant(), r.nameLength()));
                case DsMsg.DS_MAP_LIST -> list(r, source, caller);
                default -> throw new Refusal(Errno.EINVAL); // MINIX: "illegal request"
            }
            return Errno.OK;
        } catch (Refusal refusal) {
            return refusal.errno;
        }
    }

    private void publish(DsMsg r, int source, Store.Caller caller) {
        String key = text(source, r.keyGrant(), r.keyLength());
        int type = r.flags() & Ds.DSF_MASK_TYPE;
        byte[] value = type == Ds.DSF_TYPE_STR || type == Ds.DSF_TYPE_MEM
                ? bytes(source, r.valueGrant(), r.valueLength()) : null;
        store.publish(caller, key, r.flags(), r.value(), value);
    }

    private void retrieve(DsMsg r, int source, Store.Caller caller) {
        String key = text(source, r.keyGrant(), r.keyLength());
        int type = r.flags() & Ds.DSF_MASK_TYPE;
        if (type == Ds.DSF_TYPE_U32 || type == Ds.DSF_TYPE_LABEL) {
            r.value(store.retrieveValue(caller, key, type));
        } else {
            int capacity = capacity(r);
            copyOut(r, source, store.retrieveBytes(caller, key, type), capacity);
        }
    }

    private void table(DsMsg r, int source, Store.Caller caller) {
        if (r.valueLength() != DsEntryInfo.TABLE_SIZE) throw new Refusal(Errno.EINVAL); // the size must match
        List<DsEntryInfo> rows = store.table(caller);
        memory.fill(scratch, DsEntryInfo.TABLE_SIZE, (byte) 0);
        for (DsEntryInfo row : rows) row.encode(memory, scratch + (long) row.slot() * DsEntryInfo.RECORD_SIZE);
        check(Sys.safecopyTo(trap, source, r.valueGrant(), 0, scratch, DsEntryInfo.TABLE_SIZE));
    }

    private void list(DsMsg r, int source, Store.Caller caller) {
        int capacity = capacity(r);
        List<String> names = maps.names(caller, text(source, r.keyGrant(), r.keyLength()));
        int size = 0;
        for (String name : names) size += name.getBytes(StandardCharsets.UTF_8).length + 1;
        byte[] block = new byte[size];
        int at = 0;
        for (String name : names) {
            byte[] b = name.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(b, 0, block, at, b.length);
            at += b.length + 1; // the NUL is already there
        }
        if (block.length > capacity) throw new Refusal(Errno.E2BIG);
        copyOut(r, source, block, capacity);
        r.value(names.size());
    }

    /** The reply's capacity field, checked: EINVAL if negative. */
    private static int capacity(DsMsg r) {
        if (r.valueLength() < 0) throw new Refusal(Errno.EINVAL);
        return r.valueLength();
    }

    /**
     * Copies the first {@code min(capacity, stored)} bytes of {@code value} into the caller's
     * value grant; the reply says how many were copied and how many are stored.
     */
    private void copyOut(DsMsg r, int source, byte[] value, int capacity) {
        int n = Math.min(capacity, value.length);
        if (n > 0) {
            memory.write(scratch, value, 0, n);
            check(Sys.safecopyTo(trap, source, r.valueGrant(), 0, scratch, n));
        }
        r.valueLength(n).value(value.length);
    }

    /**
     * A key, name or pattern from the caller: {@code length} (with the NUL) must be 2..80
     * (EINVAL); DS forces the last byte to NUL and takes the text up to the first NUL, which must
     * be non-empty, valid UTF-8.
     */
    private String text(int source, int grant, int length) {
        if (length < 2 || length > Ds.DS_MAX_KEYLEN) throw new Refusal(Errno.EINVAL);
        check(Sys.safecopyFrom(trap, source, grant, 0, scratch, length));
        byte[] b = new byte[length];
        memory.read(scratch, b, 0, length);
        b[length - 1] = 0;
        int n = 0;
        while (b[n] != 0) n++;
        if (n == 0) throw new Refusal(Errno.EINVAL);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw new Refusal(Errno.EINVAL);
        }
    }

    /** Writes {@code text} with its NUL (cut to the buffer) into the caller's grant of {@code capacity} bytes. */
    private void writeText(int source, int grant, int capacity, String text) {
        if (capacity < 1) throw new Refusal(Errno.EINVAL);
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(capacity, t.length + 1);
        memory.write(scratch, t, 0, n - 1);
        memory.writeByte(scratch + n - 1, (byte) 0);
        check(Sys.safecopyTo(trap, source, grant, 0, scratch, n));
    }

    /** A byte value of {@code length} bytes (EINVAL if negative, E2BIG if too large). */
    private byte[] bytes(int source, int grant, int length) {
        if (length < 0) throw new Refusal(Errno.EINVAL);
        if (length > Ds.MAX_VALUE_SIZE) throw new Refusal(Errno.E2BIG);
        byte[] b = new byte[length];
        if (length > 0) {
            check(Sys.safecopyFrom(trap, source, grant, 0, scratch, length));
            memory.read(scratch, b, 0, length);
        }
        return b;
    }

    /** A failed safecopy refuses the request with the kernel's error. */
    private static void check(int result) {
        if (result != Errno.OK) throw new Refusal(result);
    }
}
