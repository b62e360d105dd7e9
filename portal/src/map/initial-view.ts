/** Hengyang's extent in WGS84 lon/lat, [west, south, east, north]: the view the map opens on. */
export const hengyangBounds: [number, number, number, number] = [110.5, 25.9, 113.6, 27.6]

/** The city centre, [lon, lat]. */
export const hengyangCentre: [number, number] = [112.57, 26.89]
