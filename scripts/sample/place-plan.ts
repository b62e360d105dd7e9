import type { BlobSpec } from './blob-shape.ts'

/**
 * The hand-placed geography of the illustrative sample: where the parks, the reserve, the
 * water sources, the red-line mountains and the towns sit. Positions are WGS84 lon/lat, set
 * by hand inside the converted district boundaries, within a few kilometres of the real place
 * where one is named; outlines are drawn, not surveyed. Every point is checked against its
 * district when the sample is built.
 */

export type LonLat = [number, number]

export const DISTRICT_ADCODES = {
  zhuhui: 430405,
  yanfeng: 430406,
  shigu: 430407,
  zhengxiang: 430408,
  nanyue: 430412,
  hengyangCounty: 430421,
  hengnan: 430422,
  hengshan: 430423,
  hengdong: 430424,
  qidong: 430426,
  leiyang: 430481,
  changning: 430482,
} as const

const D = DISTRICT_ADCODES

/** Control units per district: the four central districts and Nanyue small, counties large. */
export const UNITS_PER_DISTRICT: Record<number, number> = {
  [D.zhuhui]: 3,
  [D.yanfeng]: 3,
  [D.shigu]: 3,
  [D.zhengxiang]: 3,
  [D.nanyue]: 3,
  [D.hengyangCounty]: 8,
  [D.hengnan]: 8,
  [D.hengshan]: 5,
  [D.hengdong]: 7,
  [D.qidong]: 7,
  [D.leiyang]: 8,
  [D.changning]: 7,
}

export interface ParkPlan {
  key: string
  name: string
  level: 'national' | 'provincial'
  leadingIndustries: string
  adcode: number
  outline: BlobSpec
}

export const PARKS: ParkPlan[] = [
  {
    key: 'park:songmu',
    name: '衡阳松木经济开发区',
    level: 'national',
    leadingIndustries: '化工、有色金属、新材料、装备制造',
    adcode: D.shigu,
    outline: { lon: 112.603, lat: 26.976, majorKm: 2.4, minorKm: 1.5, azimuth: 20 },
  },
  {
    key: 'park:baishazhou',
    name: '衡阳白沙洲工业园区',
    level: 'provincial',
    leadingIndustries: '装备制造、电子信息、新材料',
    adcode: D.yanfeng,
    outline: { lon: 112.606, lat: 26.836, majorKm: 1.5, minorKm: 1.0, azimuth: 30 },
  },
  {
    key: 'park:gaoxin',
    name: '衡阳高新技术产业开发区',
    level: 'national',
    leadingIndustries: '电子信息、装备制造、生物医药',
    adcode: D.zhengxiang,
    outline: { lon: 112.545, lat: 26.872, majorKm: 1.8, minorKm: 1.2, azimuth: 150 },
  },
  {
    key: 'park:hengyang-county',
    name: '衡阳县经济开发区',
    level: 'provincial',
    leadingIndustries: '新材料、装备制造、农产品加工',
    adcode: D.hengyangCounty,
    outline: { lon: 112.425, lat: 26.944, majorKm: 1.6, minorKm: 1.1, azimuth: 70 },
  },
  {
    key: 'park:hengshan',
    name: '衡山经济开发区',
    level: 'provincial',
    leadingIndustries: '装备制造、电子信息、新材料',
    adcode: D.hengshan,
    outline: { lon: 112.82, lat: 27.27, majorKm: 1.5, minorKm: 1.0, azimuth: 10 },
  },
  {
    key: 'park:hengdong',
    name: '衡东经济开发区',
    level: 'provincial',
    leadingIndustries: '新材料、化工、农产品加工',
    adcode: D.hengdong,
    outline: { lon: 112.9, lat: 27.05, majorKm: 1.6, minorKm: 1.0, azimuth: 45 },
  },
  {
    key: 'park:qidong',
    name: '祁东经济开发区',
    level: 'provincial',
    leadingIndustries: '装备制造、农产品加工、新材料',
    adcode: D.qidong,
    outline: { lon: 112.15, lat: 26.8, majorKm: 1.5, minorKm: 1.0, azimuth: 100 },
  },
  {
    key: 'park:leiyang',
    name: '耒阳经济开发区',
    level: 'provincial',
    leadingIndustries: '能源、新材料、装备制造',
    adcode: D.leiyang,
    outline: { lon: 112.86, lat: 26.475, majorKm: 1.7, minorKm: 1.1, azimuth: 160 },
  },
  {
    key: 'park:shuikoushan',
    name: '常宁水口山经济开发区',
    level: 'provincial',
    leadingIndustries: '有色金属冶炼及深加工、化工',
    adcode: D.changning,
    outline: { lon: 112.575, lat: 26.545, majorKm: 1.8, minorKm: 1.2, azimuth: 60 },
  },
]

/** Park outlines are widened by this much to make their key control unit. */
export const PARK_UNIT_MARGIN_M = 400

export const RESERVE = {
  key: 'reserve:nanyue',
  name: '南岳衡山国家级自然保护区',
  level: 'national',
  adcode: D.nanyue,
  /** The unit is named after the mountain, as local zoning results do. */
  unitShortName: '衡山',
  // Centred on Zhurong peak, stretched along the ridge and clear of Nanyue town.
  core: { lon: 112.69, lat: 27.295, majorKm: 3.2, minorKm: 2.0, azimuth: 60, wobble: 0.1 },
  bufferScale: 1.6,
  experimentalScale: 2.35,
}

export type RiverName = '湘江' | '蒸水' | '耒水'

interface WaterSourceBase {
  key: string
  sourceName: string
  /** What the protection zone names start with, before 一级保护区 and so on. */
  zonePrefix: string
  /** The priority unit around it is called district + this + 优先保护单元. */
  unitShortName: string
  adcode: number
}

export interface RiverWaterSource extends WaterSourceBase {
  kind: 'river'
  river: RiverName
  /** Roughly where the intake is; it is moved onto the river's bank in `adcode`. */
  near: LonLat
}

export interface ReservoirWaterSource extends WaterSourceBase {
  kind: 'reservoir'
  /** The level-1 zone: the water body and its shore. */
  outline: BlobSpec
}

export type WaterSourcePlan = RiverWaterSource | ReservoirWaterSource

/**
 * River zones as distances along the river from the intake and half-widths across it, in
 * metres: level 1 is the stretch 1 km upstream to 100 m downstream, as the national technical
 * guideline (HJ 338) sets for rivers, the outer levels longer and wider.
 */
export const RIVER_ZONES = {
  level1: { upstream: 1000, downstream: 100, halfWidth: 150 },
  level2: { upstream: 3000, downstream: 300, halfWidth: 500 },
  quasi: { upstream: 6000, downstream: 600, halfWidth: 1000 },
}

/** Reservoir zones as scales of the level-1 outline. */
export const RESERVOIR_ZONE_SCALES = { level1: 1, level2: 2.2, quasi: 3.6 }

export const WATER_SOURCES: WaterSourcePlan[] = [
  {
    key: 'water:xiang-city',
    kind: 'river',
    sourceName: '湘江衡阳市区饮用水水源',
    zonePrefix: '湘江衡阳市区饮用水水源',
    unitShortName: '湘江饮用水水源',
    adcode: D.zhuhui,
    river: '湘江',
    near: [112.615, 26.815],
  },
  {
    key: 'water:doushanqiao',
    kind: 'reservoir',
    sourceName: '斗山桥水库饮用水水源',
    zonePrefix: '衡阳县斗山桥水库饮用水水源',
    unitShortName: '斗山桥水库饮用水水源',
    adcode: D.hengyangCounty,
    outline: { lon: 112.28, lat: 27.12, majorKm: 1.1, minorKm: 0.6, azimuth: 35, wobble: 0.2 },
  },
  {
    key: 'water:zhengshui-hengyang-county',
    kind: 'river',
    sourceName: '蒸水衡阳县城区饮用水水源',
    zonePrefix: '蒸水衡阳县城区饮用水水源',
    unitShortName: '蒸水饮用水水源',
    adcode: D.hengyangCounty,
    river: '蒸水',
    near: [112.3, 26.985],
  },
  {
    key: 'water:xiang-hengnan',
    kind: 'river',
    sourceName: '湘江衡南县城区饮用水水源',
    zonePrefix: '湘江衡南县城区饮用水水源',
    unitShortName: '湘江饮用水水源',
    adcode: D.hengnan,
    river: '湘江',
    near: [112.664, 26.68],
  },
  {
    key: 'water:xiang-hengshan',
    kind: 'river',
    sourceName: '湘江衡山县城区饮用水水源',
    zonePrefix: '湘江衡山县城区饮用水水源',
    unitShortName: '湘江饮用水水源',
    adcode: D.hengshan,
    river: '湘江',
    near: [112.845, 27.175],
  },
  {
    key: 'water:leishui-leiyang',
    kind: 'river',
    sourceName: '耒水耒阳市城区饮用水水源',
    zonePrefix: '耒水耒阳市城区饮用水水源',
    unitShortName: '耒水饮用水水源',
    adcode: D.leiyang,
    river: '耒水',
    near: [112.885, 26.33],
  },
  {
    key: 'water:qidong',
    kind: 'reservoir',
    sourceName: '祁东县城区饮用水水源',
    zonePrefix: '祁东县城区饮用水水源',
    unitShortName: '城区饮用水水源',
    adcode: D.qidong,
    outline: { lon: 112.08, lat: 26.7, majorKm: 1.0, minorKm: 0.55, azimuth: 120, wobble: 0.2 },
  },
  {
    key: 'water:changning',
    kind: 'reservoir',
    sourceName: '常宁市城区饮用水水源',
    zonePrefix: '常宁市城区饮用水水源',
    unitShortName: '城区饮用水水源',
    adcode: D.changning,
    outline: { lon: 112.33, lat: 26.33, majorKm: 1.2, minorKm: 0.6, azimuth: 15, wobble: 0.2 },
  },
  {
    key: 'water:hengdong',
    kind: 'reservoir',
    sourceName: '衡东县城区饮用水水源',
    zonePrefix: '衡东县城区饮用水水源',
    unitShortName: '城区饮用水水源',
    adcode: D.hengdong,
    outline: { lon: 113.02, lat: 27.13, majorKm: 0.9, minorKm: 0.6, azimuth: 80, wobble: 0.2 },
  },
]

export interface RedLinePlan {
  key: string
  name: string
  unitShortName: string
  adcode: number
  outline: BlobSpec
}

/** Red-line mountains and hills beyond the reserve, each the heart of a priority unit. */
export const RED_LINES: RedLinePlan[] = [
  {
    key: 'redline:goulou',
    name: '岣嵝峰水源涵养生态保护红线',
    unitShortName: '岣嵝峰',
    adcode: D.hengyangCounty,
    outline: { lon: 112.45, lat: 27.22, majorKm: 5, minorKm: 3.2, azimuth: 30 },
  },
  {
    key: 'redline:hengshan-north',
    name: '衡山县北部山地水源涵养生态保护红线',
    unitShortName: '北部山地',
    adcode: D.hengshan,
    outline: { lon: 112.63, lat: 27.405, majorKm: 4, minorKm: 2.6, azimuth: 80 },
  },
  {
    key: 'redline:siming',
    name: '四明山水源涵养生态保护红线',
    unitShortName: '四明山',
    adcode: D.qidong,
    outline: { lon: 111.82, lat: 27.0, majorKm: 4.5, minorKm: 2.8, azimuth: 135 },
  },
  {
    key: 'redline:hengnan-south',
    name: '衡南县南部丘陵水土保持生态保护红线',
    unitShortName: '南部丘陵',
    adcode: D.hengnan,
    outline: { lon: 112.45, lat: 26.68, majorKm: 5, minorKm: 3, azimuth: 45 },
  },
  {
    key: 'redline:hengdong-east',
    name: '衡东县东部山地水源涵养生态保护红线',
    unitShortName: '东部山地',
    adcode: D.hengdong,
    outline: { lon: 113.17, lat: 27.15, majorKm: 4.5, minorKm: 2.6, azimuth: 0 },
  },
  {
    key: 'redline:cailun',
    name: '蔡伦竹海水土保持生态保护红线',
    unitShortName: '蔡伦竹海',
    adcode: D.leiyang,
    outline: { lon: 113.05, lat: 26.45, majorKm: 4, minorKm: 2.8, azimuth: 20 },
  },
  {
    key: 'redline:leiyang-south',
    name: '耒阳市南部山地水源涵养生态保护红线',
    unitShortName: '南部山地',
    adcode: D.leiyang,
    outline: { lon: 112.8, lat: 26.21, majorKm: 4.5, minorKm: 2.5, azimuth: 95 },
  },
  {
    key: 'redline:tiantang',
    name: '天堂山水源涵养生态保护红线',
    unitShortName: '天堂山',
    adcode: D.changning,
    outline: { lon: 112.45, lat: 26.22, majorKm: 5, minorKm: 3, azimuth: 110 },
  },
]

/** The red line that takes in the reserve's core and buffer zones. */
export const RESERVE_RED_LINE_NAME = '南岳衡山生物多样性维护生态保护红线'

export interface KeyPlacePlan {
  key: string
  adcode: number
  /** The key unit is called district + this + 重点管控单元. */
  unitShortName: string
  at: LonLat
}

/** Built-up areas and industrial clusters outside the parks: the content of key units. */
export const KEY_PLACES: KeyPlacePlan[] = [
  { key: 'urban:zhuhui', adcode: D.zhuhui, unitShortName: '城镇', at: [112.66, 26.905] },
  { key: 'urban:yanfeng', adcode: D.yanfeng, unitShortName: '城镇', at: [112.612, 26.866] },
  { key: 'urban:shigu', adcode: D.shigu, unitShortName: '城镇', at: [112.605, 26.925] },
  { key: 'urban:zhengxiang', adcode: D.zhengxiang, unitShortName: '城镇', at: [112.578, 26.905] },
  { key: 'urban:nanyue', adcode: D.nanyue, unitShortName: '城镇', at: [112.734, 27.24] },
  {
    key: 'urban:hengyang-county',
    adcode: D.hengyangCounty,
    unitShortName: '城镇',
    at: [112.374, 26.966],
  },
  { key: 'urban:hengnan', adcode: D.hengnan, unitShortName: '城镇', at: [112.672, 26.743] },
  {
    key: 'cluster:hengnan',
    adcode: D.hengnan,
    unitShortName: '工业集聚区',
    at: [112.47, 26.78],
  },
  { key: 'urban:hengshan', adcode: D.hengshan, unitShortName: '城镇', at: [112.85, 27.235] },
  { key: 'urban:hengdong', adcode: D.hengdong, unitShortName: '城镇', at: [112.945, 27.087] },
  { key: 'urban:qidong', adcode: D.qidong, unitShortName: '城镇', at: [112.105, 26.79] },
  { key: 'urban:leiyang', adcode: D.leiyang, unitShortName: '城镇', at: [112.842, 26.418] },
  {
    key: 'cluster:leiyang-coal',
    adcode: D.leiyang,
    unitShortName: '煤炭开采',
    at: [112.75, 26.3],
  },
  { key: 'urban:changning', adcode: D.changning, unitShortName: '城镇', at: [112.391, 26.41] },
]

/** The central urban area, a no-raising zone of its own. */
export const CITY_CENTRE: BlobSpec = {
  lon: 112.612,
  lat: 26.905,
  majorKm: 6.5,
  minorKm: 4.5,
  azimuth: 15,
  wobble: 0.08,
}

export interface SpacePlan {
  name: string
  outline: BlobSpec
}

export const ECOLOGICAL_SPACES: SpacePlan[] = [
  {
    name: '衡阳县西北部丘陵一般生态空间',
    outline: { lon: 112.15, lat: 27.1, majorKm: 6, minorKm: 3.5, azimuth: 60 },
  },
  {
    name: '常宁市西部丘陵一般生态空间',
    outline: { lon: 112.25, lat: 26.35, majorKm: 5, minorKm: 3, azimuth: 10 },
  },
  {
    name: '耒阳市东部林地一般生态空间',
    outline: { lon: 113.08, lat: 26.3, majorKm: 5, minorKm: 3.5, azimuth: 150 },
  },
  {
    name: '衡东县北部林地一般生态空间',
    outline: { lon: 113.05, lat: 27.25, majorKm: 5, minorKm: 3, azimuth: 40 },
  },
]

/** The Xiang's banks north of the city, kept as ecological space this far either side. */
export const XIANG_BANK_SPACE = { name: '湘江衡山衡东段滨河一般生态空间', halfWidthM: 300 }

/**
 * Waypoints of the drawn river stretches. The Xiang's other stretches are district
 * boundaries; the one drawn here crosses Hengnan, from the Changning border (after the
 * Xiang has formed it) to the point where Zhuhui, Yanfeng and Hengnan meet.
 */
export const XIANG_THROUGH_HENGNAN: LonLat[] = [
  [112.668, 26.63],
  [112.663, 26.69],
  [112.652, 26.725],
  [112.632, 26.742],
  [112.61, 26.752],
  [112.595, 26.762],
]

/** The Zhengshui from the county's western hills past Xidu to the Yanfeng–Shigu boundary. */
export const ZHENGSHUI: LonLat[] = [
  [112.09, 27.015],
  [112.13, 26.995],
  [112.17, 27.005],
  [112.22, 26.99],
  [112.26, 26.975],
  [112.3, 26.984],
  [112.34, 26.972],
  [112.374, 26.961],
  [112.4, 26.966],
  [112.43, 26.956],
  [112.46, 26.95],
  [112.48, 26.938],
  [112.5, 26.935],
  [112.52, 26.925],
  [112.545, 26.922],
  [112.56, 26.912],
]

/** The Leishui from the south of Leiyang north to the Xiang east of the centre. */
export const LEISHUI: LonLat[] = [
  [112.9, 26.19],
  [112.89, 26.24],
  [112.905, 26.28],
  [112.885, 26.31],
  [112.87, 26.36],
  [112.862, 26.4],
  [112.85, 26.45],
  [112.845, 26.49],
  [112.83, 26.52],
  [112.81, 26.55],
  [112.8, 26.58],
  [112.78, 26.62],
  [112.765, 26.65],
  [112.745, 26.69],
  [112.735, 26.72],
  [112.72, 26.76],
  [112.71, 26.79],
  [112.685, 26.835],
]

export type FacilityPlan =
  | { kind: 'outfall'; name: string; river: RiverName; near: LonLat }
  | { kind: 'farm'; name: string; at: LonLat }

/** Outfalls are put on the river next to `near`; intakes come from the water sources. */
export const FACILITIES: FacilityPlan[] = [
  {
    kind: 'outfall',
    name: '衡阳松木经济开发区污水处理厂入河排污口',
    river: '湘江',
    near: [112.64, 26.985],
  },
  {
    kind: 'outfall',
    name: '衡阳白沙洲工业园区污水处理厂入河排污口',
    river: '湘江',
    near: [112.64, 26.85],
  },
  {
    kind: 'outfall',
    name: '衡阳市中心城区污水处理厂入河排污口',
    river: '湘江',
    near: [112.64, 26.93],
  },
  {
    kind: 'outfall',
    name: '衡山县城区污水处理厂入河排污口',
    river: '湘江',
    near: [112.88, 27.28],
  },
  {
    kind: 'outfall',
    name: '耒阳市城区污水处理厂入河排污口',
    river: '耒水',
    near: [112.84, 26.5],
  },
  // Inside the Hengnan water source's level-2 zone: the kind of lead supervision looks for.
  { kind: 'farm', name: '衡南县云集镇生猪养殖场', at: [112.668, 26.672] },
  { kind: 'farm', name: '衡阳县渣江镇生猪养殖场', at: [112.24, 27.02] },
  { kind: 'farm', name: '祁东县蛋鸡养殖场', at: [111.95, 26.85] },
  { kind: 'farm', name: '耒阳市生猪养殖场', at: [112.95, 26.55] },
  { kind: 'farm', name: '常宁市肉牛养殖场', at: [112.3, 26.48] },
]
