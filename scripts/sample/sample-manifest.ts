/**
 * The dataset description written as manifest.json. The version is fixed rather than a build
 * date so that rebuilding writes the same bytes; bump it when the sample's content changes.
 */
export const SAMPLE_MANIFEST = {
  name: '衡阳市生态环境分区管控示例数据',
  name_en: 'Hengyang ecological zoning, illustrative sample',
  illustrative: true,
  notice_zh:
    '本数据为根据公开行政区划边界生成的示例数据，非官方成果。管控单元、保护区、园区、河流和准入规则均为演示而绘制或编写，不得作为项目审批、执法或其他决策的依据。',
  notice_en:
    'Illustrative data built from public district boundaries; not the official zoning result.',
  boundary_source:
    'DataV GeoAtlas district boundaries (republished in anzhou99/GeoJsons), GCJ-02 converted ' +
    'to WGS84; no licence statement, used as demonstration geography',
  datum_note:
    'Coordinates are WGS84 longitude/latitude (EPSG:4326) with 7 decimals; CGCS2000 ' +
    '(EPSG:4490) agrees with them to within about a metre, which zoning can ignore. The ' +
    'source boundaries were GCJ-02 (the offset datum of Chinese web maps, a few hundred ' +
    'metres off) and were converted with gcoord, whose inverse reproduces the source to within ' +
    '0.2 m here. GCJ-02 or BD-09 points from web maps must be converted before they are ' +
    'compared with this data.',
  version: 'sample-1',
}
