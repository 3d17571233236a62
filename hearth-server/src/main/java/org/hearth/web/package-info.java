/**
 * The pages people see in a browser: the shared layout (with the always-present way to crisis
 * help), the landing page, sign-up and sign-in, the signed-in home and the organization admin's
 * staff page, plus the friendly error page. Pages are rendered on the server with Thymeleaf and
 * enhanced with htmx, so they work on a phone, with a screen reader and without a Node toolchain.
 * What the pages need from identity (creating a member's or a staff account) is expressed as two
 * small interfaces here, {@code SignUp} and {@code StaffAccounts}; an adapter in this package
 * connects them to identity's own use cases, so identity never depends on the web.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "identity")
package org.hearth.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
