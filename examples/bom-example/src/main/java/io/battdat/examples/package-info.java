/**
 * An application built against battdat-java's published artifacts only, with versions from the bill of materials
 * ({@code battdat-bom}): it proves that a stranger's project compiles and runs with the public API.
 */
package io.battdat.examples;
