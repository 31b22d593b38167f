/**
 * A whole cell in memory: {@link io.battdat.api.dataset.BatteryDataset} holds the metadata, the column schemas and
 * the tables of one cell, as the Python toolkit's {@code BatteryDataset} does (docs/format.md section 5.8). Cycle
 * streams hand one out per cycle on request; for whole files, stream instead.
 */
package io.battdat.api.dataset;
