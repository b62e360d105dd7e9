import type { FacilityKind, LayerName, UnitClass } from '../zoning/zoning-terms.ts'

/** How an area layer is drawn; the legend draws its swatch from the same values. */
export interface AreaLook {
  fill: string
  fillOpacity: number
  outline: string
  outlineWidth: number
  /** Dash pattern in multiples of the line width, as maplibre's line-dasharray. */
  outlineDash?: number[]
  /** The nearest CSS border style, for the legend swatch. */
  legendBorder: 'solid' | 'dashed' | 'dotted'
}

export interface LineLook {
  colour: string
  width: number
  dash?: number[]
  legendBorder: 'solid' | 'dashed' | 'dotted'
}

export interface PointLook {
  colour: string
  radius: number
}

export const background = '#f3f1ea'
export const highlight = '#111827'

/**
 * Unit classes differ in outline as well as in fill, so that they stay apart for readers who
 * do not tell the colours apart: a heavy solid line, a dashed line and a hairline.
 */
export const classLooks: Record<UnitClass, AreaLook> = {
  priority: {
    fill: '#3d8b40',
    fillOpacity: 0.45,
    outline: '#1b5e20',
    outlineWidth: 2.2,
    legendBorder: 'solid',
  },
  key: {
    fill: '#e8743b',
    fillOpacity: 0.5,
    outline: '#9a3412',
    outlineWidth: 1.6,
    outlineDash: [3, 1.5],
    legendBorder: 'dashed',
  },
  general: {
    fill: '#e9d36c',
    fillOpacity: 0.45,
    outline: '#7c6d24',
    outlineWidth: 0.8,
    legendBorder: 'solid',
  },
}

export type OverlayName =
  | 'water_source_zones'
  | 'nature_reserve_zones'
  | 'ecological_red_line'
  | 'ecological_space'
  | 'industrial_parks'
  | 'no_raising_zones'

export const overlayLooks: Record<OverlayName, AreaLook> = {
  water_source_zones: {
    fill: '#1f6fd1',
    fillOpacity: 0.35,
    outline: '#0d47a1',
    outlineWidth: 1.2,
    legendBorder: 'solid',
  },
  nature_reserve_zones: {
    fill: '#0f766e',
    fillOpacity: 0.35,
    outline: '#064e47',
    outlineWidth: 1.4,
    outlineDash: [1, 1.5],
    legendBorder: 'dotted',
  },
  ecological_red_line: {
    fill: '#c62828',
    fillOpacity: 0.12,
    outline: '#c62828',
    outlineWidth: 2.4,
    legendBorder: 'solid',
  },
  ecological_space: {
    fill: '#7cb342',
    fillOpacity: 0.25,
    outline: '#4d7c0f',
    outlineWidth: 0.9,
    outlineDash: [2, 2],
    legendBorder: 'dashed',
  },
  industrial_parks: {
    fill: '#7b3fa0',
    fillOpacity: 0.35,
    outline: '#4a148c',
    outlineWidth: 1.6,
    legendBorder: 'solid',
  },
  no_raising_zones: {
    fill: '#8d6e63',
    fillOpacity: 0.3,
    outline: '#4e342e',
    outlineWidth: 1,
    outlineDash: [4, 2],
    legendBorder: 'dashed',
  },
}

export const districtLook: LineLook = {
  colour: '#37474f',
  width: 1.4,
  dash: [6, 2, 1, 2],
  legendBorder: 'dashed',
}

export const riverLook: LineLook = { colour: '#2b7bd6', width: 2, legendBorder: 'solid' }

export const facilityLooks: Record<FacilityKind, PointLook> = {
  outfall: { colour: '#b71c1c', radius: 4.5 },
  farm: { colour: '#6d4c41', radius: 4.5 },
  intake: { colour: '#0277bd', radius: 4.5 },
}

/** Layers shown when the page opens; the rest wait behind their check boxes. */
export const initiallyVisible: Record<LayerName, boolean> = {
  control_units: true,
  ecological_space: false,
  no_raising_zones: false,
  industrial_parks: true,
  water_source_zones: true,
  nature_reserve_zones: true,
  ecological_red_line: true,
  districts: true,
  rivers: true,
  facilities: true,
}

/** A colour with an opacity, as CSS and maplibre both read it. */
export function withOpacity(hex: string, opacity: number): string {
  const value = Number.parseInt(hex.slice(1), 16)
  const red = (value >> 16) & 0xff
  const green = (value >> 8) & 0xff
  const blue = value & 0xff

  // Rounded, so that a share of an opacity reads 0.245 rather than 0.24499999999999997.
  return `rgba(${red}, ${green}, ${blue}, ${Math.round(opacity * 1000) / 1000})`
}

/** CSS custom properties that draw a legend swatch for an area. */
export function areaSwatch(look: AreaLook): Record<string, string> {
  return {
    '--swatch-fill': withOpacity(look.fill, look.fillOpacity),
    '--swatch-outline': look.outline,
    '--swatch-outline-width': `${Math.max(1, Math.round(look.outlineWidth))}px`,
    '--swatch-outline-style': look.legendBorder,
  }
}

/** CSS custom properties that draw a legend swatch for a line. */
export function lineSwatch(look: LineLook): Record<string, string> {
  return {
    '--swatch-outline': look.colour,
    '--swatch-outline-width': `${Math.max(1, Math.round(look.width))}px`,
    '--swatch-outline-style': look.legendBorder,
  }
}

/** CSS custom properties that draw a legend swatch for a point. */
export function pointSwatch(look: PointLook): Record<string, string> {
  return { '--swatch-fill': look.colour }
}
