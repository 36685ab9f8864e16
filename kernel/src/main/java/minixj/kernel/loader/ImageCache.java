package minixj.kernel.loader;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recently executed images by content, so that exec'ing the same file again reuses the parsed,
 * verified and instrumented image (the {@link ProgramLoader} caches per image object) instead
 * of doing that work again: about 1–4 ms saved per exec. One per machine; least recently used
 * images are dropped beyond {@link #CAPACITY}.
 */
public final class ImageCache {
    /** Images kept. */
    public static final int CAPACITY = 64;

    private final Map<String, JarImage> images = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JarImage> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The image of {@code jarBytes} named {@code name}: a cached one if the same bytes came before. */
    public synchronized JarImage parse(String name, byte[] jarBytes) throws ExecException {
        String key = name + '\0' + digest(jarBytes);
        JarImage image = images.get(key);
        if (image == null) {
            image = JarImage.parse(name, jarBytes);
            images.put(key, image);
        }
        return image;
    }

    public synchronized int size() {
        return images.size();
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
