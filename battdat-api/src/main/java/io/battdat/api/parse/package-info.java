/**
 * The parser SPI: vendor exports (cycler CSV and text files) streamed into battdat tables, as plugins.
 *
 * <h2>Design</h2>
 * A vendor format is a {@link io.battdat.api.parse.VendorParser}, found with {@link java.util.ServiceLoader}
 * (only in the engine's {@code StorageRegistry}) from {@code META-INF/services/io.battdat.api.parse.VendorParser}.
 * It is a dedicated SPI rather than a {@code StreamReader} because a vendor file is not a stored dataset: it has no
 * random access, no schema to inspect before reading and no cycles to seek; it has to be read once, front to back,
 * and several files can make one cell. The parser therefore <em>pushes</em> rows:
 * <ol>
 *   <li><b>Detection.</b> {@link io.battdat.api.parse.VendorParser#probe} sees the file name and its first bytes
 *       ({@link io.battdat.api.spi.FileProbe}, 4 KiB) and answers {@code SIGNATURE} (its header line is there),
 *       {@code EXTENSION} (only the name fits) or {@code NO}. {@code --format auto} takes the one parser whose
 *       verdict is the strongest; two parsers with the same strongest verdict, or none, is an error that lists the
 *       known formats. A parser that gives its reason with the verdict implements
 *       {@link io.battdat.api.parse.ExplainingVendorParser}.</li>
 *   <li><b>Grouping.</b> {@link io.battdat.api.parse.VendorParser#group} turns the input files into
 *       {@link io.battdat.api.parse.CellFiles}: the files of one cell in reading order (MACCOR {@code .001},
 *       {@code .002}; BatteryData {@code -raw}, {@code -summary}).</li>
 *   <li><b>Parsing.</b> {@link io.battdat.api.parse.VendorParser#parse} reads a cell's files and, through the
 *       {@link io.battdat.api.parse.ParseContext}, declares each table it produces (layout, column schema) and
 *       sends its rows in {@link io.battdat.api.data.ColumnBatch}es, typically filled by a
 *       {@link io.battdat.api.parse.BatchBuilder} from {@link io.battdat.api.parse.FieldRow}s. Multi-file cells
 *       continue cycle numbers and times with {@link io.battdat.api.parse.CellTimeline}
 *       (docs/conversion.md section 1).</li>
 *   <li><b>Post-processing</b> is not the parser's: it says per table which columns the engine derives
 *       ({@link io.battdat.api.parse.PostProcessing}: {@code drop_cycles}, AddState, AddSteps, AddMethod,
 *       AddSubSteps; docs/conversion.md section 3), and the engine applies them while streaming, buffering at
 *       most one step.</li>
 *   <li><b>Errors.</b> Bad input is a {@link io.battdat.api.BadFormatException} whose message names the file, the
 *       table, the line and the column ({@link io.battdat.api.parse.InputErrors}). A parser that can go on after a
 *       bad line hands it to {@link io.battdat.api.parse.ParseContext#badLine}, which throws it or, with
 *       {@code --skip-bad-lines}, counts it and returns.</li>
 * </ol>
 * Memory: a parser keeps a batch and the state of the line it reads; the engine keeps a step; the writer a chunk.
 * Nothing grows with the input.
 *
 * <p>The reverse direction, battdat to a vendor or archive layout, is a {@link io.battdat.api.parse.VendorExporter}
 * ({@code META-INF/services/io.battdat.api.parse.VendorExporter}), which reads a
 * {@link io.battdat.api.spi.StoredDataset} through its cursors.
 *
 * <h2>Writing a parser</h2>
 * Depend on {@code battdat-api} only (import {@code battdat-bom}), implement {@code VendorParser} with a public
 * no-argument constructor, list the class in the services file, and put the jar on the class path of the
 * {@code battdat} command: {@code battdat formats} lists it and {@code battdat convert} uses it.
 * {@link io.battdat.api.parse.Decimals} parses numbers from a CSV library's character buffers without allocating.
 */
package io.battdat.api.parse;
