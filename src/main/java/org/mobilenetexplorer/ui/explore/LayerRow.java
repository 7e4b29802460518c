package org.mobilenetexplorer.ui.explore;

import java.util.List;
import org.mobilenetexplorer.model.LayerStats;
import org.mobilenetexplorer.model.Shape;

/**
 * One layer of the layer table: the model's per-layer facts plus the layer's shares of the network totals.
 *
 * @param stats      the layer's statistics
 * @param macShare   share of the network's MACs (0..1)
 * @param paramShare share of the network's params (0..1)
 */
public record LayerRow(LayerStats stats, double macShare, double paramShare) implements LayerTableRow {

    @Override
    public String key() {
        return stats.name();
    }

    @Override
    public int index() {
        return stats.index();
    }

    @Override
    public String indexText() {
        return String.valueOf(stats.index());
    }

    @Override
    public String kindText() {
        return stats.kind().paperName();
    }

    @Override
    public int kernel() {
        return stats.layer().kernel();
    }

    @Override
    public int stride() {
        return stats.layer().stride();
    }

    @Override
    public Shape input() {
        return stats.layer().input();
    }

    @Override
    public Shape output() {
        return stats.layer().output();
    }

    @Override
    public long macs() {
        return stats.macs();
    }

    @Override
    public long params() {
        return stats.params();
    }

    @Override
    public long bnParams() {
        return stats.bnParams();
    }

    @Override
    public long outputElements() {
        return stats.outputElements();
    }

    @Override
    public long outputBytes() {
        return stats.outputBytes();
    }

    @Override
    public List<LayerRow> layers() {
        return List.of(this);
    }

    @Override
    public List<LayerTableRow> children() {
        return List.of();
    }
}
