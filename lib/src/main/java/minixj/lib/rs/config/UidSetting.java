package minixj.lib.rs.config;

/**
 * The {@code uid} of a service: a number, {@code SELF} (the real uid of whoever runs the
 * {@code service} utility) or a login name, resolved by the utility through the password file.
 *
 * @param kind which of the three forms
 * @param number the uid, for {@link Kind#NUMBER}
 * @param login the login name, for {@link Kind#LOGIN}
 */
public record UidSetting(Kind kind, int number, String login) {
    /** The forms a uid takes in {@code system.conf}. */
    public enum Kind { NUMBER, SELF, LOGIN }

    /** MINIX's {@code SERVICE_UID}: the uid of the login {@code service}, the default. */
    public static final int SERVICE_UID = 999;

    /** The default: the login {@code service}. */
    public static final UidSetting DEFAULT = new UidSetting(Kind.LOGIN, SERVICE_UID, "service");

    /** A numeric uid. */
    public static UidSetting of(int uid) {
        return new UidSetting(Kind.NUMBER, uid, null);
    }

    /**
     * The uid to run as.
     *
     * @param callerUid the real uid of the invoking user, for SELF
     * @param logins resolves a login name to its uid (a password-file lookup), or returns -1
     * @return the uid, or -1 if the login is unknown ({@code service}'s own login falls back to
     *         {@link #SERVICE_UID})
     */
    public int resolve(int callerUid, java.util.function.ToIntFunction<String> logins) {
        return switch (kind) {
            case NUMBER -> number;
            case SELF -> callerUid;
            case LOGIN -> {
                int uid = logins.applyAsInt(login);
                yield uid >= 0 ? uid : login.equals("service") ? SERVICE_UID : -1;
            }
        };
    }
}
