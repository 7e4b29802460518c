/**
 * The latency predictor: a device profile measured on this machine ({@link org.mobilenetexplorer.predict.Calibrator},
 * stored by {@link org.mobilenetexplorer.predict.DeviceProfiles}) is fitted per kernel kind
 * ({@link org.mobilenetexplorer.predict.LatencyFitter}) into a {@link org.mobilenetexplorer.predict.LatencyModel} that
 * predicts any configuration as the sum of its layers' kernel predictions plus a fitted per-network overhead, with
 * an uncertainty band from the calibration's leave-one-network-out errors. Depends on model and bench (and io for
 * atomic writes); Apache Commons Math is confined here. Why whole-network profiles and ordinary least squares:
 * docs/decisions/010-latency-predictor.md.
 */
package org.mobilenetexplorer.predict;
