/**
 * What every other module leans on and nothing in it is about mental health: the embedded
 * database, security configuration, envelope encryption and the keyring, the audit log, rate
 * limits, problem details, observability and the web layout. It is a shared module: others may
 * use its public types; it depends on none of them.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.hearth.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
