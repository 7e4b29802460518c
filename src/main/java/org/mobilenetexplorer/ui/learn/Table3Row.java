package org.mobilenetexplorer.ui.learn;

/**
 * One step of the paper's Table 3 walk-through (a 14x14x512 -> 512 layer), computed at the current alpha and
 * rho, beside what the paper printed for alpha 0.75 and rho 0.714.
 *
 * @param step        what changes in this step
 * @param macs        our million multiply-adds
 * @param params      our million parameters
 * @param paperMacs   the paper's printed million mult-adds
 * @param paperParams the paper's printed million parameters
 */
public record Table3Row(String step, String macs, String params, String paperMacs, String paperParams) {
}
