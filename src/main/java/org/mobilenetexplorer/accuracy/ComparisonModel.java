package org.mobilenetexplorer.accuracy;

/**
 * One of the paper's comparison models (Tables 8-9: GoogleNet, VGG 16, SqueezeNet, AlexNet), for optional
 * labelled reference points on MACs and params charts. All numbers as printed in the paper.
 *
 * @param name          model name as printed
 * @param top1          ImageNet accuracy in percent as printed
 * @param millionMacs   million mult-adds as printed
 * @param millionParams million parameters as printed
 * @param origin        table and document
 */
public record ComparisonModel(String name, double top1, double millionMacs, double millionParams, String origin) {
}
