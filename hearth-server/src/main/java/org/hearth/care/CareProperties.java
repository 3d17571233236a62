package org.hearth.care;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the care module ({@code hearth.care.*}).
 *
 * @param cancellationWindow how long before the start a member may still cancel or move a session;
 *     clinicians may always
 * @param videoBaseUrl the video provider's room address, to which an unguessable room name is
 *     appended; Jitsi Meet's public server by default
 * @param maxSlotRange the longest range one slot query may ask for
 */
@ConfigurationProperties("hearth.care")
record CareProperties(
        @DefaultValue("PT24H") Duration cancellationWindow,
        @DefaultValue("https://meet.jit.si/") URI videoBaseUrl,
        @DefaultValue("P62D") Duration maxSlotRange) {}
