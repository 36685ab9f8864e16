/**
 * The program loader: exec of a JAR held as bytes.
 *
 * <p>{@link minixj.kernel.loader.JarImage} holds the program, {@link minixj.kernel.loader.ProgramVerifier}
 * refuses forbidden host APIs, {@link minixj.kernel.loader.Instrumenter} inserts the kernel's
 * polls, and {@link minixj.kernel.loader.ProgramLoader} defines the result in a fresh
 * {@link minixj.kernel.loader.ProcessClassLoader} (statics per process) whose parent
 * {@link minixj.kernel.loader.SystemLibraryLoader} shows only the JDK and {@code minixj.lib}.
 * See DESIGN.md section 2.
 */
package minixj.kernel.loader;
