package minixj.lib.ds;

/**
 * One snapshot of a memory value, as {@link Ds#retrieveSnapshot} returns it.
 *
 * @param version the version this copy is (versions of a key count up from 1)
 * @param oldestVersion the oldest version DS still keeps for the key
 * @param newestVersion the newest version of the key
 * @param size the snapshot's full size in bytes
 * @param data the bytes copied (at most the capacity asked for, so possibly fewer than {@code size})
 */
public record DsSnapshot(int version, int oldestVersion, int newestVersion, int size, byte[] data) {
}
