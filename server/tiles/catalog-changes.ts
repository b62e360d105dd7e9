/**
 * The NOTIFY channel on which an import announces a change to what the layer catalogue holds:
 * a layer's new data version (the payload names the layer) or the dataset's new description
 * (DATASET_CHANGED). A server listening reads the catalogue again at once, so tiles, TileJSON
 * and `/api/dataset` change without waiting out CATALOG_REFRESH_MS.
 */
export const CATALOG_CHANGED = 'ecozoning_layers_changed'

/** The payload announcing the dataset's description, which no layer is named. */
export const DATASET_CHANGED = 'dataset'
