package org.hearth.care;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Video rooms for appointments: the configured provider's base address plus a room name of 160
 * random bits from {@link SecureRandom}, so a room cannot be guessed or enumerated. The default base
 * is Jitsi Meet ({@code https://meet.jit.si/}), which opens a room by its name alone; a self-hosted
 * Jitsi or any provider with the same URL shape is one property away.
 */
@Component
class VideoLinks {

    static final int ROOM_BYTES = 20;

    private final SecureRandom random = new SecureRandom();
    private final String base;

    VideoLinks(CareProperties properties) {
        String url = properties.videoBaseUrl().toString();
        this.base = url.endsWith("/") ? url : url + "/";
    }

    String newRoom() {
        byte[] bytes = new byte[ROOM_BYTES];
        random.nextBytes(bytes);
        return base + "Hearth-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
