/** File-system formats shared by the launcher and the servers: the boot file archive. */
package minixj.lib.fs;
