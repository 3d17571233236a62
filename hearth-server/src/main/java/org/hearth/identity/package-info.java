/**
 * Who is who: organizations, accounts, memberships and roles, sign-in with tokens and a second
 * factor, API keys, and the consent members grant to staff. Every other module learns who is
 * calling through {@link org.hearth.identity.Caller} and looks people up through
 * {@link org.hearth.identity.Accounts}.
 */
@NullMarked
@ApplicationModule
package org.hearth.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
