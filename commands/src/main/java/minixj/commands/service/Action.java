package minixj.commands.service;

import minixj.lib.ipc.layout.RsRequestMsg;

/** The utility's actions and the RS request each one sends. */
public enum Action {
    UP("up", RsRequestMsg.RS_UP),
    /** {@code up} with the recovery script {@code /etc/rs.single}: brought down, not restarted. */
    RUN("run", RsRequestMsg.RS_UP),
    EDIT("edit", RsRequestMsg.RS_EDIT),
    UPDATE("update", RsRequestMsg.RS_UPDATE),
    DOWN("down", RsRequestMsg.RS_DOWN),
    REFRESH("refresh", RsRequestMsg.RS_REFRESH),
    RESTART("restart", RsRequestMsg.RS_RESTART),
    CLONE("clone", RsRequestMsg.RS_CLONE),
    UNCLONE("unclone", RsRequestMsg.RS_UNCLONE),
    FI("fi", RsRequestMsg.RS_FI),
    /** A MinixJ addition: print the endpoint of a label (RS_LOOKUP). */
    LOOKUP("lookup", RsRequestMsg.RS_LOOKUP),
    SYSCTL("sysctl", RsRequestMsg.RS_SYSCTL),
    SHUTDOWN("shutdown", RsRequestMsg.RS_SHUTDOWN);

    /** The word on the command line. */
    public final String word;
    /** The RS request type. */
    public final int request;

    Action(String word, int request) {
        this.word = word;
        this.request = request;
    }

    /** The action called {@code word}, or null. */
    static Action of(String word) {
        for (Action action : values()) if (action.word.equals(word)) return action;
        return null;
    }
}
