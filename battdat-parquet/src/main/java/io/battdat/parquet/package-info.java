/**
 * The Parquet storage backend: the Python toolkit's layout, a directory of {@code <table>.parquet} files, with one
 * sub-directory per cell for several cells (docs/format.md section 3). Reading decodes pages in bulk into
 * primitive columns; writing closes a row group at a bounded size, so memory stays bounded. Uses parquet-java
 * without Hadoop at run time. See this module's README.md.
 */
package io.battdat.parquet;
