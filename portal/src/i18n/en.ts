import type { Strings } from './strings.ts'

/** A count and its noun: English inflects where Chinese needs no plural. */
const counted = (count: string, one: string, many: string) =>
  `${count} ${count === '1' ? one : many}`

export const en: Strings = {
  lang: 'en',
  siteName: 'Hengyang Environmental Zoning Control',
  skipToContent: 'Skip to main content',
  nav: {
    label: 'Main navigation',
    map: 'Zoning map',
    precheck: 'Site pre-check',
    report: 'Report pollution',
    track: 'Track a report',
    about: 'About the data',
  },
  notFound: {
    title: 'Page not found',
    heading: 'This page cannot be found',
    body:
      'The address may be wrong, or the page may have moved. You can go back to the zoning map ' +
      'to look up the control unit and access rules of any place.',
    back: 'Back to the zoning map',
  },
  footer: {
    notice: 'Sample data for demonstration only, not the official zoning results',
    contact: 'To report pollution, call the 12369 environmental hotline',
  },

  unitClass: {
    priority: 'Priority protection unit',
    key: 'Key control unit',
    general: 'General control unit',
  },
  unitClassOutline: {
    priority: 'Thick solid outline',
    key: 'Dashed outline',
    general: 'Thin solid outline',
  },
  dimension: {
    spatial_layout: 'Spatial layout constraints',
    emission_control: 'Pollutant emission control',
    risk_prevention: 'Environmental risk prevention',
    resource_efficiency: 'Resource use efficiency',
  },
  effect: {
    forbid: 'Forbidden',
    restrict: 'Restricted',
    condition: 'Conditional',
    encourage: 'Encouraged',
  },
  layer: {
    districts: 'Districts and counties',
    control_units: 'Environmental control units',
    water_source_zones: 'Drinking-water source protection zones',
    nature_reserve_zones: 'Nature reserves',
    ecological_red_line: 'Ecological protection red line',
    ecological_space: 'General ecological space',
    industrial_parks: 'Industrial parks',
    no_raising_zones: 'Livestock no-raising and restricted-raising zones',
    rivers: 'Rivers',
    facilities: 'Sewage outfalls, livestock farms and water intakes',
  },
  waterSourceLevel: {
    level1: 'Level 1 protection zone',
    level2: 'Level 2 protection zone',
    quasi: 'Quasi-protection zone',
  },
  reserveZone: { core: 'Core zone', buffer: 'Buffer zone', experimental: 'Experimental zone' },
  noRaisingKind: { no_raising: 'No-raising zone', restricted: 'Restricted-raising zone' },
  facilityKind: {
    outfall: 'Sewage outfall into a river',
    farm: 'Livestock farm',
    intake: 'Water intake',
  },
  parkLevel: { national: 'National', provincial: 'Provincial' },
  crs: {
    'EPSG:4326': 'WGS84 / CGCS2000 (GPS longitude and latitude)',
    gcj02: 'GCJ-02 (the offset datum of Chinese map apps such as Amap and Tencent Maps)',
    bd09: 'BD-09 (the further offset datum of Baidu Maps)',
  },

  map: {
    pageTitle: 'Zoning map',
    heading: 'Map of the environmental control units of Hengyang',
    intro:
      'Click anywhere on the map, or enter a longitude and latitude, to find the environmental ' +
      'control unit the place is in, the control zones overlaid there and the access rules ' +
      'that apply.',
    label: 'Map of environmental control units',
    queryCentre: 'Look up the map centre',
    loading: 'Loading the map…',
    failed:
      'The map data could not be loaded; please refresh the page later. You can still look up ' +
      'a place with the longitude and latitude form.',
    noWebgl:
      'This browser cannot show the map (it needs WebGL). You can still look up a place with ' +
      'the longitude and latitude form.',
    noScript:
      'The map needs JavaScript. Without it you can still use the longitude and latitude form; ' +
      'the result is shown as JSON.',
    controls: {
      'Map.Title': 'Map of environmental control units',
      'NavigationControl.ZoomIn': 'Zoom in',
      'NavigationControl.ZoomOut': 'Zoom out',
      'NavigationControl.ResetBearing': 'Turn the map back to north up',
      'AttributionControl.ToggleAttribution': 'Show or hide the data credits',
      'ScaleControl.Meters': 'm',
      'ScaleControl.Kilometers': 'km',
    },
  },
  legend: {
    unitsHeading: 'Classes of environmental control unit',
    facilitiesHeading: 'Kinds of point',
  },
  toggles: {
    heading: 'Layers',
    hint: 'Tick a layer to show it on the map.',
  },
  locate: {
    button: 'Use my location',
    locating: 'Finding your location…',
    located: (lon, lat, accuracyM) =>
      `Location from your browser: longitude ${lon}, latitude ${lat} ` +
      `(WGS84, accurate to about ${accuracyM} m).`,
    failed:
      'Your location could not be found: the browser refused or failed to give it. Please ' +
      'click on the map or enter a longitude and latitude.',
    unsupported:
      'This browser cannot give your location; please click on the map or enter a longitude ' +
      'and latitude.',
    insecure:
      'Browsers give your location only to pages served over HTTPS, and this one is not. ' +
      'Please click on the map or enter a longitude and latitude.',
  },
  lookupForm: {
    heading: 'Look up by longitude and latitude',
    lon: 'Longitude',
    lat: 'Latitude',
    crs: 'Coordinate system',
    submit: 'Look up',
    hint: 'Longitude about 110.5 to 113.6, latitude about 25.9 to 27.6 (the extent of Hengyang).',
    pasteHint: 'You can paste “longitude, latitude” as one into the longitude box.',
    noScript: 'Without JavaScript, the result is shown as JSON.',
    locateNote:
      'Your browser’s location is in WGS84 and can be looked up as it is. Coordinates copied ' +
      'from Chinese phone map apps such as Amap or Tencent Maps are in GCJ-02, an offset datum: ' +
      'paste them into the form above and choose that coordinate system. Near a unit boundary, ' +
      'the wrong coordinate system finds the neighbouring unit.',
  },
  panel: {
    heading: 'Result',
    empty:
      'Click a place on the map, or use the “Look up the map centre” button or the longitude ' +
      'and latitude form below, to start.',
    loading: 'Looking up…',
    location: (lon, lat) => `${lon}° E, ${lat}° N (WGS84)`,
    unitHeading: 'Environmental control unit',
    unitCode: 'Unit code',
    unitClass: 'Control class',
    district: 'District or county',
    area: 'Area',
    areaValue: (km2) => `${km2} km²`,
    zonesHeading: 'Control zones overlaid here',
    noZones: 'This place is in no other control zone.',
    rulesHeading: 'Access rules that apply',
    noRules: 'No access rules apply here at present.',
    noRulesInDimension: 'None at present.',
    legalBasis: 'Legal basis',
    ruleCode: 'Rule',
    industries: 'Industries',
    withinZone: (zone) => `Applies within: ${zone}`,
    withinDistance: (what, withinM, distanceM) =>
      distanceM === undefined
        ? `Applies within ${withinM} m of “${what}”`
        : `Applies within ${withinM} m of “${what}” (this place is about ${distanceM} m away)`,
    relatedZone: 'Related zone',
    outside: 'This place is outside the area this dataset covers.',
    serverSays: 'The server says:',
    errorNetwork: 'The server cannot be reached; please check your connection and try again.',
    errorServer: 'The server cannot complete the lookup just now; please try again later.',
    errorRequest: 'The lookup is not valid.',
    errorRequestField: (field) => `The lookup is not valid. Please check “${field}”.`,
  },
  dataset: {
    version: (version) => `Data version ${version}`,
    noticeHeading: 'About the data',
    shows: (name, version) => `This site shows ${name}, data version ${version}.`,
    boundarySource: 'Administrative boundaries',
    datumNote: 'Coordinates',
  },

  units: {
    pageTitle: 'Environmental control unit',
    heading: 'Environmental control unit',
    intro:
      'An environmental control unit’s class, district, area and extent, the control zones ' +
      'overlaid in it, and the access list that applies there.',
    loading: 'Reading the unit…',
    noScript:
      'Unit pages need JavaScript. Without it, open /api/units/ followed by the unit code ' +
      'to see the same unit as JSON.',
    invalid: (code) => ({
      heading: 'Malformed unit code',
      paragraphs: [
        `“${code}” is not an environmental control unit code. A unit code is ZH followed by ` +
          '11 digits; please check the page address.',
      ],
    }),
    notFound: (code) => ({
      heading: 'Unit not found',
      paragraphs: [
        `The current data has no environmental control unit with the code ${code}; ` +
          'it may have changed in a data update.',
      ],
    }),
    failedHeading: 'The unit cannot be read',
    errorNetwork:
      'The server cannot be reached; please check your connection and refresh the page.',
    errorServer: 'The server cannot read the unit just now; please refresh the page later.',
    backToMap: 'Back to the zoning map',
    cardLink: 'Unit details',

    factsHeading: 'Unit overview',
    code: 'Unit code',
    unitClass: 'Control class',
    district: 'District or county',
    area: 'Area',
    areaValue: (km2) => `${km2} km²`,
    areaNote: 'The area is measured on the WGS84 ellipsoid.',

    mapHeading: 'Extent of the unit',
    mapLabel: (name) => `Map of the extent of ${name}`,
    mapUnit: 'This unit',
    mapOtherUnits: 'Other units (faded)',
    mapFailed: 'The map data could not be loaded; please refresh the page later.',
    mapNoWebgl: 'This browser cannot show the map (it needs WebGL).',
    mapGestures: {
      'CooperativeGesturesHandler.WindowsHelpText': 'Hold down Ctrl and scroll to zoom the map',
      'CooperativeGesturesHandler.MacHelpText': 'Hold down ⌘ and scroll to zoom the map',
      'CooperativeGesturesHandler.MobileHelpText': 'Move the map with two fingers',
    },

    zonesHeading: 'Control zones in the unit',
    zonesIntro:
      'The overlay control zones that overlap this unit, with the area of each overlap and its ' +
      'share of the unit’s area.',
    zoneLayer: 'Kind',
    zoneName: 'Name',
    zoneGrade: 'Level or zone',
    zoneArea: 'Overlap area',
    zoneShare: 'Share of the unit',
    areaM2: (m2) => `${m2} m²`,
    noZones: 'No control zones overlay this unit.',

    rulesHeading: 'Access list',
    rulesIntro:
      'The access rules that apply in all or part of this unit, under the four dimensions. ' +
      'A rule with a stated scope applies only in that part of the unit.',
    noRules: 'No access rules apply in this unit at present.',
    noRulesInDimension: 'None at present.',
    scopeUnit: 'Applies to: the whole unit',
    scopeClass: (unitClass) => `Applies to: every unit of its class (${unitClass})`,
    scopeZone: (zone) => `Applies to: ${zone}, within the unit`,
    scopeDistance: (what, withinM, distanceM) =>
      `Applies to: the part within ${withinM} m of “${what}” ` +
      `(the unit’s boundary comes within about ${distanceM} m of it)`,
    scopeCrossing: (what, withinM) =>
      `Applies to: the part of the unit within ${withinM} m of “${what}”`,

    search: {
      heading: 'Find a unit, park or district',
      label: 'Unit code or name, park name, or district or county name',
      hint:
        'For example ZH43040720001, 松木 (Songmu) or 衡南县 (Hengnan County); ' +
        'names are searched as written in Chinese.',
      submit: 'Find',
      noScript: 'Without JavaScript, the results are shown as JSON.',
      listLabel: 'Results',
      searching: 'Searching…',
      found: (count, more) =>
        more
          ? `More than ${count} results found; type more to narrow the search.`
          : `${counted(count, 'result', 'results')} found.`,
      none: (text) => `No unit, park or district matches “${text}”.`,
      failed: 'The search failed; please try again later.',
      kinds: { unit: 'Control unit', park: 'Industrial park', district: 'District or county' },
      shownUnit: (name, code) => `${name} (${code}) is shown on the map and in the result.`,
      shownPlace: (name) => `The map is zoomed to ${name}.`,
      noMap: (name) => `The map cannot be shown, so it could not be zoomed to ${name}.`,
      unitPage: 'Open the unit page',
    },
  },

  check: {
    pageTitle: 'Environmental access pre-check report',
    heading: 'Environmental access pre-check report',
    intro:
      'This report records one environmental access pre-check: the environmental control units ' +
      'and control zones the site touches, the access rules that apply, and the verdict. ' +
      'It shows the answer stored at the time of the check, which later data updates do not ' +
      'change.',
    loading: 'Reading the pre-check record…',
    noScript:
      'The report needs JavaScript. Without it, open /api/admission-check/ followed by the ' +
      'check ID to see the same record as JSON.',
    print: 'Print the report',
    printHint: 'Print it, or save it as PDF, on A4 paper.',
    missing: {
      heading: 'Check ID missing',
      paragraphs: [
        'The report address should carry a check ID, as in /en/check/?id= followed by the ' +
          'check ID.',
        'After a pre-check is submitted (POST /api/admission-check), the id in the answer is ' +
          'the check ID; put it into the address above to open the report of that check.',
      ],
    },
    invalid: (id) => ({
      heading: 'Malformed check ID',
      paragraphs: [
        `“${id}” is not a check ID. A check ID is 22 letters, digits, “-” or “_”; ` +
          'please check the report address.',
      ],
    }),
    notFound: (id) => ({
      heading: 'Check not found',
      paragraphs: [
        `There is no pre-check record with the ID ${id}. Please check that the report address ` +
          'is complete; IDs are case-sensitive.',
      ],
    }),
    failedHeading: 'The pre-check record cannot be read',
    errorNetwork:
      'The server cannot be reached; please check your connection and refresh the page.',
    errorServer:
      'The server cannot read the pre-check record just now; please refresh the page later.',

    summaryHeading: 'Overview of the check',
    checkId: 'Check ID',
    checkedAt: 'Checked at',
    checkedAtValue: (local) => `${local} (Beijing time, UTC+8)`,
    industry: 'Industry (GB/T 4754-2017)',
    projectKind: 'Kind of project',
    projectKinds: {
      new: 'New construction',
      expansion: 'Expansion',
      renovation: 'Renovation',
      relocation: 'Relocation',
    },

    verdictHeading: 'Verdict',
    verdict: {
      forbidden: 'Forbidden',
      conditional: 'Allowed with conditions',
      consistent: 'Consistent with the access rules',
    },
    verdictSummary: {
      forbidden:
        'At this site, the project breaks a prohibition among the access rules that apply.',
      conditional:
        'The project must meet the restrictions or conditions below, or it must be confirmed ' +
        'that it is not in a forbidden industry.',
      consistent:
        'No access rule was found that forbids or restricts this project or sets conditions ' +
        'for it.',
    },
    reasonsHeading: 'Reasons',
    reasonForbid: (code, text) => `Rule ${code} forbids this project here: ${text}`,
    reasonMayForbid: (code, industries) =>
      `Rule ${code} forbids projects in ${industries}: it must be confirmed that this project ` +
      'is not in these industries.',
    reasonRestrict: (code, text) => `Rule ${code} restricts this project: ${text}`,
    reasonCondition: (code, text) => `Rule ${code} sets conditions for this project: ${text}`,
    reasonConsistent:
      'None of the access rules that apply here forbids or restricts this project or sets ' +
      'conditions for it.',
    reasonRelocationAsNew:
      'A relocation is assessed as new construction at the site it moves to, so the rules on ' +
      'new projects apply to it.',
    recordedReasons: 'Reasons as worded in the check record',

    siteHeading: 'Site',
    siteFormat: 'Submitted as',
    siteFormats: {
      geojson: 'GeoJSON',
      wkt: 'WKT',
      kml: 'KML',
      'boundary-points': 'Boundary-point coordinates (from a land survey)',
      'coordinate-list': 'List of longitudes and latitudes',
      shapefile: 'Shapefile',
    },
    siteFile: (format, file) => `${format} (file ${file})`,
    siteCrs: 'Coordinate system',
    siteConversion: 'Coordinate conversion',
    noConversion: 'None needed',
    conversionValue: (from, boundM) =>
      `Converted from ${from} to WGS84 longitude and latitude; the conversion shifts positions ` +
      `by at most ${boundM} m`,
    siteRepairs: 'Repairs',
    noRepairs: 'None',
    repairKinds: {
      'closed-ring': 'Closed a boundary that was left open',
      'made-valid': 'Repaired a boundary that crossed itself',
      'merged-parts': 'Merged overlapping or adjoining parcels',
    },
    siteNotes: 'Notes',
    siteArea: 'Area',
    siteLength: 'Length',
    siteSize: 'Size',
    areaValue: (m2, hectares) => `${m2} m² (${hectares} ha)`,
    lengthValue: (m) => `${m} m`,
    pointSite: 'Point',
    siteVertices: 'Vertices',
    siteExtent: 'Extent',
    extentValue: (west, south, east, north) =>
      `Longitude ${west}° to ${east}° E, latitude ${south}° to ${north}° N (WGS84)`,

    mapHeading: 'Site map',
    mapLabel: 'Map of the site and the environmental control units',
    mapSite: 'Site (thick black outline, grey fill)',
    mapExtent: (km) => `The map is about ${km} km wide, with north at the top.`,
    mapFailed:
      'The site map could not be loaded. The site is described under “Site”, and the units ' +
      'and zones it touches are in the tables below.',
    mapNoWebgl:
      'This browser cannot show the site map (it needs WebGL). The units and zones the site ' +
      'touches are in the tables below.',

    unitsHeading: 'Environmental control units the site touches',
    unit: 'Unit code and name',
    unitClass: 'Control class',
    overlapArea: 'Overlap area (m²)',
    overlapLength: 'Overlap length (m)',
    share: 'Share of the site',
    pointShare: 'Contains the point',
    district: (name) => `District or county: ${name}`,
    noUnits: 'The site is in no environmental control unit.',

    zonesHeading: 'Control zones the site touches',
    zone: 'Zone name and kind',
    noZones:
      'The site is in no control zone such as a drinking-water source protection zone, ' +
      'a nature reserve or the ecological protection red line.',

    nearbyHeading: 'Sensitive zones nearby',
    nearbyIntro: (withinM) =>
      `Sensitive zones within ${withinM} m of the site that the site is not in, nearest first; ` +
      'each distance is from the nearest point of the site.',
    distance: 'Distance (m)',
    bordering: 'adjoining',
    noNearby: (withinM) => `There are no other sensitive zones within ${withinM} m of the site.`,
    nearbyTruncated: (count) =>
      `Many sensitive zones lie within range; only the nearest ${count} are listed here.`,

    rulesHeading: 'Access rules that apply',
    rulesIntro:
      'Listed under the four dimensions of the ecological environment access list; within each ' +
      'dimension, prohibitions come first.',
    noRules: 'No access rules apply to this project here.',
    noRulesInDimension: 'None at present.',
    ruleCode: 'Rule',
    legalBasis: 'Legal basis',
    industries: 'Industries',
    allIndustries: 'All industries',
    projectKindsOfRule: 'Kinds of project',
    allProjectKinds: 'All kinds',
    trigger: 'Why it applies',
    match: 'How it applies',
    mayApply:
      'May apply: the rule names narrower industry classes; check whether this project is ' +
      'in one of them',
    triggerUnit: (code, name) =>
      `The site lies in environmental control unit ${code}${name ? ` (${name})` : ''}`,
    triggerClass: (unitClass, code) => `The site lies in ${code} (${unitClass})`,
    triggerZone: (zone) => `The site lies in: ${zone}`,
    triggerDistance: (what, withinM, distanceM) =>
      `The site is less than ${withinM} m from “${what}” (about ${distanceM} m at the nearest)`,

    recordHeading: 'Data and record',
    recordIntro:
      'These details let you check the data behind this report: a layer’s version goes up ' +
      'each time it is imported again, and the access list digest changes whenever the list ' +
      'is edited.',
    dataset: 'Dataset',
    datasetValue: (name, version) => `${name} (version ${version})`,
    illustrative: 'Sample data',
    versionsCaption: 'Data version of each layer',
    layerColumn: 'Layer',
    versionColumn: 'Version',
    accessList: 'Access list',
    accessListValue: (rules) => `${counted(rules, 'rule', 'rules')} in all`,
    accessListDigest: 'Access list digest (SHA-256)',
    inputDigest: 'Digest of the check’s input (SHA-256)',
    measurement: 'How measured',
    measurementText:
      'Areas, lengths and distances are all measured on the WGS84 ellipsoid (PostGIS geography).',

    noticeHeading: 'Sample data notice',
    printFooter: (url, id) => `Report address: ${url} · Check ID: ${id}`,
  },

  precheck: {
    pageTitle: 'Site pre-check',
    heading: 'Environmental access pre-check for construction projects',
    intro:
      'Draw the project site on the map or upload a site file, then choose the industry and the ' +
      'kind of project, to see the environmental control units and control zones the site ' +
      'touches, the access rules that apply and the pre-check verdict.',
    noScript:
      'Without JavaScript you cannot draw on the map or search for an industry: upload a site ' +
      'file or enter WKT, type the industry code into the industry box (for example C2614), ' +
      'and the result is shown as JSON once you submit.',
    mapNoScript:
      'Drawing the site on the map needs JavaScript; you can still upload a site file or enter ' +
      'WKT below.',
    formHeading: 'Pre-check details',

    siteLegend: '1. Project site',
    siteModeLegend: 'How to give the site',
    siteModes: { draw: 'Draw on the map', file: 'Upload a file', text: 'Enter coordinates' },
    drawKindLegend: 'What to draw',
    drawKinds: {
      polygon: 'Area (the land of the site)',
      line: 'Line (a pipeline or road)',
      point: 'Point',
    },
    drawHint: {
      polygon:
        'Click each corner of the site boundary on the map in turn; click the first corner ' +
        'again or press “Finish drawing” to end.',
      line:
        'Click each point along the route on the map in turn; click the last point again or ' +
        'press “Finish drawing” to end.',
      point: 'Click where the project is on the map.',
    },
    drawKeyboardHint:
      'With a keyboard: focus the map, move it with the arrow keys and zoom with plus and ' +
      'minus, then press “Add a corner at the map centre” for each corner; or switch to ' +
      '“Enter coordinates”.',
    drawFinish: 'Finish drawing',
    drawUndo: 'Undo the last point',
    drawClear: 'Clear',
    drawCentre: 'Add a corner at the map centre',
    drawEmpty: (kind) => `${kind}: nothing drawn yet.`,
    drawProgress: (kind, count, needed) =>
      `${kind}: ${counted(count, 'point', 'points')} so far; at least ${needed} needed.`,
    drawReady: (kind, count) =>
      `${kind}: ${counted(count, 'point', 'points')}; the drawing can be finished.`,
    drawFinished: (kind, count) =>
      `${kind}: drawing finished, ${counted(count, 'point', 'points')}.`,
    fileLabel: 'Site file',
    fileHint:
      'GeoJSON, KML or KMZ, a zipped Shapefile (with .shp and .prj), WKT, or a text file of ' +
      'boundary-point coordinates (界址点, as land survey documents list them); at most 5 MB.',
    fileChosen: (name, size) => `${name} chosen (${size} KB)`,
    textLabel: 'Coordinates, WKT or GeoJSON',
    textHint:
      'One “longitude, latitude” pair per line (semicolons also separate pairs); three or more ' +
      'pairs are read as the land of the site. You can also paste WKT, GeoJSON, KML or ' +
      'boundary-point coordinates (where X is the northing and Y the easting).',
    textExample: '112.080, 27.020\n112.145, 27.020\n112.145, 27.030\n112.080, 27.030',
    textNoScript: {
      label: 'Site as WKT',
      hint:
        'Without JavaScript this box takes WKT only, longitude before latitude. Lines of ' +
        '“longitude, latitude” need JavaScript; GeoJSON, KML or boundary points can be saved ' +
        'as a file and uploaded above.',
      example:
        'POLYGON ((112.080 27.020, 112.145 27.020, 112.145 27.030, 112.080 27.030, ' +
        '112.080 27.020))',
    },
    crsLabel: 'Coordinate system',
    crsHint:
      'With “Automatic”, longitude and latitude are read as WGS84; a file that names its ' +
      'coordinate system (such as a Shapefile’s .prj, or the zone number in a boundary-point ' +
      'file) is read in that system. For coordinates taken from a Chinese phone map app, ' +
      'choose GCJ-02 or BD-09.',
    crsChoices: {
      auto: 'Automatic (default)',
      'EPSG:4490': 'CGCS2000 longitude and latitude (EPSG:4490)',
      gcj02: 'GCJ-02 (the offset datum of Chinese map apps such as Amap and Tencent Maps)',
      bd09: 'BD-09 (the further offset datum of Baidu Maps)',
      'gauss-kruger': 'CGCS2000 Gauss-Krüger projection (enter the code)',
    },
    gaussKrugerLabel: 'Gauss-Krüger coordinate system code',
    gaussKrugerHint:
      'Hengyang spans zones 37 and 38 of the 3-degree zones, divided at 112.5° E. If the ' +
      'eastings carry the zone number in front, enter EPSG:4525 or 4526; if they do not, ' +
      'enter EPSG:4546 or 4547.',
    gaussKrugerCodes: [
      { term: 'EPSG:4525', detail: '3-degree zone 37, eastings with the zone number' },
      { term: 'EPSG:4526', detail: '3-degree zone 38, eastings with the zone number' },
      {
        term: 'EPSG:4546',
        detail: '3-degree zone 37 (central meridian 111°), eastings without the zone number',
      },
      {
        term: 'EPSG:4547',
        detail: '3-degree zone 38 (central meridian 114°), eastings without the zone number',
      },
    ],

    industryLabel:
      '2. Industry (Industrial Classification for National Economic Activities, GB/T 4754-2017)',
    industryHint:
      'Type an industry name or code, such as “chemical” or “2614”, choose from the list with ' +
      'the up and down arrow keys, and press Enter.',
    industryListLabel: 'Matching industries',
    industrySearching: 'Searching the industries…',
    industryFound: (count, more) =>
      more
        ? `More than ${count} found; type a more specific name or code.`
        : `${counted(count, 'industry', 'industries')} found.`,
    industryNone: (text) => `No industry has “${text}” in its name or code.`,
    industryFailed: 'Industries cannot be searched just now; you can type the industry code.',
    industryChosen: (code, name, level) => `Chosen: ${code} ${name} (${level})`,
    industryLevels: { section: 'Section', division: 'Division', group: 'Group', class: 'Class' },

    projectKindLegend: '3. Kind of project',
    submit: 'Start the pre-check',

    errorSummary: 'Please correct the following and submit again:',
    notSentSummary: 'The pre-check was not made:',
    errorDetail: 'The server says:',
    problems: {
      'industry-missing':
        'Please choose an industry: type a name or code and pick it from the list.',
      'draw-empty': 'Please draw the site on the map first.',
      'draw-unfinished': 'The site is not finished yet: please add more corners.',
      'file-missing': 'Please choose a site file.',
      'file-too-large': 'The file is larger than 5 MB; please make it smaller and upload it again.',
      'text-missing': 'Please enter the site’s coordinates, WKT or GeoJSON.',
      'text-unrecognised':
        'The text cannot be read: enter one “longitude, latitude” pair per line, or WKT, ' +
        'GeoJSON, KML or boundary-point coordinates.',
      'gauss-kruger-missing':
        'Please enter the Gauss-Krüger coordinate system code, for example EPSG:4526.',
    },
    errors: {
      PARAMETER_MISSING: 'This is missing.',
      INDUSTRY_INVALID:
        'The industry code is malformed: it should be a section letter and 2 to 4 digits, ' +
        'for example C2614. Please choose from the list.',
      INDUSTRY_UNKNOWN: 'This code is not in the industry catalogue; please choose from the list.',
      PROJECT_KIND_INVALID: 'Please choose the kind of project.',
      CRS_UNSUPPORTED: 'This coordinate system is not supported.',
      CRS_REQUIRED:
        'These are projected coordinates in metres: under “Coordinate system”, choose the ' +
        'Gauss-Krüger projection and enter its code.',
      CRS_CONFLICT: 'The chosen coordinate system differs from the one named in the file.',
      ZONE_CONFLICT:
        'The projection zone of the chosen coordinate system differs from the zone number ' +
        'named in the file.',
      ZONE_REQUIRED:
        'The Gauss-Krüger zone of the coordinates cannot be told; please enter the coordinate ' +
        'system code.',
      COORDINATES_SWAPPED:
        'The coordinates seem to be in the wrong order: longitude should come before latitude, ' +
        'and for boundary points X before Y.',
      SITE_TOO_COMPLEX: 'The site has too many corners; at most 10,000 are allowed.',
      SITE_TOO_LARGE:
        'The site is too large: it may span at most 5 degrees east to west and north to south, ' +
        'and cover at most 1,000 km².',
      GEOMETRY_INVALID:
        'The shape of the site is not valid: for example its boundary crosses itself or is not ' +
        'closed, or it is not GeoJSON.',
      WKT_INVALID: 'The WKT cannot be read.',
      KML_INVALID: 'The KML cannot be read.',
      BOUNDARY_POINTS_INVALID: 'The boundary-point coordinates cannot be read.',
      SHAPEFILE_INVALID:
        'The zipped Shapefile cannot be read: it must hold one set of .shp and .prj files.',
      FILE_UNRECOGNISED:
        'The file format is not recognised: please upload GeoJSON, KML or KMZ, a zipped ' +
        'Shapefile, WKT, or a text file of boundary-point coordinates.',
      UPLOAD_TOO_LARGE: 'The file is larger than 5 MB; please make it smaller and upload it again.',
      UPLOAD_INVALID: 'The upload is not valid; please upload one site file only.',
      OUTSIDE_COVERAGE:
        'The site is outside the area this dataset covers; please check the coordinates and ' +
        'the coordinate system.',
    },
    siteMissing: 'Please give the project site.',
    errorOther: 'Something in the submission is not right.',
    errorNetwork: 'The server cannot be reached; please check your connection and try again.',
    errorServer: 'The server cannot complete the pre-check just now; please try again later.',

    mapLabel: 'Map for drawing the site',
    mapLegendHeading: 'Key',
    mapDrawing: 'Site being drawn (dashed blue line; white dots are corners)',
    mapSite: 'Pre-checked site (thick black outline, grey fill)',
    mapUnits: 'Control units the site touches (thick magenta outline)',

    resultHeading: 'Pre-check result',
    resultIntro:
      'This is the answer to this pre-check, stored under its check ID; open the report page ' +
      'to print it or save it as PDF.',
    reportLink: 'Open the printable pre-check report',
    checking: 'Checking, please wait…',
  },

  report: {
    pageTitle: 'Report pollution',
    heading: 'How to report pollution and ecological damage',
    intro:
      'If you see pollution or damage to the environment, you can report it to the ecology and ' +
      'environment authorities: through the 12369 environmental reporting channels, or with the ' +
      'online form on this site.',
    urgent:
      'For an environmental emergency happening now (such as a hazardous chemical leak or many ' +
      'dead fish), call 12369 at once; if lives are in danger, also call 110 (police) or ' +
      '119 (fire and rescue).',
    channelsHeading: 'The 12369 environmental reporting channels',
    channels: [
      { term: 'Telephone', detail: 'Call the environmental reporting hotline, 12369.' },
      {
        term: 'WeChat',
        detail:
          'Follow the WeChat official account “12369环保举报” (12369 environmental reporting), ' +
          'or use the WeChat mini program of the same name; you can upload photos and your ' +
          'location.',
      },
      {
        term: 'Online',
        detail:
          'Submit a report on the 12369 online reporting platform of the Ministry of Ecology ' +
          'and Environment.',
      },
    ],
    channelsNote:
      'Reports from every channel are passed to the ecology and environment bureau of the place ' +
      'where the problem is.',
    categoriesHeading: 'What you can report',
    categoriesIntro: '12369 takes reports of these eight kinds of environmental problem:',
    categories: [
      {
        term: 'Air',
        detail:
          'Factory exhaust above the limits or released in secret, dust from building sites, ' +
          'open burning, pungent smells.',
      },
      {
        term: 'Water',
        detail:
          'Wastewater discharged in secret or above the limits, black and foul-smelling water, ' +
          'illegal activity in drinking-water source protection zones.',
      },
      {
        term: 'Noise',
        detail: 'Noise from industry, building work or everyday life that disturbs residents.',
      },
      {
        term: 'Solid waste',
        detail: 'Illegal dumping, storing, burning or disposal of solid and hazardous waste.',
      },
      { term: 'Soil', detail: 'Soil pollution; contaminated land used before it is cleaned up.' },
      {
        term: 'Radiation',
        detail:
          'Radioactive sources poorly managed; facilities giving off electromagnetic radiation ' +
          'built or run against the rules.',
      },
      {
        term: 'Ecological damage',
        detail:
          'Illegal development or building within the ecological protection red line or nature ' +
          'reserves; destruction of vegetation, wetlands or river banks.',
      },
      {
        term: 'Livestock farming',
        detail:
          'Farming in a livestock no-raising zone; manure or wastewater from farms discharged ' +
          'untreated or piled up anywhere.',
      },
    ],
    contentHeading: 'What makes a report useful',
    contentIntro: 'The more specific a report, the faster it can be checked. Please say:',
    content: [
      {
        term: 'Place',
        detail:
          'The township, street, house number or a landmark nearby; a longitude and latitude ' +
          'are even better.',
      },
      {
        term: 'Time',
        detail:
          'The date and time of day you noticed the problem, and whether it goes on all the ' +
          'time or comes and goes.',
      },
      {
        term: 'What you noticed',
        detail:
          'What you saw, smelt or heard, such as the colour of the water or the smoke, a smell ' +
          'or a noise.',
      },
      {
        term: 'Photos or video',
        detail: 'Of the scene and the signs of pollution; keep yourself safe while taking them.',
      },
      { term: 'Who is responsible', detail: 'If you know, the name of the company or person.' },
    ],
    contentMapHint:
      'You can look the place up on this site’s zoning map to find its environmental control ' +
      'unit and the rules that apply there, and mention them in your report.',
    identity: {
      heading: 'Anonymity and protection of reporters',
      paragraphs: [
        'You may report anonymously, or leave your name and phone number. Contact details make ' +
          'it easier to check the facts and to tell you the outcome; an anonymous reporter may ' +
          'not hear back.',
        'The ecology and environment authorities keep reporters’ details confidential and do ' +
          'not reveal who made a report to the company or person reported.',
      ],
    },
    timelinesHeading: 'Time limits',
    timelines: [
      {
        term: 'Acceptance',
        detail:
          'Usually within 15 days of receiving a report, the bureau decides whether to accept ' +
          'it; if the matter is not for the ecology and environment authorities, it tells the ' +
          'reporter where to take it or passes it to the authority concerned.',
      },
      { term: 'Closure', detail: 'Usually within 60 days of acceptance.' },
      {
        term: 'Extension',
        detail: 'For complicated cases, once only, usually by up to 30 days, with reasons given.',
      },
    ],
    timelinesNote: 'These are the usual limits; local regulations set the exact ones.',
    flowHeading: 'How a report is handled',
    flow: [
      'Report submitted',
      'Accepted or referred',
      'Assigned',
      'Inspected on site',
      'Dealt with or rectified',
      'Reporter replied to',
      'Closed',
    ],
    onlineHeading: 'Report online',
    onlineIntro:
      'Fill in the report form on this site: mark the place on the map, describe what you ' +
      'noticed, and add photos if you wish. Once you submit, you get a tracking code with which ' +
      'you can follow the handling of your report.',
    onlineForm: 'Fill in the online report form',
    onlineTrack: 'Follow a report with its tracking code',
  },

  reportForm: {
    pageTitle: 'Report online',
    heading: 'Report environmental pollution online',
    intro:
      'Fill in the form below; by its place, your report goes to the ecology and environment ' +
      'bureau of that district or county. Items marked * are required. Once you submit, keep ' +
      'the tracking code: with it you can follow the handling of your report.',
    urgent:
      'For an environmental emergency happening now, call 12369 at once; if lives are in ' +
      'danger, also call 110 (police) or 119 (fire and rescue).',
    noScript:
      'The online report form needs scripts enabled in the browser (to pick the place on the ' +
      'map and upload photos). You can also call 12369 or report through the 12369 WeChat ' +
      'official account.',
    formHeading: 'Your report',

    categoryLegend: '1. Kind of problem *',
    categories: {
      air: 'Air pollution',
      water: 'Water pollution',
      noise: 'Noise nuisance',
      solid_waste: 'Solid waste',
      soil: 'Soil pollution',
      radiation: 'Radiation',
      ecological_damage: 'Ecological damage',
      livestock: 'Pollution from livestock farming',
    },

    placeLegend: '2. Place *',
    placeIntro:
      'Click where the problem is on the map to put a marker there; or use “Use my location”; ' +
      'or paste a longitude and latitude taken from another map and choose its coordinate system.',
    mapLabel: 'Map for choosing the place of the report',
    mapNoScript: 'The map needs scripts enabled in the browser.',
    mapPicked: (lon, lat) => `Chosen on the map: longitude ${lon}, latitude ${lat} (WGS84)`,
    placeLabel: 'Longitude and latitude',
    placeHint:
      'As “longitude, latitude”, for example 112.572, 26.894. Clicking on the map fills this in.',
    datumLabel: 'Coordinate system',
    datums: {
      'EPSG:4326': 'WGS84 (GPS, browser location, the maps of this site)',
      gcj02: 'GCJ-02 (the offset datum of Chinese phone map apps such as Amap and Tencent Maps)',
      bd09: 'BD-09 (the further offset datum of Baidu Maps)',
    },
    datumHint:
      'Coordinates copied from Amap or Tencent Maps are in GCJ-02, and those from Baidu Maps in ' +
      'BD-09; both are several hundred metres off WGS84. Choose the right coordinate system ' +
      'and the server converts them.',
    locateNote:
      'The browser gives your location in WGS84; its accuracy depends on the device, so please ' +
      'check it on the map.',
    placeShown: (lon, lat) => `Map marker: longitude ${lon}, latitude ${lat} (WGS84)`,
    placeShownConverted: (lon, lat, datum) =>
      `Entered in ${datum}; the map marker, converted to WGS84: longitude ${lon}, latitude ${lat}`,

    observedLabel: '3. When you noticed it (Beijing time) *',
    observedHint: 'Now, unless you change it. Any time within the past year.',
    descriptionLabel: '4. What is happening *',
    descriptionHint:
      'What you saw, smelt or heard, whether it is continuous or comes and goes, and who is ' +
      'responsible (if you know). Stored as plain text only, at most 2,000 characters.',
    descriptionCount: (count, max) => `${count} of ${max} characters`,
    descriptionOver: (count, max) => `${count} characters, over the limit of ${max}`,

    photosLabel: '5. Photos (optional, at most 3)',
    photosHint: 'JPEG or PNG, at most 8 MB each.',
    photosPrivacy:
      'Metadata in the photos, such as where they were taken (GPS), the camera and the time, ' +
      'is removed before they are stored; only the image itself is kept.',
    photoChosen: (name, sizeKb) => `${name} (${sizeKb} KB)`,
    photosClear: 'Remove the chosen photos',

    contactLegend: '6. Contact details (optional)',
    contactHint:
      'You may report anonymously. Contact details make it easier to check the facts and to ' +
      'tell you the outcome.',
    contactWho:
      'Only the bureau staff handling the report can see your contact details; they do not ' +
      'appear when the tracking code is looked up, and they are never given to the company or ' +
      'person reported.',
    contactName: 'Name, or how to address you',
    contactPhone: 'Phone',
    contactEmail: 'Email',

    submit: 'Submit the report',
    sending: 'Submitting, please wait…',
    errorSummary: 'Please correct the following and submit again:',
    notSentSummary: 'The report was not sent:',
    errorDetail: 'The server says:',
    problems: {
      'category-missing': 'Please choose the kind of problem.',
      'place-missing':
        'Please give the place: click on the map, use your location, or enter a longitude ' +
        'and latitude.',
      'place-unreadable':
        'The longitude and latitude cannot be read: enter two numbers as “longitude, latitude”, ' +
        'for example 112.572, 26.894.',
      'observed-missing': 'Please give the time you noticed it.',
      'description-missing': 'Please describe what is happening.',
      'description-too-long': 'The description is longer than 2,000 characters; please shorten it.',
      'photos-too-many': 'At most 3 photos can be attached.',
      'photo-type': 'Photos must be JPEG or PNG.',
      'photo-too-large': 'Each photo must be 8 MB or smaller.',
    },
    errors: {
      PARAMETER_MISSING: 'This is missing.',
      CATEGORY_INVALID: 'Please choose the kind of problem.',
      LOCATION_INVALID: 'The place is not in a valid form.',
      COORDINATE_INVALID:
        'Longitude and latitude must be decimal degrees, for example 112.572, 26.894.',
      COORDINATE_OUT_OF_RANGE:
        'The longitude or latitude is out of range: longitude comes first and latitude second, ' +
        'and latitude lies between -90 and 90.',
      CRS_UNSUPPORTED: 'This coordinate system is not supported.',
      OBSERVED_AT_INVALID: 'The time is not in a valid form.',
      OBSERVED_AT_IN_FUTURE: 'The time cannot be later than now.',
      OBSERVED_AT_TOO_OLD:
        'The time is more than a year ago; for older problems, please call 12369.',
      DESCRIPTION_INVALID: 'The description must be text.',
      DESCRIPTION_TOO_LONG: 'The description is longer than 2,000 characters; please shorten it.',
      TEXT_INVALID: 'The text contains characters that cannot be stored.',
      CONTACT_INVALID: 'The contact details are not in a valid form.',
      PHOTO_INVALID: 'This photo cannot be read; please upload a JPEG or PNG photo.',
      PHOTO_TOO_LARGE: 'The photo is larger than 8 MB; please choose a smaller one.',
      PHOTOS_TOO_MANY: 'At most 3 photos can be attached.',
      PAYLOAD_TOO_LARGE: 'The submission is too large; please attach fewer photos.',
      FIELD_TOO_LARGE: 'This item is too long.',
      OUTSIDE_COVERAGE:
        'This place is outside the control units this site covers; please check the longitude, ' +
        'latitude and coordinate system. To report a problem outside this area, call 12369.',
      RATE_LIMITED: 'Too many reports in a short time; please try again later, or call 12369.',
      TRACKING_CODE_INVALID:
        'The tracking code is malformed: it should be 20 letters and digits, with or without ' +
        'hyphens.',
      REPORT_NOT_FOUND: 'No report has this tracking code; please check it and try again.',
    },
    contactInvalid: {
      contactName: 'The name must be text of at most 50 characters.',
      contactPhone:
        'The phone number is not in a valid form: use digits, spaces and hyphens only, for ' +
        'example 0734-1234567.',
      contactEmail:
        'The email address is not in a valid form; it should look like name@example.com.',
    },
    // Both are joined to another message without a space between, as Chinese needs none.
    photoNumber: (position) => `Photo ${position}: `,
    retryAfter: (minutes) =>
      ` You can try again in about ${counted(minutes, 'minute', 'minutes')}.`,
    errorOther: 'Something in the report is not right.',
    errorNetwork: 'The server cannot be reached; please check your connection and try again.',
    errorServer: 'The server cannot take reports just now; please try again later, or call 12369.',
  },

  reportReceipt: {
    heading: 'Report submitted',
    intro:
      'Your report has been saved and will be passed to the ecology and environment bureau of ' +
      'the district or county where the problem is.',
    codeLabel: 'Tracking code',
    copy: 'Copy the tracking code',
    copied: 'Copied to the clipboard.',
    copyFailed: 'The code could not be copied; please select it and write it down.',
    keepHeading: 'Keep your tracking code',
    keep:
      'The tracking code is the only way to look up this report: this site does not store who ' +
      'you are and does not remember the code in your browser, so once you close this page it ' +
      'cannot be recovered. Copy it, take a screenshot or write it down.',
    summaryHeading: 'Your report',
    nextHeading: 'What happens next',
    nextAccept: (date) =>
      `By ${date}, the ecology and environment bureau will decide whether to accept the ` +
      'report or pass it to the authority concerned.',
    nextClose:
      'It is closed within 60 days of acceptance; complicated cases may be extended once, by ' +
      'up to 30 days.',
    nextCloseBy: (date) => `It should be closed by ${date}.`,
    nextFlow: 'How it is handled:',
    trackLink: 'Follow the handling of this report',
    another: 'Report another problem',
  },

  reportTrack: {
    pageTitle: 'Track a report',
    heading: 'Follow the handling of a report',
    intro:
      'Enter the tracking code you got when you submitted your report to see its status, the ' +
      'bureau handling it and the time limits. The result does not show what was reported, ' +
      'the contact details or the photos.',
    noScript:
      'The lookup needs scripts enabled in the browser. You can also open /api/reports/ ' +
      'followed by the tracking code to see the result as JSON.',
    codeLabel: 'Tracking code',
    codeHint:
      '20 letters and digits, for example 7K3QD-M2X9R-4HJVC-0PN8T; upper or lower case, with ' +
      'or without hyphens.',
    submit: 'Look up',
    looking: 'Looking up…',
    codeMissing: 'Please enter the tracking code.',
    resultHeading: (code) => `Report ${code}`,
    status: 'Status',
    statuses: {
      received: 'Received',
      accepted: 'Accepted',
      assigned: 'Assigned',
      inspected: 'Inspected on site',
      rectifying: 'Being rectified',
      replied: 'Replied',
      closed: 'Closed',
      referred: 'Referred',
    },
    statusMeaning: {
      received:
        'The report has been received; the ecology and environment bureau will decide whether ' +
        'to accept it.',
      accepted: 'The ecology and environment bureau has accepted the report and will inspect.',
      assigned: 'The report has been assigned to enforcement officers.',
      inspected: 'Enforcement officers have inspected the site.',
      rectifying: 'The problems found are being put right.',
      replied: 'The outcome has been given in a reply.',
      closed: 'The report is closed.',
      referred:
        'The matter is not for the ecology and environment authorities; it has been passed to ' +
        'the authority concerned.',
    },
    category: 'Kind of problem',
    observedAt: 'Noticed at',
    receivedAt: 'Received at',
    unit: 'Environmental control unit',
    unitValue: (name, code, unitClass) => `${name} (${code}, ${unitClass})`,
    noUnit: 'Not determined',
    district: 'Handled by',
    districtValue: (name) => `Ecology and environment bureau of ${name}`,
    noDistrict: 'Not determined',
    acceptBy: 'Decision on acceptance due by',
    closeBy: 'Closure due by',
    closeByPending: 'Within 60 days of acceptance',
    closeByReferred: 'Does not apply: passed on to another body to handle',
    overdue: { acceptance: 'Past the acceptance deadline', closure: 'Past the closure deadline' },
    historyHeading: 'History',
    historyReferred: (to) => `Passed to: ${to}`,
    errorOther: 'The lookup did not succeed.',
    errorNetwork: 'The server cannot be reached; please check your connection and try again.',
    errorServer: 'The server cannot look up reports just now; please try again later.',
  },

  about: {
    pageTitle: 'About the data',
    heading: 'About the data on this site',
    source: {
      heading: 'Sources',
      paragraphs: [
        'This site shows a sample dataset of the ecological and environmental zoning of ' +
          'Hengyang under “three lines, one list” (三线一单): environmental control units, ' +
          'drinking-water source protection zones, nature reserves, the ecological protection ' +
          'red line, general ecological space, industrial parks, livestock no-raising zones, ' +
          'rivers and points, and the ecological environment access list of each unit.',
        'These layers and rules are demonstration data simplified from public sources, not the ' +
          'zoning results officially published by Hengyang, and must not be used as a basis ' +
          'for approving projects, choosing sites or enforcement. The official results are ' +
          'those published by the Hengyang Ecology and Environment Bureau.',
        'District boundaries are taken from a publicly republished copy of the administrative ' +
          'division data of DataV GeoAtlas (an Alibaba Cloud map data service), which came ' +
          'without a licence statement; they are for demonstration only and are not the ' +
          'official administrative boundaries.',
      ],
    },
    noticeHeading: 'Sample data notice',
    coordinates: {
      heading: 'Coordinate systems',
      paragraphs: [
        'The data, tiles and interfaces of this site all use longitude and latitude. The lookup ' +
          'interface takes and gives WGS84 longitude and latitude by default; the map tiles are ' +
          'XYZ tiles in the Web Mercator projection (EPSG:3857).',
        'Near the boundary of a control unit, the wrong coordinate system finds the wrong unit. ' +
          'For coordinates taken from a phone map app, choose the matching coordinate system ' +
          'when you look them up, and the server converts them.',
      ],
    },
    coordinateSystems: [
      {
        term: 'WGS84 (EPSG:4326)',
        detail: 'Longitude and latitude as GPS devices and most GIS software use them.',
      },
      {
        term: 'CGCS2000 (EPSG:4490)',
        detail:
          'China’s national geodetic coordinate system. For the purposes of this site it ' +
          'differs from WGS84 by less than 1 m and can be used as WGS84.',
      },
      {
        term: 'GCJ-02',
        detail:
          'The offset coordinates that Chinese phone map apps such as Amap and Tencent Maps ' +
          'use, several hundred metres off WGS84.',
      },
      {
        term: 'BD-09',
        detail: 'The coordinates of Baidu Maps, offset once more from GCJ-02.',
      },
    ],
    tiles: {
      heading: 'Using the tiles in other clients',
      paragraphs: [
        'Every layer is published as Mapbox Vector Tiles (MVT), for clients such as MapLibre, ' +
          'OpenLayers and QGIS. Each layer has a TileJSON 3.0.0 description giving the tile ' +
          'address, zoom range, bounds and attribute fields. The layer inside the tiles ' +
          '(source-layer) has the same name as the layer.',
        'The addresses below all start with the address of this site: for example, when the ' +
          'site is https://example.org, the TileJSON of the control units is ' +
          'https://example.org/tiles/control_units.json.',
      ],
    },
    endpoints: [
      {
        term: '/tiles',
        detail:
          'The layer catalogue (JSON), giving each layer’s name, title, attributes and ' +
          'TileJSON address.',
      },
      { term: '/tiles/{layer}.json', detail: 'The TileJSON 3.0.0 description of a layer.' },
      {
        term: '/tiles/{layer}/{z}/{x}/{y}.mvt',
        detail: 'A vector tile; 204 (No Content) where the tile has no features.',
      },
      {
        term: '/tiles/zoning.json',
        detail: 'One TileJSON for all public layers together, each as its own source layer.',
      },
      {
        term: '/styles/zoning.json',
        detail:
          'A MapLibre style of all layers as this site draws them, with names in Chinese ' +
          'drawn in the system’s fonts, for maplibre-gl and QGIS. Its metadata holds a ' +
          'legend in Chinese and English, under "ecozoning:legend".',
      },
    ],
    layersHeading: 'Layers',
    layerTable: { name: 'Layer name', title: 'Contents' },
    clientsHeading: 'Common clients',
    clients: [
      {
        term: 'MapLibre GL JS',
        detail:
          'Add a source of type vector with its url set to the full address of the layer’s ' +
          'TileJSON, and set the source-layer of each style layer to the layer name.',
      },
      {
        term: 'OpenLayers',
        detail:
          'Use a VectorTile layer with the MVT format, taking the tile address template from ' +
          'tiles in the TileJSON and its maxzoom as the source’s maxZoom, so that closer views ' +
          'reuse the deepest tiles. To draw the layers as this site does, with names, apply ' +
          '/styles/zoning.json with ol-mapbox-style. The composite tiles also hold a point ' +
          'layer named {layer}_label for each named area layer, where its names go; draw it as ' +
          'text or leave it out.',
      },
      {
        term: 'QGIS',
        detail:
          'Under “Vector Tiles”, add a new generic connection with the tile address template ' +
          'as its URL, and the minimum and maximum zoom levels from the TileJSON. To draw ' +
          'every layer as this site does, take the template of /tiles/zoning.json ' +
          '(/tiles/zoning/{z}/{x}/{y}.mvt) and give /styles/zoning.json as the style URL.',
      },
    ],
    exampleHeading: 'A MapLibre source, for example',
    lookup: {
      heading: 'Lookup interface',
      paragraphs: [
        'GET /api/lookup?lon={longitude}&lat={latitude} returns the environmental control ' +
          'unit the point is in, the control zones overlaid there and the access rules that ' +
          'apply. The crs parameter may be EPSG:4326 (the default), EPSG:4490, gcj02 or bd09.',
        'GET /api/dataset returns the name and version of the dataset, whether it is sample ' +
          'data, and the number of features in each layer.',
      ],
    },
  },

  apiPage: {
    pageTitle: 'API reference',
    heading: 'API reference',
    intro: [
      'This page lists every public interface of this site: its method, path, parameters, ' +
        'request body fields and response status codes, with an example of calling it with ' +
        'curl. It is generated at build time from the OpenAPI 3.1 document the server ' +
        'provides, and the descriptions are worded as in that document.',
      'The staff interfaces (/api/staff/) need a token and are not listed here.',
    ],
    documentLink: 'The machine-readable OpenAPI document:',
    aboutLink: 'Every interface, with examples of calling it',
    version: (title, version, openapi) => `${title} ${version}, OpenAPI ${openapi}`,
    generalHeading: 'General conventions',
    originHeading: 'The address in the examples',
    origin:
      'The examples use a shell variable, ORIGIN, for the address of this site: the scheme, ' +
      'host and port in the browser’s address bar. Set it once, then run the examples:',
    originComment: '# the address of this site; change it to suit',
    contents: 'Interfaces',
    parameters: 'Parameters',
    noParameters: 'No parameters.',
    requestBody: (mediaType) => `Request body (${mediaType})`,
    bodyRequired: 'A request body is required.',
    bodyOptional: 'The request body may be left out.',
    exactlyOne: (fields) => `Exactly one of these fields must be given: ${fields}.`,
    fieldTable: {
      name: 'Name',
      place: 'In',
      required: 'Required',
      type: 'Type',
      description: 'Description',
    },
    places: { path: 'Path', query: 'Query', header: 'Header', cookie: 'Cookie', body: 'Body' },
    yes: 'Yes',
    no: 'No',
    responses: 'Responses',
    responseTable: { status: 'Status', description: 'Description', content: 'Content type' },
    noContent: 'No content',
    example: 'Example',
  },

  staff: {
    pageTitle: 'Report handling (staff)',
    heading: 'Report handling',
    intro:
      'For ecology and environment bureau staff to view and handle reports from the public and ' +
      'enforcement leads. Sign in with a staff token.',
    noScript: 'This page needs scripts enabled in the browser.',
    footerLink: 'Staff sign-in',

    signInHeading: 'Staff sign-in',
    signInIntro:
      'Enter the staff token your administrator gave you. The token is kept only in this ' +
      'browser tab, and is cleared when you close the tab or press “Sign out”.',
    tokenLabel: 'Staff token',
    tokenHint: 'Starts with ezs_ and is 47 characters long.',
    signIn: 'Sign in',
    signingIn: 'Checking the token…',
    signedInAs: (name, role) => `${name} (${role})`,
    roles: { viewer: 'Viewer', officer: 'Case officer', supervisor: 'Supervisor' },
    signOut: 'Sign out',
    signedOut: 'Signed out; the token has been cleared from this tab.',
    tokenErrors: {
      STAFF_TOKEN_MISSING: 'Please enter a staff token.',
      STAFF_TOKEN_INVALID:
        'The token is not correct: check it and enter it again, or ask your administrator for ' +
        'a new one.',
      STAFF_TOKEN_REVOKED:
        'This token has been revoked; please ask your administrator for a new one.',
    },
    tokenLost: 'Your token is no longer valid; please sign in again.',
    problems: {
      'token-missing': 'Please enter a staff token.',
      'token-shape': 'The token is malformed: it should start with ezs_ and be 47 characters long.',
      'district-shape':
        'The district must be a 6-digit administrative division code, for example 430407.',
      'dates-reversed': 'The start date is later than the end date.',
      'to-missing': 'Please choose the new status.',
      'referred-to-missing': 'To refer a report, give the authority that receives it.',
      'assignee-missing': 'To assign a report, give the officer or team that takes it on.',
    },
    errorSummary: 'Please correct the following:',
    errorNetwork: 'The server cannot be reached; please check your connection and try again.',
    errorServer: 'The server cannot handle this just now; please try again later.',
    errorOther: 'The request did not succeed.',
    loading: 'Loading…',

    filtersHeading: 'Filters',
    filterLabels: {
      district: 'District code',
      category: 'Kind of problem',
      status: 'Status',
      priority: 'Priority',
      from: 'Received from',
      to: 'Received until',
      overdue: 'Overdue',
    },
    districtHint: '6-digit administrative division code, for example 430407; leave empty for all.',
    any: 'All',
    overdueChoices: { true: 'Overdue', false: 'Not overdue' },
    applyFilters: 'Filter',
    resetFilters: 'Clear the filters',

    listHeading: 'Reports',
    listCount: (shown, total) => `Showing ${shown} of ${counted(total, 'report', 'reports')}`,
    listEmpty: 'No reports match.',
    more: 'Show more',
    openReport: 'View',
    priorities: { urgent: 'Urgent', high: 'High', normal: 'Normal' },
    overdue: { acceptance: 'Acceptance overdue', closure: 'Closure overdue' },
    exportCsv: 'Export CSV',
    exporting: 'Exporting…',
    exported: 'Exported reports.csv (with the current filters, without contact details).',

    mapHeading: 'Where the reports are',
    mapLabel: 'Map of reports and ecological zoning',
    mapOverdue: 'Thick dark red outline: overdue',

    detailHeading: (code) => `Report ${code}`,
    closeDetail: 'Close',
    facts: {
      status: 'Status',
      category: 'Kind of problem',
      priority: 'Priority',
      priorityReasons: 'Reasons for the priority',
      unit: 'Control unit',
      district: 'District or county',
      zones: 'Control zones',
      location: 'Location (WGS84)',
      observedAt: 'Noticed at',
      receivedAt: 'Received at',
      acceptBy: 'Decision on acceptance due by',
      closeBy: 'Closure due by',
      extension: 'Extension',
      assignee: 'Assigned to',
      referredTo: 'Referred to',
      cluster: 'Cluster',
    },
    noZones: 'None',
    reasonZone: (zone, priority) => `Lies in “${zone}”: ${priority}`,
    reasonUnit: (priority) => `Lies in a priority protection unit: ${priority}`,
    reasonCluster: (reports, metres, days, priority) =>
      `${counted(reports, 'report', 'reports')} of the same kind within ${metres} m in ` +
      `${counted(days, 'day', 'days')}: raised to ${priority}`,
    extensionValue: (days, reason) => `Extended by ${counted(days, 'day', 'days')}: ${reason}`,
    clusterValue: (reports) => `${counted(reports, 'report', 'reports')} of the same kind nearby`,
    locationValue: (lon, lat) => `Longitude ${lon}, latitude ${lat}`,
    descriptionHeading: 'What was reported',
    photosHeading: 'Photos',
    photoAlt: (position) => `Report photo ${position}`,
    noPhotos: 'No photos.',
    photoFailed: 'The photo cannot be loaded.',
    contactHeading: 'Reporter’s contact details',
    contactFields: { name: 'Name', phone: 'Phone', email: 'Email' },
    contactHidden: 'The role of the current token cannot see contact details.',
    noContact: 'The reporter left no contact details (anonymous report).',
    historyHeading: 'History',
    historyBy: (actor) => `By: ${actor}`,
    historyAssignee: (assignee) => `Assigned to: ${assignee}`,
    historyReferred: (to) => `Referred to: ${to}`,

    moveHeading: 'Handle',
    moveIntro:
      'Choose the next status. The history records who made the change, when, and the note.',
    toLabel: 'New status',
    noteLabel: 'Note',
    noteHint: 'Optional, at most 2,000 characters; it is recorded in the history.',
    referredToLabel: 'Receiving authority',
    referredToHint: 'Required when referring: the authority that should handle the report.',
    assigneeLabel: 'Officer or team',
    assigneeHint: 'Required when assigning.',
    moveSubmit: 'Submit',
    moving: 'Submitting…',
    moved: (status) => `Changed to “${status}”.`,
    noMoves: 'The current token cannot change the status of this report any further.',
    moveErrors: {
      PARAMETER_MISSING: 'This is missing.',
      TRANSITION_NOT_ALLOWED:
        'The status of the report has changed, so this change is no longer possible. Please ' +
        'refresh and try again.',
      ROLE_FORBIDDEN: 'The role of the current token cannot take this step.',
      FIELD_TOO_LONG: 'This is too long.',
      TEXT_INVALID: 'The text contains characters that cannot be stored.',
      REPORT_NOT_FOUND: 'This report cannot be found.',
    },

    leadsHeading: 'Enforcement leads',
    leadsIntro:
      'Places to inspect first, found from the zoning and from reports, with the access rules ' +
      'behind them.',
    leadsEmpty: 'No leads at present.',
    leadKinds: {
      farm_in_no_raising_zone: 'Livestock farm in a no-raising zone',
      outfall_in_water_source_zone: 'Sewage outfall in a drinking-water source protection zone',
      report_in_sensitive_zone: 'Report in a sensitive zone',
      report_in_priority_unit: 'Report in a priority protection unit',
      report_cluster: 'Cluster of reports of the same kind',
    },
    leadFacility: (name, kind) => `${name} (${kind})`,
    leadReport: (code) => `Report ${code}`,
    leadBasis: {
      farm_in_no_raising_zone:
        'A livestock farm lies in a no-raising zone, where farms may not be built or run.',
      outfall_in_water_source_zone:
        'A sewage outfall lies in a drinking-water source protection zone.',
      report_in_sensitive_zone: (category, zone) =>
        `An open report (${category}) lies in a sensitive zone: ${zone}.`,
      report_in_priority_unit: (category) =>
        `An open report (${category}) lies in a priority protection unit.`,
      report_cluster: (reports, category, metres, days) =>
        `${counted(reports, 'report', 'reports')} of the same kind (${category}) within ` +
        `${metres} m in ${counted(days, 'day', 'days')}, this one included.`,
    },
    leadRules: 'Access rules behind it',
    leadNoRules: 'No access rule applies; the lead comes from a cluster of reports.',
    leadRule: (code, effect) => `${code} (${effect})`,
    leadLegalBasis: (basis) => `Legal basis: ${basis}`,
    refresh: 'Refresh',
  },
  writing: {
    formatLocale: 'en-GB',
    listSeparator: ', ',
    clauseSeparator: '; ',
    labelEnd: ': ',
    aside: (text, note) => `${text} (${note})`,
    labelled: (label, text) => `${label}: ${text}`,
    datumNames: { 'EPSG:4326': 'WGS84', gcj02: 'GCJ-02', bd09: 'BD-09' },
  },
}
