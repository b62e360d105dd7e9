-- The published layers. Attribute lists name the public columns in tile order; aliases are the
-- field names bureau files commonly use for the same column, accepted by the importer.

INSERT INTO layers
  (name, table_name, title_zh, title_en, geometry_kind, role, minzoom, maxzoom, sort_order,
   attributes)
VALUES
('districts', 'districts', '行政区', 'Districts', 'polygon', 'context', 0, 14, 10, '[
  {"name": "adcode", "type": "integer", "required": true, "description_zh": "行政区划代码",
   "description_en": "Administrative division code", "aliases": ["ADCODE", "行政区划代码", "区划代码"]},
  {"name": "name", "type": "text", "required": true, "description_zh": "名称",
   "description_en": "Name", "aliases": ["NAME", "名称", "区县名称"]}
]'),
('control_units', 'control_units', '环境管控单元', 'Environmental control units', 'polygon',
 'units',
 0, 14, 20, '[
  {"name": "code", "type": "text", "required": true, "description_zh": "单元编码",
   "description_en": "Unit code", "aliases": ["CODE", "单元编码", "环境管控单元编码", "HJGKDYBM"]},
  {"name": "name", "type": "text", "required": true, "description_zh": "单元名称",
   "description_en": "Unit name", "aliases": ["NAME", "单元名称", "环境管控单元名称", "HJGKDYMC"]},
  {"name": "class", "type": "text", "required": true, "description_zh": "管控类别",
   "description_en": "Class: priority, key or general",
   "aliases": ["CLASS", "管控类别", "单元类别", "GKLB"]},
  {"name": "district_adcode", "type": "integer", "required": true,
   "description_zh": "所在区县代码", "description_en": "District code",
   "aliases": ["ADCODE", "区县代码", "行政区划代码"]},
  {"name": "area_km2", "type": "number", "required": false, "description_zh": "面积（平方千米）",
   "description_en": "Area in km²", "aliases": ["AREA", "面积"]}
]'),
('water_source_zones', 'water_source_zones', '饮用水水源保护区',
 'Drinking-water source protection zones', 'polygon', 'zone', 0, 14, 30, '[
  {"name": "name", "type": "text", "required": true, "description_zh": "保护区名称",
   "description_en": "Zone name", "aliases": ["NAME", "名称", "保护区名称"]},
  {"name": "source_name", "type": "text", "required": true, "description_zh": "水源地名称",
   "description_en": "Water source", "aliases": ["SOURCE", "水源地名称", "水源地"]},
  {"name": "level", "type": "text", "required": true,
   "description_zh": "保护区级别（一级、二级、准保护区）",
   "description_en": "Level: level1, level2 or quasi", "aliases": ["LEVEL", "级别", "保护区级别"]}
]'),
('nature_reserve_zones', 'nature_reserve_zones', '自然保护区功能区', 'Nature reserve zones',
 'polygon', 'zone', 0, 14, 40, '[
  {"name": "reserve_name", "type": "text", "required": true, "description_zh": "保护区名称",
   "description_en": "Reserve", "aliases": ["NAME", "保护区名称", "名称"]},
  {"name": "reserve_level", "type": "text", "required": true, "description_zh": "保护区级别",
   "description_en": "Reserve level", "aliases": ["LEVEL", "级别", "保护区级别"]},
  {"name": "zone", "type": "text", "required": true,
   "description_zh": "功能区（核心区、缓冲区、实验区）",
   "description_en": "Zone: core, buffer or experimental", "aliases": ["ZONE", "功能区", "功能分区"]}
]'),
('ecological_red_line', 'ecological_red_line', '生态保护红线', 'Ecological protection red line',
 'polygon', 'zone', 0, 14, 50, '[
  {"name": "name", "type": "text", "required": true, "description_zh": "名称",
   "description_en": "Name", "aliases": ["NAME", "名称", "红线名称"]}
]'),
('ecological_space', 'ecological_space', '一般生态空间', 'General ecological space', 'polygon',
 'zone',
 0, 14, 60, '[
  {"name": "name", "type": "text", "required": true, "description_zh": "名称",
   "description_en": "Name", "aliases": ["NAME", "名称"]}
]'),
('industrial_parks', 'industrial_parks', '产业园区', 'Industrial parks', 'polygon', 'zone',
 0, 14, 70, '[
  {"name": "name", "type": "text", "required": true, "description_zh": "园区名称",
   "description_en": "Park name", "aliases": ["NAME", "园区名称", "名称"]},
  {"name": "park_level", "type": "text", "required": true, "description_zh": "园区级别",
   "description_en": "Park level: national or provincial", "aliases": ["LEVEL", "园区级别", "级别"]},
  {"name": "leading_industries", "type": "text", "required": true,
   "description_zh": "主导产业", "description_en": "Leading industries",
   "aliases": ["INDUSTRY", "主导产业"]},
  {"name": "unit_code", "type": "text", "required": false, "description_zh": "所属管控单元编码",
   "description_en": "Control unit code", "aliases": ["UNIT_CODE", "单元编码"]}
]'),
('no_raising_zones', 'no_raising_zones', '畜禽禁养区', 'Livestock no-raising zones', 'polygon',
 'zone',
 0, 14, 80, '[
  {"name": "name", "type": "text", "required": true, "description_zh": "名称",
   "description_en": "Name", "aliases": ["NAME", "名称"]},
  {"name": "kind", "type": "text", "required": true, "description_zh": "类型（禁养区、限养区）",
   "description_en": "Kind: no_raising or restricted", "aliases": ["KIND", "类型"]}
]'),
('rivers', 'rivers', '河流', 'Rivers', 'line', 'feature', 0, 14, 90, '[
  {"name": "name", "type": "text", "required": true, "description_zh": "河流名称",
   "description_en": "River", "aliases": ["NAME", "河流名称", "名称"]}
]'),
('facilities', 'facilities', '排污口、养殖场和取水口', 'Outfalls, farms and intakes', 'point',
 'feature',
 6, 14, 100, '[
  {"name": "kind", "type": "text", "required": true,
   "description_zh": "类型（入河排污口、养殖场、取水口）",
   "description_en": "Kind: outfall, farm or intake", "aliases": ["KIND", "类型"]},
  {"name": "name", "type": "text", "required": true, "description_zh": "名称",
   "description_en": "Name", "aliases": ["NAME", "名称"]}
]');
