import type { UnitClass } from './unit-classes.ts'

/**
 * The illustrative access list (生态环境准入清单). Rules on layers carry the national and
 * provincial law they restate; class-wide and unit rules are written the way local lists
 * word them, without a legal basis of their own. Units are named by what they were grown from
 * (see place-plan.ts) and get their codes when the partition is known.
 */

export type Dimension =
  'spatial_layout' | 'emission_control' | 'risk_prevention' | 'resource_efficiency'
export type Effect = 'forbid' | 'restrict' | 'condition' | 'encourage'
export type ProjectKind = 'new' | 'expansion' | 'renovation' | 'relocation'

export interface Rule {
  code: string
  unit_code?: string
  unit_class?: UnitClass
  layer?: string
  layer_filter?: Record<string, string>
  within_m?: number
  dimension: Dimension
  effect: Effect
  industries: string[]
  project_kinds: ProjectKind[]
  text_zh: string
  legal_basis: string | null
}

type Scope =
  | { unit: string }
  | { unitClass: UnitClass }
  | { layer: string; filter?: Record<string, string>; withinM?: number }

type Draft = [Scope, Dimension, Effect, string[], ProjectKind[], string, string?]

const WATER_LAW = '《中华人民共和国水污染防治法》'
const YANGTZE_LAW = '《中华人民共和国长江保护法》第二十六条'
const RESERVE_REGULATIONS = '《中华人民共和国自然保护区条例》第三十二条'
const LIVESTOCK_REGULATIONS =
  '《畜禽规模养殖污染防治条例》第十一条；《湖南省畜禽规模养殖污染防治条例》'
const XIANG_REGULATIONS = '《湖南省湘江保护条例》'

const NEW_OR_EXPANDED: ProjectKind[] = ['new', 'expansion']
const ALL: string[] = []
const ANY_KIND: ProjectKind[] = []
/** Industries that seriously pollute water, as quasi-zone and river rules list them. */
const HEAVY_WATER_POLLUTERS = ['C17', 'C19', 'C22', 'C25', 'C26', 'C27', 'C31', 'C32', 'C33']
const HEAVY_METALS = ['B09', 'C32', 'C3360', 'C384']

const level = (value: string) => ({ layer: 'water_source_zones', filter: { level: value } })
const zone = (value: string) => ({ layer: 'nature_reserve_zones', filter: { zone: value } })
const xiang = { layer: 'rivers', filter: { name: '湘江' }, withinM: 1000 }
const noRaising = { layer: 'no_raising_zones', filter: { kind: 'no_raising' } }
const unit = (key: string) => ({ unit: key })
const every = (unitClass: UnitClass) => ({ unitClass })

const DRAFTS: Draft[] = [
  // Drinking-water sources.
  [
    level('level1'),
    'spatial_layout',
    'forbid',
    ALL,
    ANY_KIND,
    '饮用水水源一级保护区内禁止新建、改建、扩建与供水设施和保护水源无关的建设项目；已建成的，由县级以上人民政府责令拆除或者关闭。',
    `${WATER_LAW}第六十五条`,
  ],
  [
    level('level1'),
    'spatial_layout',
    'forbid',
    ['A041', 'N786'],
    ANY_KIND,
    '饮用水水源一级保护区内禁止从事网箱养殖、旅游、游泳、垂钓或者其他可能污染饮用水水体的活动。',
    `${WATER_LAW}第六十五条`,
  ],
  [
    level('level2'),
    'spatial_layout',
    'forbid',
    ALL,
    NEW_OR_EXPANDED,
    '饮用水水源二级保护区内禁止新建、扩建排放污染物的建设项目；已建成的排放污染物的建设项目，由县级以上人民政府责令拆除或者关闭。',
    `${WATER_LAW}第六十六条`,
  ],
  [
    level('level2'),
    'emission_control',
    'forbid',
    ALL,
    ['renovation'],
    '饮用水水源二级保护区内禁止改建排放污染物的建设项目。',
    `${WATER_LAW}第六十六条`,
  ],
  [
    level('quasi'),
    'spatial_layout',
    'forbid',
    HEAVY_WATER_POLLUTERS,
    NEW_OR_EXPANDED,
    '饮用水水源准保护区内禁止新建、扩建对水体污染严重的建设项目。',
    `${WATER_LAW}第六十七条`,
  ],
  [
    level('quasi'),
    'emission_control',
    'restrict',
    ALL,
    ['renovation'],
    '饮用水水源准保护区内改建建设项目，不得增加排污量。',
    `${WATER_LAW}第六十七条`,
  ],
  [
    level('level1'),
    'risk_prevention',
    'forbid',
    ALL,
    ANY_KIND,
    '饮用水水源保护区内禁止设置排污口。',
    `${WATER_LAW}第六十四条`,
  ],
  [
    level('level2'),
    'risk_prevention',
    'forbid',
    ALL,
    ANY_KIND,
    '饮用水水源保护区内禁止设置排污口。',
    `${WATER_LAW}第六十四条`,
  ],
  [
    level('level2'),
    'risk_prevention',
    'forbid',
    ['F5265', 'G59'],
    ['new'],
    '饮用水水源二级保护区内禁止新建加油站和危险化学品储存设施。',
  ],
  [
    { layer: 'facilities', filter: { kind: 'intake' }, withinM: 500 },
    'risk_prevention',
    'forbid',
    ['G55', 'G59'],
    ['new'],
    '取水口周边五百米范围内禁止新建危险品装卸码头和危险化学品仓储设施。',
  ],

  // The Xiang and its shoreline.
  [
    xiang,
    'spatial_layout',
    'forbid',
    ['C26'],
    NEW_OR_EXPANDED,
    '湘江干流岸线一公里范围内禁止新建、扩建化工园区和化工项目。',
    YANGTZE_LAW,
  ],
  [
    xiang,
    'spatial_layout',
    'forbid',
    ['C25', 'C28'],
    NEW_OR_EXPANDED,
    '湘江干流岸线一公里范围内禁止新建、扩建石油化工、煤化工和化学纤维等化工项目。',
    YANGTZE_LAW,
  ],
  [
    xiang,
    'risk_prevention',
    'forbid',
    ['B08', 'B09'],
    ['new', 'expansion', 'renovation'],
    '湘江岸线一公里范围内禁止新建、改建、扩建尾矿库；以提升安全、生态环境保护水平为目的的改建除外。',
    YANGTZE_LAW,
  ],
  [
    xiang,
    'emission_control',
    'restrict',
    HEAVY_METALS,
    NEW_OR_EXPANDED,
    '湘江干流沿岸严格控制新建、扩建排放重金属污染物的项目，重点重金属污染物排放实行减量替代。',
    XIANG_REGULATIONS,
  ],
  [
    { layer: 'rivers', filter: { name: '耒水' }, withinM: 500 },
    'spatial_layout',
    'forbid',
    HEAVY_METALS,
    NEW_OR_EXPANDED,
    '耒水岸线五百米范围内禁止新建、扩建排放重金属污染物的项目。',
  ],
  [
    { layer: 'rivers', filter: { name: '蒸水' }, withinM: 500 },
    'emission_control',
    'condition',
    ALL,
    NEW_OR_EXPANDED,
    '蒸水沿岸新建、扩建项目的生产废水应当经处理达标后纳入污水管网，不得直接排入蒸水。',
  ],

  // Nature reserve, red line and ecological space.
  [
    zone('core'),
    'spatial_layout',
    'forbid',
    ALL,
    ANY_KIND,
    '自然保护区核心区内不得建设任何生产设施。',
    RESERVE_REGULATIONS,
  ],
  [
    zone('buffer'),
    'spatial_layout',
    'forbid',
    ALL,
    ANY_KIND,
    '自然保护区缓冲区内不得建设任何生产设施。',
    RESERVE_REGULATIONS,
  ],
  [
    zone('experimental'),
    'spatial_layout',
    'forbid',
    ['B', 'C', 'D4411'],
    ANY_KIND,
    '自然保护区实验区内不得建设污染环境、破坏资源或者景观的生产设施。',
    RESERVE_REGULATIONS,
  ],
  [
    zone('experimental'),
    'emission_control',
    'condition',
    ALL,
    ANY_KIND,
    '自然保护区实验区内建设其他项目，其污染物排放不得超过国家和地方规定的污染物排放标准。',
    RESERVE_REGULATIONS,
  ],
  [
    { layer: 'ecological_red_line' },
    'spatial_layout',
    'forbid',
    ALL,
    NEW_OR_EXPANDED,
    '生态保护红线内实行严格保护，原则上禁止开发性、生产性建设活动，法律法规允许的有限人为活动除外。',
    '《中华人民共和国环境保护法》第二十九条',
  ],
  [
    { layer: 'ecological_space' },
    'spatial_layout',
    'restrict',
    ['B', 'C'],
    NEW_OR_EXPANDED,
    '一般生态空间内限制大规模工业化和城镇化开发，新建、扩建项目不得降低生态功能。',
  ],

  // Livestock.
  [
    noRaising,
    'spatial_layout',
    'forbid',
    ['A03'],
    NEW_OR_EXPANDED,
    '畜禽禁养区内禁止新建、扩建畜禽养殖场、养殖小区；已建成的依法关闭或者搬迁。',
    LIVESTOCK_REGULATIONS,
  ],
  [
    { layer: 'no_raising_zones', filter: { kind: 'restricted' } },
    'emission_control',
    'restrict',
    ['A03'],
    NEW_OR_EXPANDED,
    '畜禽限养区内新建、扩建畜禽养殖场应当控制养殖规模，配套建设粪污贮存、处理和资源化利用设施。',
    '《湖南省畜禽规模养殖污染防治条例》',
  ],

  // Parks as a layer.
  [
    { layer: 'industrial_parks' },
    'emission_control',
    'condition',
    ['C'],
    NEW_OR_EXPANDED,
    '园区内工业废水应当经预处理后纳入园区集中污水处理设施，园区污水处理厂稳定达标排放。',
  ],
  [
    { layer: 'industrial_parks' },
    'risk_prevention',
    'condition',
    ['C26', 'C32'],
    ANY_KIND,
    '园区应当建立企业、园区和区域三级环境风险防控体系，涉危险化学品和重金属企业编制突发环境事件应急预案。',
  ],

  // Every priority unit.
  [
    every('priority'),
    'spatial_layout',
    'forbid',
    ['B', 'C'],
    NEW_OR_EXPANDED,
    '优先保护单元内禁止新建、扩建工业和矿产资源开发项目，依法允许的基础设施和民生项目除外。',
  ],
  [
    every('priority'),
    'spatial_layout',
    'restrict',
    ALL,
    ['new'],
    '优先保护单元以生态保护为主，严格控制大规模、高强度的城镇和旅游开发。',
  ],
  [
    every('priority'),
    'emission_control',
    'condition',
    ['C'],
    ['renovation', 'expansion'],
    '优先保护单元内现有工业企业改建、扩建的，污染物排放总量只减不增。',
  ],
  [
    every('priority'),
    'risk_prevention',
    'forbid',
    ['N7723', 'N7724'],
    ['new'],
    '优先保护单元内禁止新建危险废物处置场和生活垃圾填埋场。',
  ],
  [
    every('priority'),
    'resource_efficiency',
    'restrict',
    ['D4413'],
    ['new', 'expansion'],
    '优先保护单元内严格控制小水电开发，现有水电站应当保障生态下泄流量。',
  ],
  [
    every('priority'),
    'spatial_layout',
    'encourage',
    ['N771', 'N7861'],
    ANY_KIND,
    '鼓励开展生态修复、水源涵养林建设和生态旅游。',
  ],

  // Every key unit.
  [
    every('key'),
    'spatial_layout',
    'condition',
    ['C'],
    ['new'],
    '重点管控单元内新建工业项目原则上应当进入依法合规设立的产业园区。',
  ],
  [
    every('key'),
    'emission_control',
    'condition',
    ALL,
    NEW_OR_EXPANDED,
    '新建、扩建项目主要污染物排放实行等量或者倍量替代。',
  ],
  [
    every('key'),
    'emission_control',
    'restrict',
    ['D4411', 'C3011', 'C31'],
    ANY_KIND,
    '火电、水泥、钢铁行业执行大气污染物特别排放限值。',
  ],
  [
    every('key'),
    'risk_prevention',
    'condition',
    ['C25', 'C26', 'C32'],
    ANY_KIND,
    '涉及有毒有害物质的企业应当建设事故应急池和防渗设施，落实土壤污染隐患排查制度。',
  ],
  [
    every('key'),
    'resource_efficiency',
    'condition',
    ['C'],
    NEW_OR_EXPANDED,
    '新建、扩建项目单位产品能耗、水耗应当达到国内先进水平。',
  ],
  [
    every('key'),
    'resource_efficiency',
    'encourage',
    ALL,
    ['renovation'],
    '鼓励现有企业开展清洁生产审核和节能降碳改造。',
  ],

  // Every general unit.
  [
    every('general'),
    'spatial_layout',
    'condition',
    ['C'],
    NEW_OR_EXPANDED,
    '一般管控单元内新建、扩建工业项目应当符合国土空间规划和产业政策，落实生态环境保护基本要求。',
  ],
  [
    every('general'),
    'emission_control',
    'condition',
    ['A03'],
    ANY_KIND,
    '畜禽规模养殖场应当配套建设粪污贮存、处理和利用设施，实现粪污资源化利用。',
  ],
  [
    every('general'),
    'risk_prevention',
    'restrict',
    HEAVY_METALS,
    ['new'],
    '严格控制在耕地集中区周边新建涉重金属排放项目，加强农用地土壤环境保护。',
  ],
  [
    every('general'),
    'resource_efficiency',
    'condition',
    ['A01'],
    ANY_KIND,
    '推广农业节水灌溉和化肥农药减量增效，提高农业用水效率。',
  ],
  [
    every('general'),
    'spatial_layout',
    'encourage',
    ['A01', 'C13'],
    ANY_KIND,
    '鼓励发展生态农业、农产品加工和乡村旅游。',
  ],

  // Songmu economic development zone.
  [
    unit('park:songmu'),
    'spatial_layout',
    'condition',
    ['C26'],
    NEW_OR_EXPANDED,
    '化工项目仅可布局在园区化工片区内，并符合园区规划环境影响评价及其审查意见。',
  ],
  [
    unit('park:songmu'),
    'emission_control',
    'restrict',
    ALL,
    NEW_OR_EXPANDED,
    '园区实行主要污染物排放总量控制，化学需氧量、氨氮、二氧化硫、氮氧化物新增排放量实行倍量替代。',
  ],
  [
    unit('park:songmu'),
    'emission_control',
    'restrict',
    ['C32'],
    ANY_KIND,
    '有色金属冶炼企业执行重金属污染物特别排放限值，重点重金属污染物排放量只减不增。',
  ],
  [
    unit('park:songmu'),
    'resource_efficiency',
    'condition',
    ['C26', 'C32'],
    ANY_KIND,
    '化工和有色金属企业应当实施循环化改造，推进废水、废渣和余热综合利用。',
  ],
  [
    unit('park:songmu'),
    'risk_prevention',
    'condition',
    ['C26'],
    ANY_KIND,
    '化工企业应当建设三级环境风险防控设施并与园区应急体系联动。',
  ],
  [
    unit('park:songmu'),
    'spatial_layout',
    'encourage',
    ['C26', 'C32'],
    ['relocation'],
    '鼓励城区及湘江沿岸现有化工、有色金属企业搬迁入园，搬迁时采用先进工艺并同步削减污染物排放。',
  ],

  // Baishazhou industrial park.
  [
    unit('park:baishazhou'),
    'spatial_layout',
    'forbid',
    ['C2710', 'C263', 'C2521'],
    NEW_OR_EXPANDED,
    '园区禁止新建、扩建化学原料药、农药和焦化等重污染项目。',
  ],
  [
    unit('park:baishazhou'),
    'emission_control',
    'condition',
    ALL,
    ANY_KIND,
    '园区污水经集中处理后达标排放，污水处理厂执行《城镇污水处理厂污染物排放标准》一级A标准。',
  ],
  [
    unit('park:baishazhou'),
    'emission_control',
    'restrict',
    ['C2641', 'C29'],
    NEW_OR_EXPANDED,
    '涉挥发性有机物排放的项目应当使用低挥发性原辅材料，并配套建设高效收集治理设施。',
  ],
  [
    unit('park:baishazhou'),
    'risk_prevention',
    'condition',
    ['C'],
    ANY_KIND,
    '临湘江一侧企业应当设置事故应急池，防止事故废水进入湘江。',
  ],
  [
    unit('park:baishazhou'),
    'resource_efficiency',
    'encourage',
    ['C34', 'C35', 'C39'],
    ANY_KIND,
    '鼓励发展装备制造、电子信息等低耗水、低排放产业。',
  ],

  // The other parks.
  [
    unit('park:gaoxin'),
    'spatial_layout',
    'forbid',
    ['C261', 'C263', 'C2645'],
    NEW_OR_EXPANDED,
    '高新区禁止新建、扩建基础化学原料、农药和染料制造项目。',
  ],
  [
    unit('park:gaoxin'),
    'spatial_layout',
    'encourage',
    ['C39', 'C27'],
    ANY_KIND,
    '鼓励发展电子信息、生物医药等高新技术产业。',
  ],
  [
    unit('park:gaoxin'),
    'emission_control',
    'condition',
    ['C39'],
    ANY_KIND,
    '电子元件企业含氟、含重金属废水应当分类收集、单独处理。',
  ],
  [
    unit('park:shuikoushan'),
    'emission_control',
    'restrict',
    ['C3211', 'C3212'],
    ['new', 'expansion', 'renovation'],
    '铅锌、铜冶炼项目应当采用先进冶炼工艺，重金属污染物排放实行减量置换。',
  ],
  [
    unit('park:shuikoushan'),
    'resource_efficiency',
    'condition',
    ['C32'],
    ANY_KIND,
    '有色金属冶炼企业应当推进冶炼渣、烟尘中有价金属综合回收，发展循环经济。',
  ],
  [
    unit('park:shuikoushan'),
    'spatial_layout',
    'condition',
    ['C32'],
    ['relocation'],
    '园区外分散的有色金属冶炼企业应当逐步搬迁入园，搬迁后原址开展土壤污染状况调查和修复。',
  ],
  [
    unit('park:shuikoushan'),
    'risk_prevention',
    'restrict',
    ALL,
    ANY_KIND,
    '加强历史遗留重金属污染治理，新建项目不得新增重金属污染风险。',
  ],
  [
    unit('park:hengyang-county'),
    'emission_control',
    'condition',
    ALL,
    NEW_OR_EXPANDED,
    '新建、扩建项目生产废水应当接入园区污水处理厂，禁止直接排入蒸水。',
  ],
  [
    unit('park:leiyang'),
    'emission_control',
    'restrict',
    ['D4411'],
    ANY_KIND,
    '燃煤发电机组执行超低排放要求。',
  ],
  [
    unit('park:qidong'),
    'spatial_layout',
    'forbid',
    ['C1910', 'C1713', 'C3360'],
    NEW_OR_EXPANDED,
    '园区禁止新建、扩建制革、印染和独立电镀项目。',
  ],
  [
    unit('park:hengshan'),
    'resource_efficiency',
    'encourage',
    ['C34', 'C38', 'C39'],
    ANY_KIND,
    '鼓励发展装备制造、电子信息等低能耗产业。',
  ],
  [
    unit('park:hengdong'),
    'risk_prevention',
    'condition',
    ['C26'],
    NEW_OR_EXPANDED,
    '化工项目应当开展环境风险评估并设置卫生防护距离。',
  ],

  // Towns and clusters.
  [
    unit('urban:zhuhui'),
    'spatial_layout',
    'forbid',
    ['C31', 'C3011', 'C2521', 'C3041'],
    NEW_OR_EXPANDED,
    '城市建成区禁止新建、扩建钢铁、水泥、焦化、平板玻璃等高污染项目，现有企业逐步退城入园。',
  ],
  [
    unit('urban:shigu'),
    'emission_control',
    'forbid',
    ['D4430'],
    ['new'],
    '城市建成区禁止新建燃煤锅炉。',
  ],
  [
    unit('urban:zhengxiang'),
    'emission_control',
    'condition',
    ['H62'],
    ANY_KIND,
    '餐饮服务单位应当安装油烟净化设施并保持正常使用。',
  ],
  [
    unit('urban:yanfeng'),
    'spatial_layout',
    'condition',
    ['C26'],
    ['relocation'],
    '现有化工企业应当逐步搬迁进入合规化工园区。',
  ],
  [
    unit('urban:nanyue'),
    'emission_control',
    'condition',
    ['H61', 'H62'],
    ANY_KIND,
    '宾馆、餐饮等服务设施污水应当纳入城镇污水管网，严格控制接待规模。',
  ],
  [
    unit('urban:hengnan'),
    'resource_efficiency',
    'encourage',
    ['D4620'],
    ANY_KIND,
    '鼓励完善城镇污水收集管网，提高污水收集处理率和再生水利用率。',
  ],
  [
    unit('cluster:hengnan'),
    'spatial_layout',
    'forbid',
    ['C3360', 'C1910', 'C1713'],
    NEW_OR_EXPANDED,
    '工业集聚区禁止引入电镀、制革、印染项目。',
  ],
  [
    unit('cluster:leiyang-coal'),
    'spatial_layout',
    'forbid',
    ['B06'],
    ['new'],
    '禁止新建不符合国家产业政策的小型煤矿。',
  ],
  [
    unit('cluster:leiyang-coal'),
    'risk_prevention',
    'condition',
    ['B06'],
    ANY_KIND,
    '煤矿矿井水应当处理达标后回用或排放，煤矸石规范处置，防范采空区塌陷等地质灾害。',
  ],
  [
    unit('cluster:leiyang-coal'),
    'resource_efficiency',
    'encourage',
    ['B06'],
    ['renovation'],
    '鼓励推进矿井水和煤矸石综合利用。',
  ],

  // Priority units.
  [
    unit('reserve:nanyue'),
    'spatial_layout',
    'forbid',
    ['B10'],
    ANY_KIND,
    '衡山范围内禁止开山采石、采砂和取土。',
  ],
  [
    unit('water:xiang-city'),
    'risk_prevention',
    'forbid',
    ['G55'],
    ['new'],
    '湘江市区取水口上游禁止新建码头和水上加油设施。',
  ],
  [
    unit('water:doushanqiao'),
    'spatial_layout',
    'forbid',
    ['A041'],
    ANY_KIND,
    '斗山桥水库内禁止网箱养殖和投肥养鱼。',
  ],
  [
    unit('redline:goulou'),
    'spatial_layout',
    'forbid',
    ['B10'],
    ANY_KIND,
    '岣嵝峰山体范围内禁止毁林开荒、采石采砂。',
  ],
  [
    unit('redline:siming'),
    'spatial_layout',
    'forbid',
    ['D4415', 'D4416'],
    ['new'],
    '四明山范围内禁止新建风电、光伏项目。',
  ],
  [
    unit('redline:tiantang'),
    'resource_efficiency',
    'restrict',
    ['A02'],
    ANY_KIND,
    '天堂山范围内严格保护天然林，限制商业性采伐。',
  ],
  [
    unit('redline:cailun'),
    'resource_efficiency',
    'restrict',
    ['C20'],
    NEW_OR_EXPANDED,
    '蔡伦竹海范围内控制竹木加工规模，竹林采伐不得超过采伐限额。',
  ],
  [
    unit('water:leishui-leiyang'),
    'spatial_layout',
    'forbid',
    HEAVY_METALS,
    NEW_OR_EXPANDED,
    '耒水取水口上游汇水区域内禁止新建、扩建排放重金属污染物的项目。',
  ],
  [
    unit('water:hengdong'),
    'spatial_layout',
    'forbid',
    ['A03'],
    NEW_OR_EXPANDED,
    '水源集雨区内禁止新建、扩建规模化畜禽养殖场。',
  ],
  [
    unit('water:xiang-hengnan'),
    'spatial_layout',
    'forbid',
    ['B101'],
    ANY_KIND,
    '湘江衡南段取水口上游河段禁止采砂。',
  ],

  // General units.
  [
    unit('general:430422:1'),
    'resource_efficiency',
    'condition',
    ['A01'],
    ANY_KIND,
    '发展生态农业，控制化肥农药施用量。',
  ],
  [
    unit('general:430421:2'),
    'emission_control',
    'condition',
    ['A0313'],
    NEW_OR_EXPANDED,
    '生猪养殖场应当配套建设粪污处理设施，粪污综合利用率达到省定要求。',
  ],
  [
    unit('general:430426:1'),
    'spatial_layout',
    'encourage',
    ['C13'],
    ANY_KIND,
    '鼓励发展黄花菜等特色农产品加工。',
  ],
  [
    unit('general:430482:2'),
    'resource_efficiency',
    'restrict',
    ['B10'],
    NEW_OR_EXPANDED,
    '控制非金属矿开采规模，矿山开采应当同步开展生态修复。',
  ],
  [
    unit('general:430481:1'),
    'spatial_layout',
    'restrict',
    ['B'],
    ['new'],
    '严格控制新建小型采矿项目。',
  ],
  [
    unit('general:430424:1'),
    'spatial_layout',
    'encourage',
    ['C13', 'C14'],
    ANY_KIND,
    '鼓励发展绿色食品加工。',
  ],
  [
    unit('general:430407:1'),
    'spatial_layout',
    'restrict',
    ALL,
    ['new'],
    '保留蒸水和湘江沿岸生态缓冲带，沿岸新建项目应当退让河道管理范围。',
  ],
]

/**
 * Returns the rules with codes R001… in list order, unit scopes resolved through
 * `unitCodes` (unit key → unit code). Throws when a rule names a unit that was not built.
 */
export function accessRules(unitCodes: Map<string, string>): Rule[] {
  return DRAFTS.map(([scope, dimension, effect, industries, kinds, text, legal], i) => {
    const rule: Rule = {
      code: `R${String(i + 1).padStart(3, '0')}`,
      dimension,
      effect,
      industries,
      project_kinds: kinds,
      text_zh: text,
      legal_basis: legal ?? null,
    }
    if ('unit' in scope) {
      const code = unitCodes.get(scope.unit)
      if (!code) throw new Error(`Rule ${rule.code} names unit ${scope.unit}, which was not built`)
      return { code: rule.code, unit_code: code, ...withoutCode(rule) }
    }
    if ('unitClass' in scope) {
      return { code: rule.code, unit_class: scope.unitClass, ...withoutCode(rule) }
    }
    return {
      code: rule.code,
      layer: scope.layer,
      ...(scope.filter ? { layer_filter: scope.filter } : {}),
      ...(scope.withinM ? { within_m: scope.withinM } : {}),
      ...withoutCode(rule),
    }
  })
}

function withoutCode({ code: _, ...rest }: Rule): Omit<Rule, 'code'> {
  return rest
}
