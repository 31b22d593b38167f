/**
 * A Spark data source named {@code battdat}: a lake of battdat files read as one DataFrame (with {@code file} and
 * {@code cell} columns, split at chunk boundaries, pruned by file, cell and monotonic columns), and DataFrames
 * written as one battdat file per cell. It reads and writes through the engine and its backends. Options and
 * behaviour are in this module's README.md.
 */
package io.battdat.spark;
