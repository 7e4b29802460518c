package org.mobilenetexplorer.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;

/**
 * Looks shared by every chart: the Okabe-Ito colour-blind-safe palette and fonts large enough for a projected
 * slide at the default 1280 x 800 size.
 */
public final class ChartStyle {
    private ChartStyle() {
    }

    /** Okabe & Ito (2008), "Color Universal Design": safe for the common colour-vision deficiencies. */
    public static final Color BLUE = new Color(0x00, 0x72, 0xB2);
    public static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
    public static final Color SKY_BLUE = new Color(0x56, 0xB4, 0xE9);
    public static final Color BLUISH_GREEN = new Color(0x00, 0x9E, 0x73);
    public static final Color YELLOW = new Color(0xF0, 0xE4, 0x42);
    public static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
    public static final Color REDDISH_PURPLE = new Color(0xCC, 0x79, 0xA7);
    public static final Color BLACK = Color.BLACK;

    /** Palette order for series (yellow last: weak on white). */
    public static final Paint[] PALETTE = {BLUE, VERMILLION, BLUISH_GREEN, REDDISH_PURPLE, ORANGE, SKY_BLUE, BLACK,
        YELLOW};

    public static final String FAMILY = Font.SANS_SERIF;
    public static final Font TITLE = new Font(FAMILY, Font.BOLD, 26);
    public static final Font SUBTITLE = new Font(FAMILY, Font.PLAIN, 14);
    public static final Font AXIS_LABEL = new Font(FAMILY, Font.PLAIN, 20);
    public static final Font TICK_LABEL = new Font(FAMILY, Font.PLAIN, 16);
    public static final Font ITEM_LABEL = new Font(FAMILY, Font.PLAIN, 15);
    public static final Font LEGEND = new Font(FAMILY, Font.PLAIN, 16);
    public static final Font CATEGORY_LABEL = new Font(FAMILY, Font.PLAIN, 11);
    /** The small charts inside the window's panes ({@link PaneCharts}): title and rotated category labels. */
    public static final Font PANE_TITLE = new Font(FAMILY, Font.BOLD, 14);
    public static final Font PANE_CATEGORY_LABEL = new Font(FAMILY, Font.PLAIN, 10);
    /** Smallest font size a chart scaled for a window pane keeps. */
    public static final float PANE_MIN_FONT_SIZE = 9f;

    public static final Color GRID = new Color(0xD0, 0xD0, 0xD0);
    public static final Stroke OUTLINE = new BasicStroke(2.0f);
    public static final Stroke FRONT = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    /** The outline of a predicted latency's (hollow) marker: dashed. */
    public static final Stroke PREDICTED_OUTLINE = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {3f, 2f}, 0f);
    /** The thin line joining a configuration's FP32 and INT8 points. */
    public static final Stroke LINK = new BasicStroke(1.0f);

    /** Default export size in points (1 pt = 1 px at scale 1). */
    public static final int DEFAULT_WIDTH = 1280;
    public static final int DEFAULT_HEIGHT = 800;
}
