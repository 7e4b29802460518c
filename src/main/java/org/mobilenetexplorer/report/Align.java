package org.mobilenetexplorer.report;

/** Horizontal alignment of a text-table column. */
enum Align {
    LEFT,
    RIGHT
}
