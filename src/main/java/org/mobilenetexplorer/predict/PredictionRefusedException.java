package org.mobilenetexplorer.predict;

/**
 * The model will not predict a configuration: its profile lacks a kernel kind ({@link MissingCalibrationException}),
 * or the fit gives a latency that cannot be (zero or negative: a calibration dominated by other processes).
 * The message is one line naming the configuration and why.
 */
public class PredictionRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public PredictionRefusedException(String message) {
        super(message);
    }
}
