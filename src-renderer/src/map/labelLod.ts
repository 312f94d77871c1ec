// Level of detail for big maps: node labels are not drawn while the map is
// zoomed out so far that they could not be read. Cytoscape does this itself
// with the `min-zoomed-font-size` style (its performance notes recommend it):
// a label whose on-screen size would be under the minimum is skipped, and no
// texture is built for it. Unlike toggling a class on every node, this
// changes neither the style nor the bounds of any element, so crossing the
// threshold costs nothing, and exports (which draw every element with its
// label forced on) need no change to the live map.

/** Font size under which a 12 px label is not drawn: 12 px labels go at zoom ≤ 0.5 (Cytoscape rounds zoom to powers of two here). */
export const LABEL_MIN_ZOOMED_FONT = 7
