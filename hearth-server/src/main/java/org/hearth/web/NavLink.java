package org.hearth.web;

/** One entry of the main navigation; {@code current} marks the page being shown. */
record NavLink(String label, String href, boolean current) {}
