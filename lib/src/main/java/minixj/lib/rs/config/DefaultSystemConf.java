package minixj.lib.rs.config;

/**
 * MinixJ's own {@code /etc/system.conf}: the settings of the boot services and the programs that
 * ship with the system. RS applies the boot services' entries at boot (MINIX does that later,
 * with {@code service edit} from {@code /etc/rc}); the boot files install the text as {@code
 * /etc/system.conf} for the {@code service} utility.
 *
 * <p>The servers get what they use: the servers that create and manage processes (RS, VM, PM)
 * every kernel call, the others the basic set plus their own calls. Priorities follow MINIX: VM
 * in queue 2, the other servers in 4, drivers below them, user processes in 7.
 */
public final class DefaultSystemConf {
    private DefaultSystemConf() {
    }

    /** Where the boot files put {@link #TEXT}. */
    public static final String PATH = "/etc/system.conf";

    /** The file's contents. */
    public static final String TEXT = """
            # MinixJ system.conf: what each system service may do.
            # service NAME { keyword values... ; ... };  see system.conf(5) and spec §5.2.

            # The reincarnation server: starts, watches and restarts every other service.
            service rs
            {
            	uid		0;
            	ipc		ALL_SYS;	# any system process
            	system		ALL;		# creates and manages processes
            	vm		BASIC RS_SET_PRIV RS_UPDATE RS_MEMCTL RS_PREPARE;
            	io		NONE;
            	irq		NONE;
            	sigmgr		SELF;		# its standby replica is its backup
            	scheduler	KERNEL;
            	priority	4;
            	quantum		500;
            };

            # The data store: published values, labels of running services.
            service ds
            {
            	uid		0;
            	ipc		ALL_SYS;
            	system		BASIC;
            	vm		BASIC;
            	sigmgr		rs;
            	scheduler	sched;
            	priority	4;
            	quantum		500;
            };

            # The memory manager: address spaces, page faults.
            service vm
            {
            	uid		0;
            	ipc		ALL;
            	system		ALL;
            	vm		NONE;		# VM does not call itself
            	sigmgr		SELF;
            	scheduler	KERNEL;
            	priority	2;
            	quantum		500;
            };

            # The process manager: fork, exec, exit, signals.
            service pm
            {
            	uid		0;
            	ipc		ALL;
            	system		ALL;
            	vm		BASIC EXIT FORK EXEC_NEWMEM WILLEXIT;
            	sigmgr		rs;
            	scheduler	KERNEL;
            	priority	4;
            	quantum		500;
            };

            # The user-space scheduler.
            service sched
            {
            	uid		0;
            	ipc		ALL_SYS;
            	system		SCHEDULE SCHEDCTL;
            	vm		BASIC;
            	sigmgr		rs;
            	scheduler	KERNEL;
            	priority	4;
            	quantum		500;
            };

            # The virtual file system.
            service vfs
            {
            	uid		0;
            	ipc		ALL;
            	system		KILL UMAP VIRCOPY PHYSCOPY MEMSET;
            	vm		BASIC PROCCTL VFS_MMAP VFS_REPLY;
            	sigmgr		rs;
            	scheduler	KERNEL;
            	priority	4;
            	quantum		500;
            };

            # The example character driver: /dev/hello.
            service hello
            {
            	uid		0;
            	ipc		SYSTEM pm rs ds vm vfs;
            	system		IRQCTL DEVIO;
            	descr		"prints Hello, World! and counts its opens";
            };

            # The first user process; a user process, but RS may edit it.
            service init
            {
            	uid		0;
            	ipc		pm vfs rs vm;
            	system		NONE;
            	vm		BASIC;
            	sigmgr		pm;
            };
            """;
}
