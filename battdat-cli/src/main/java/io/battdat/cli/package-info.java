/**
 * The {@code battdat} command line: one picocli subcommand per job (inspect, facts, cycles, copy, follow, convert,
 * export, formats, bench), each a thin layer over the engine. The only package of battdat-java that prints; exit
 * status 0 on success, 1 for bad input, 2 for a usage error. Not an API: use the engine from code.
 */
package io.battdat.cli;
