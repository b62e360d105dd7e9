-- The values of the attributes that hold one of a fixed set, each code with the Chinese forms
-- bureau files write for it: the importer stores the code for any of them, and refuses any
-- other value listing both. An attribute takes "values": [{ "code", "aliases": [...] }], next
-- to the field-name aliases of 002; the codes are those the table's CHECK allows.
--
-- The forms: unit classes as the "three lines, one list" technical requirements name them, with
-- their short forms and the 类 some lists write; water-source levels of HJ 338-2018, with the
-- short 一级 and 二级; nature reserve zones of the Regulations on Nature Reserves, with 试验区,
-- a frequent writing of 实验区; livestock zones short and in full. reserve_level takes any text
-- (the table holds no fixed set for it), so it has none.

WITH value_aliases (layer, attribute, "values") AS (
  VALUES
  ('control_units', 'class', '[
    {"code": "priority", "aliases": ["优先保护单元", "优先保护", "优先保护类"]},
    {"code": "key", "aliases": ["重点管控单元", "重点管控", "重点管控类"]},
    {"code": "general", "aliases": ["一般管控单元", "一般管控", "一般管控类"]}
  ]'::jsonb),
  ('water_source_zones', 'level', '[
    {"code": "level1", "aliases": ["一级保护区", "一级"]},
    {"code": "level2", "aliases": ["二级保护区", "二级"]},
    {"code": "quasi", "aliases": ["准保护区"]}
  ]'),
  ('nature_reserve_zones', 'zone', '[
    {"code": "core", "aliases": ["核心区"]},
    {"code": "buffer", "aliases": ["缓冲区"]},
    {"code": "experimental", "aliases": ["实验区", "试验区"]}
  ]'),
  ('industrial_parks', 'park_level', '[
    {"code": "national", "aliases": ["国家级"]},
    {"code": "provincial", "aliases": ["省级"]}
  ]'),
  ('no_raising_zones', 'kind', '[
    {"code": "no_raising", "aliases": ["禁养区", "禁止养殖区"]},
    {"code": "restricted", "aliases": ["限养区", "限制养殖区"]}
  ]'),
  ('facilities', 'kind', '[
    {"code": "outfall", "aliases": ["入河排污口", "排污口"]},
    {"code": "farm", "aliases": ["养殖场", "畜禽养殖场"]},
    {"code": "intake", "aliases": ["取水口"]}
  ]')
)
UPDATE layers
   SET attributes = (
     SELECT jsonb_agg(
              CASE WHEN v."values" IS NULL THEN a ELSE a || jsonb_build_object('values', v."values")
              END
              ORDER BY a_order)
       FROM jsonb_array_elements(layers.attributes) WITH ORDINALITY AS e (a, a_order)
       LEFT JOIN value_aliases AS v ON v.layer = layers.name AND v.attribute = a->>'name'
   )
 WHERE name IN (SELECT layer FROM value_aliases);
