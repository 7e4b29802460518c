package org.mobilenetexplorer.published;

/** A quantity a published table prints for a model. */
public enum PublishedQuantity {
    /** Million multiply-adds ("Million Mult-Adds", "MACs (M)"). */
    MILLION_MACS,
    /** Million parameters. */
    MILLION_PARAMS,
    /** A layer kind's share of the mult-adds, in percent (paper Table 2). */
    MAC_SHARE_PERCENT,
    /** A layer kind's share of the parameters, in percent (paper Table 2). */
    PARAM_SHARE_PERCENT
}
