package minixj.kernel.loader;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

import minixj.lib.ipc.Errno;

/** Exec of the same bytes reuses the parsed image; different bytes or names do not; garbage is ENOEXEC. */
class ImageCacheTest {
    private final byte[] hello = JarImage.fromClasspath(getClass().getClassLoader(),
            "minixj.kernel.loader.testprogs.hello", "minixj.kernel.loader.testprogs.hello.Main").toBytes();

    @Test
    void sameBytesAndNameGiveTheSameImage() throws Exception {
        ImageCache cache = new ImageCache();
        JarImage a = cache.parse("hello", hello);
        JarImage b = cache.parse("hello", hello.clone());
        assertSame(a, b);
        assertNotSame(a, cache.parse("other", hello));
        byte[] counter = JarImage.fromClasspath(getClass().getClassLoader(),
                "minixj.kernel.loader.testprogs.counting", "minixj.kernel.loader.testprogs.counting.Main").toBytes();
        JarImage c = cache.parse("hello", counter); // same name, other bytes: another program
        assertNotSame(a, c);
        assertEquals("minixj.kernel.loader.testprogs.counting.Main", c.mainClass());
        assertEquals(3, cache.size());
    }

    @Test
    void garbageIsEnoexecAndNotCached() {
        ImageCache cache = new ImageCache();
        ExecException e = assertThrows(ExecException.class, () -> cache.parse("junk", new byte[] {1, 2, 3}));
        assertEquals(Errno.ENOEXEC, e.errno());
        assertEquals(0, cache.size());
    }

    @Test
    void leastRecentlyUsedImagesAreDropped() throws Exception {
        ImageCache cache = new ImageCache();
        for (int i = 0; i < ImageCache.CAPACITY + 10; i++) cache.parse("p" + i, hello);
        assertEquals(ImageCache.CAPACITY, cache.size());
    }
}
