package minixj.tests.programs.evil;

/** A hostile program: tries to read a host file. */
public final class Evil {
    private Evil() {
    }

    public static void main(String[] args) throws Exception {
        java.io.File f = new java.io.File("/etc/passwd");
        if (f.exists()) throw new IllegalStateException("read the host");
    }
}
