/**
 * Results from other devices: {@link org.mobilenetexplorer.devices.ResultsImport} merges another machine's benchmark
 * results and device profiles into the results folder, each keeping its environment record (so each machine stays a
 * device of its own, {@link org.mobilenetexplorer.bench.Device}), recognising duplicates, naming and skipping corrupt
 * files, overwriting nothing, and reading ZIP archives within bounds. Depends on bench, predict and io only.
 */
package org.mobilenetexplorer.devices;
