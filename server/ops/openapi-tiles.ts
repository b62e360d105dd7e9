import {
  arrayOf,
  bounds,
  closedObject,
  errorResponse,
  header,
  headers,
  jsonContent,
  lonLatPair,
  ref,
  serverErrors,
  type Json,
  type OpenApiArea,
} from './openapi-common.ts'

const layerName: Json = {
  type: 'string',
  pattern: '^[a-z][a-z0-9_]{0,62}$',
  description: 'Name of a layer in the catalogue (`GET /tiles`).',
  examples: ['control_units', 'water_source_zones'],
}
const zoom: Json = { type: 'integer', minimum: 0, maximum: 24 }

const layerParameter = (description: string): Json => ({
  name: 'layer',
  in: 'path',
  required: true,
  description,
  schema: layerName,
})

const tileParameters: Json[] = [
  {
    name: 'z',
    in: 'path',
    required: true,
    description: "Zoom level, within the layer's range; written without leading zeros.",
    schema: zoom,
  },
  {
    name: 'x',
    in: 'path',
    required: true,
    description: 'Column, counted from the west: 0 to 2^z − 1.',
    schema: { type: 'integer', minimum: 0 },
  },
  {
    name: 'y',
    in: 'path',
    required: true,
    description: 'Row, counted from the north (XYZ scheme): 0 to 2^z − 1.',
    schema: { type: 'integer', minimum: 0 },
  },
  {
    name: 'Accept-Encoding',
    in: 'header',
    required: false,
    description: 'With `gzip`, the tile is sent gzip-compressed, as it is cached.',
    schema: { type: 'string' },
  },
  {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description: 'ETags the client holds; a match is answered 304 without a body.',
    schema: { type: 'string' },
  },
]

const tileHeaders = {
  'Cache-Control': header(
    "`public, max-age=…, stale-while-revalidate=…`, seconds from the layer's catalogue entry " +
      '(for the composite, the shortest of its layers).',
    true,
    { type: 'string', pattern: '^public, max-age=[0-9]+, stale-while-revalidate=[0-9]+$' },
  ),
  ETag: header(
    'Strong validator of this tile in this encoding; it changes with the data version of any ' +
      'layer in the tile, and ends in `-gz"` for the gzip representation.',
  ),
  Vary: header('`Accept-Encoding`.', true, { const: 'Accept-Encoding' }),
  'Access-Control-Allow-Origin': headers.openCors,
}

const tileErrors = (what: string): Record<string, Json> => ({
  '400': errorResponse(
    'The tile address is not one: `TILE_ADDRESS_INVALID` (z, x or y not a whole number, ' +
      'or negative), ' +
      '`TILE_OUT_OF_RANGE` (z above 24, or x or y outside the grid of the zoom) or ' +
      '`TILE_FORMAT_UNSUPPORTED` (an extension other than `.mvt`); `field` names the ' +
      'segment, `format` for the extension.',
    { 'Access-Control-Allow-Origin': headers.openCors },
  ),
  '404': errorResponse(
    `${what}: \`ZOOM_OUT_OF_RANGE\` (z outside the layer's zoom range) or \`LAYER_NOT_FOUND\`.`,
    { 'Access-Control-Allow-Origin': headers.openCors },
  ),
  '406': errorResponse(
    '`ENCODING_NOT_ACCEPTABLE`: `Accept-Encoding` refuses both gzip and identity ' +
      '(`identity;q=0` or `*;q=0` without gzip); `field` is `Accept-Encoding`.',
    { 'Access-Control-Allow-Origin': headers.openCors },
  ),
  ...serverErrors,
})

const tileResponses = (what: string): Record<string, Json> => ({
  '200': {
    description:
      'A Mapbox Vector Tile 2.1 with one source layer per layer (named like the layer), ' +
      'numeric feature ids, extent 4096; a composite tile also holds, for each named area ' +
      'layer, its label points (`{layer}_label`: one point per area where its name goes, with ' +
      'its id and attributes). Gzip-compressed (`Content-Encoding: gzip`) when the request ' +
      'accepts gzip.',
    headers: {
      ...tileHeaders,
      'Content-Encoding': header('`gzip` when the request accepted it.', false, { const: 'gzip' }),
    },
    content: {
      'application/vnd.mapbox-vector-tile': {
        schema: { type: 'string', contentMediaType: 'application/vnd.mapbox-vector-tile' },
      },
    },
  },
  '204': {
    description: 'The tile is inside the range and the grid but holds no feature.',
    headers: tileHeaders,
  },
  '304': {
    description: '`If-None-Match` names the current ETag: the client keeps its copy.',
    headers: tileHeaders,
  },
  ...tileErrors(what),
})

const tileJsonHeaders = {
  'Cache-Control': header('`public, max-age=60`.', true, { const: 'public, max-age=60' }),
  'Access-Control-Allow-Origin': headers.openCors,
  Vary: headers.varyHost,
}

/** Documents whose URLs follow the Host header when PUBLIC_URL is unset. */
const hostInvalid = errorResponse(
  '`HOST_INVALID`: without `PUBLIC_URL`, the URLs inside are built from `Host`, which must ' +
    'then be a host name or address with an optional port.',
  { 'Access-Control-Allow-Origin': headers.openCors },
)

const tileJsonResponses: Record<string, Json> = {
  '200': {
    description: 'The TileJSON document.',
    headers: tileJsonHeaders,
    content: jsonContent(ref('TileJson')),
  },
  '400': hostInvalid,
  ...serverErrors,
}

/** The tile catalogue, TileJSON, vector tiles and the MapLibre style. */
export const tileArea: OpenApiArea = {
  paths: {
    '/tiles': {
      get: {
        operationId: 'listLayers',
        tags: ['Tiles'],
        summary: 'The layer catalogue',
        description:
          'Every layer in display order with its titles, geometry kind, attributes, zoom range, ' +
          'bounds, data version and TileJSON URL; the TileJSON and style URLs of the composite ' +
          'of all layers; and the dataset notice.',
        responses: {
          '200': {
            description: 'The catalogue.',
            headers: tileJsonHeaders,
            content: jsonContent(ref('LayerCatalogue')),
          },
          '400': hostInvalid,
          ...serverErrors,
        },
      },
    },
    '/tiles/{layer}.json': {
      get: {
        operationId: 'getLayerTileJson',
        tags: ['Tiles'],
        summary: 'TileJSON 3.0.0 of one layer',
        description:
          'The TileJSON of a layer: its tile URL template, zoom range, bounds, centre and its ' +
          'one vector layer with the attribute descriptions. `version` is `1.{data version}.0`, ' +
          'so a new import tells clients to drop cached tiles.',
        parameters: [layerParameter('The layer.')],
        responses: {
          ...tileJsonResponses,
          '404': errorResponse(
            '`LAYER_NOT_FOUND`, naming the layers there are; `NOT_FOUND` for a name not ending ' +
              'in `.json`.',
            { 'Access-Control-Allow-Origin': headers.openCors },
          ),
        },
      },
    },
    '/tiles/zoning.json': {
      get: {
        operationId: 'getCompositeTileJson',
        tags: ['Tiles'],
        summary: 'TileJSON 3.0.0 of all layers together',
        description:
          'The composite tile set: every layer in one tile, each as its own source layer. Its ' +
          'zoom range spans all layers; `version` is `1.{sum of data versions}.0`.',
        responses: tileJsonResponses,
      },
    },
    '/tiles/{layer}/{z}/{x}/{y}.mvt': {
      get: {
        operationId: 'getLayerTile',
        tags: ['Tiles'],
        summary: 'A vector tile of one layer',
        description:
          'One tile of the XYZ grid in Web Mercator. Features are clipped to the tile with a ' +
          'buffer and simplified for the zoom; attributes are those of the catalogue entry.',
        parameters: [layerParameter('The layer.'), ...tileParameters],
        responses: tileResponses('No such layer, or the zoom is outside its range'),
      },
    },
    '/tiles/zoning/{z}/{x}/{y}.mvt': {
      get: {
        operationId: 'getCompositeTile',
        tags: ['Tiles'],
        summary: 'A vector tile of all layers together',
        description:
          'One tile holding every layer that has features in it, each as its own source layer ' +
          'named like the layer; a layer outside its own zoom range is left out.',
        parameters: tileParameters,
        responses: tileResponses('The zoom is outside the composite range'),
      },
    },
    '/styles/zoning.json': {
      get: {
        operationId: 'getZoningStyle',
        tags: ['Tiles'],
        summary: "The portal's MapLibre style",
        description:
          'A MapLibre style (version 8) drawing every layer from the composite tiles ' +
          '(`/tiles/zoning.json`): unit classes told apart by colour and outline, overlays, ' +
          'rivers and points, names in Chinese, and a `center` and `zoom` that frame the data. ' +
          'It names no glyphs or sprites: the names are drawn with the system’s fonts ' +
          '(`text-font`), the named areas’ from the label points the composite tiles carry ' +
          '(source layers `{layer}_label`), so each is named once. `metadata` holds a legend in ' +
          'Chinese and English.',
        externalDocs: {
          description: 'MapLibre style specification',
          url: 'https://maplibre.org/maplibre-style-spec/',
        },
        responses: {
          '200': {
            description: 'The style.',
            headers: tileJsonHeaders,
            content: jsonContent(ref('MapStyle')),
          },
          '400': hostInvalid,
        },
      },
    },
  },

  schemas: {
    LayerCatalogue: closedObject('Every layer and the dataset notice.', {
      layers: arrayOf(ref('CatalogueLayer'), 'The layers, in display order.'),
      composite: closedObject(
        'Every layer in one tile set, each as its own source layer, with the label points of ' +
          'the named areas, and the style that draws them.',
        {
          name: { const: 'zoning', description: 'Name of the tile set in tile URLs.' },
          tilejson: {
            type: 'string',
            format: 'uri',
            description: 'Absolute URL of its TileJSON.',
          },
          style: {
            type: 'string',
            format: 'uri',
            description: 'Absolute URL of the MapLibre style drawing it (/styles/zoning.json).',
          },
        },
      ),
      dataset: ref('DatasetInfo'),
    }),
    CatalogueLayer: closedObject('One layer of the catalogue.', {
      name: layerName,
      title_zh: { type: 'string', description: 'Title in Chinese.' },
      title_en: { type: 'string', description: 'Title in English.' },
      geometry_kind: { enum: ['polygon', 'line', 'point'], description: 'Kind of geometry.' },
      minzoom: { ...zoom, description: 'Lowest zoom the layer is served at.' },
      maxzoom: { ...zoom, description: 'Highest zoom the layer is served at.' },
      data_version: {
        type: 'integer',
        minimum: 0,
        description: 'Raised by every import of the layer; 0 before the first.',
      },
      feature_count: { type: 'integer', minimum: 0, description: 'Features in the layer.' },
      bounds: {
        oneOf: [bounds('Extent of the features'), { type: 'null' }],
        description: 'Extent of the features; null while the layer is empty.',
      },
      attributes: arrayOf(
        closedObject('An attribute that tiles, lookups and checks carry.', {
          name: { type: 'string', description: 'Name in tiles and answers.' },
          type: { enum: ['text', 'integer', 'number'], description: 'Type of its values.' },
          description_zh: { type: 'string', description: 'Meaning, in Chinese.' },
          description_en: { type: 'string', description: 'Meaning, in English.' },
        }),
        'The public attributes of its features.',
      ),
      tilejson: {
        type: 'string',
        format: 'uri',
        description: 'Absolute URL of its TileJSON (from `PUBLIC_URL` or the Host header).',
      },
    }),
    TileJson: closedObject('A TileJSON 3.0.0 document.', {
      tilejson: { const: '3.0.0', description: 'TileJSON version.' },
      name: { type: 'string', description: 'Title of the tile set, in Chinese.' },
      description: { type: 'string', description: 'Title of the tile set, in English.' },
      version: {
        type: 'string',
        pattern: '^1\\.[0-9]+\\.0$',
        description: 'Changes in its minor number whenever the data does.',
      },
      attribution: {
        type: 'string',
        description: 'The dataset name as plain text (no HTML), marked when illustrative.',
      },
      scheme: { const: 'xyz', description: 'Rows counted from the north.' },
      tiles: arrayOf(
        { type: 'string', format: 'uri-template' },
        'Absolute tile URL template with {z}, {x} and {y}.',
        { minItems: 1, maxItems: 1 },
      ),
      minzoom: { ...zoom, description: 'Lowest zoom of the set.' },
      maxzoom: { ...zoom, description: 'Highest zoom of the set.' },
      bounds: bounds('Extent of the data, or of the Web Mercator world when there is none'),
      center: {
        type: 'array',
        description:
          '[longitude, latitude, zoom]: the middle of the bounds, at the deepest zoom at ' +
          'which they fit 512 × 512 pixels, kept within the zooms of the set; for the ' +
          'composite, the view /styles/zoning.json opens on.',
        prefixItems: [
          { type: 'number', minimum: -180, maximum: 180 },
          { type: 'number', minimum: -90, maximum: 90 },
          zoom,
        ],
        minItems: 3,
        maxItems: 3,
      },
      vector_layers: arrayOf(
        closedObject('A source layer in the tiles.', {
          id: { ...layerName, description: 'Name of the source layer, as of the layer.' },
          description: { type: 'string', description: 'Title of the layer, in English.' },
          minzoom: zoom,
          maxzoom: zoom,
          fields: {
            type: 'object',
            description: 'Attribute name to its meaning in English; `{}` for none.',
            additionalProperties: { type: 'string' },
          },
        }),
        'One entry per source layer.',
        { minItems: 1 },
      ),
    }),
    MapStyle: closedObject('A MapLibre style, version 8.', {
      version: { const: 8 },
      name: { type: 'string', description: 'Name of the style.' },
      center: lonLatPair(
        "[longitude, latitude]: the middle of the layers' bounds; left out while no layer has " +
          'data.',
      ),
      zoom: {
        type: 'integer',
        minimum: 0,
        maximum: 14,
        description: 'The deepest zoom at which the bounds fit in 512 × 512 pixels.',
      },
      metadata: closedObject('What clients may use beside the drawing.', {
        'ecozoning:legend': arrayOf(
          closedObject(
            'The legend of one layer.',
            {
              'source-layer': { type: 'string', description: 'The layer in the tiles.' },
              title: { type: 'string', description: 'Chinese.' },
              'title:en': { type: 'string', description: 'English.' },
              visible: {
                type: 'boolean',
                description: 'Whether the style shows the layer at first.',
              },
              items: arrayOf(
                closedObject(
                  'What one symbol stands for.',
                  {
                    label: { type: 'string', description: 'Chinese.' },
                    'label:en': { type: 'string', description: 'English.' },
                    where: {
                      type: 'object',
                      additionalProperties: { type: 'string' },
                      description:
                        'The attribute values of the features it stands for; absent for all ' +
                        'of them.',
                    },
                    layers: arrayOf({ type: 'string' }, 'The style layers that draw them.'),
                    swatch: closedObject(
                      'How to draw the symbol, in paint properties of those layers.',
                      {
                        type: { enum: ['fill', 'line', 'circle'] },
                        'fill-color': { type: 'string', description: 'With its opacity.' },
                        'line-color': { type: 'string' },
                        'line-width': { type: 'number' },
                        'line-dasharray': {
                          type: 'array',
                          items: { type: 'number' },
                          description: 'In line widths, as MapLibre counts it.',
                        },
                        'circle-color': { type: 'string' },
                        'circle-radius': { type: 'number' },
                        'circle-stroke-color': { type: 'string' },
                        'circle-stroke-width': { type: 'number' },
                      },
                      ['type'],
                    ),
                  },
                  ['label', 'label:en', 'layers', 'swatch'],
                ),
                'Its symbols, the strictest zone first.',
              ),
            },
            ['source-layer', 'title', 'title:en', 'visible', 'items'],
          ),
          'One group per layer drawn, the most consulted first.',
        ),
        'ol:webfonts': {
          type: 'string',
          description:
            'An empty stylesheet, so that ol-mapbox-style draws with the system’s fonts ' +
            'instead of fetching web fonts.',
        },
      }),
      sources: {
        type: 'object',
        description:
          'The composite source `zoning`, and the basemap when one is configured ' +
          '(`basemap-0`, raster).',
        additionalProperties: closedObject(
          'A source.',
          {
            type: { enum: ['vector', 'raster'] },
            url: {
              type: 'string',
              format: 'uri',
              description: 'The vector source: absolute URL of the composite TileJSON.',
            },
            tiles: arrayOf({ type: 'string' }, 'The basemap: its tile URL template.'),
            tileSize: { type: 'integer' },
            maxzoom: zoom,
            attribution: { type: 'string', description: 'The basemap’s credit, as HTML.' },
          },
          ['type'],
        ),
      },
      layers: arrayOf(
        closedObject(
          'A style layer; `paint`, `layout` and `filter` follow the MapLibre style specification.',
          {
            id: { type: 'string' },
            type: { enum: ['background', 'fill', 'line', 'circle', 'symbol', 'fill-extrusion'] },
            source: { type: 'string', description: 'A key of `sources`.' },
            'source-layer': { type: 'string', description: 'A source layer in the tiles.' },
            minzoom: zoom,
            maxzoom: zoom,
            filter: { type: 'array' },
            paint: { type: 'object' },
            layout: { type: 'object' },
          },
          ['id', 'type'],
        ),
        'Drawn in order, the first at the bottom.',
      ),
    }),
  },
}
