/**
 * Tells people what needs them: in-app notifications with a live stream, email over SMTP (or an
 * outbox table when no mail server is configured), per-person quiet hours that only CRITICAL
 * notifications may break, retries with backoff and a delivery log. Other modules call
 * {@link org.hearth.notify.Notifications} with text their team wrote; notify never sees member
 * content and knows nothing of the modules that use it.
 */
@NullMarked
@ApplicationModule
package org.hearth.notify;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
