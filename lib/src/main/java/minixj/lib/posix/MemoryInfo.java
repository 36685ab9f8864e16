package minixj.lib.posix;

/**
 * VM's memory figures (VM_INFO): frames of the machine, free frames, and the calling process's
 * present pages and how many of those share their frame with another mapping.
 */
public record MemoryInfo(long totalFrames, long freeFrames, int usedPages, int sharedPages) {
}
