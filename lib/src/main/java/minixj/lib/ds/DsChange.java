package minixj.lib.ds;

/**
 * What {@link Ds#check()} reports: one entry that changed for the caller's subscription. The
 * value is not included; retrieve it by key and type.
 *
 * @param key the entry's key
 * @param type the entry's type ({@link Ds#DSF_TYPE_U32}, ...)
 * @param ownerEndpoint the endpoint of the entry's owner, or {@link minixj.lib.ipc.Endpoint#NONE}
 *     when the owner's label no longer resolves
 */
public record DsChange(String key, int type, int ownerEndpoint) {
}
