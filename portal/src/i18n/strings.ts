import type {
  Dimension,
  Effect,
  FacilityKind,
  LayerName,
  LookupCrs,
  NoRaisingKind,
  ParkLevel,
  ProjectKind,
  ReserveZone,
  SiteFormat,
  SiteRepairKind,
  UnitClass,
  Verdict,
  WaterSourceLevel,
} from '../zoning/zoning-terms.ts'
import type {
  CheckError,
  DrawKind,
  FormProblem,
  IndustryLevel,
  SiteCrsChoice,
  SiteMode,
} from '../precheck/precheck-terms.ts'
import type {
  ContactControl,
  PlaceDatum,
  ReportCategory,
  ReportError,
  ReportProblem,
  ReportStatus,
} from '../report/report-terms.ts'
import type {
  FilterControl,
  LeadKind,
  MoveError,
  OverdueStep,
  Priority,
  StaffProblem,
  StaffRole,
  TokenError,
} from '../staff/staff-terms.ts'

/** A heading with paragraphs. */
export interface Section {
  heading: string
  paragraphs: string[]
}

/** A term and its explanation, for definition lists. */
export interface Entry {
  term: string
  detail: string
}

/**
 * Every piece of interface text. A second language is a second object of this shape;
 * functions stand for text with numbers in it, whose word order differs between languages.
 */
export interface Strings {
  lang: string
  siteName: string
  skipToContent: string
  nav: {
    label: string
    map: string
    precheck: string
    report: string
    track: string
    about: string
  }
  footer: { notice: string; contact: string }
  notFound: { title: string; heading: string; body: string; back: string }

  unitClass: Record<UnitClass, string>
  unitClassOutline: Record<UnitClass, string>
  dimension: Record<Dimension, string>
  effect: Record<Effect, string>
  layer: Record<LayerName, string>
  waterSourceLevel: Record<WaterSourceLevel, string>
  reserveZone: Record<ReserveZone, string>
  noRaisingKind: Record<NoRaisingKind, string>
  facilityKind: Record<FacilityKind, string>
  parkLevel: Record<ParkLevel, string>
  crs: Record<LookupCrs, string>

  map: {
    pageTitle: string
    heading: string
    intro: string
    label: string
    queryCentre: string
    loading: string
    failed: string
    noWebgl: string
    noScript: string
    controls: Record<string, string>
  }
  legend: { unitsHeading: string; facilitiesHeading: string }
  toggles: { heading: string; hint: string }
  /** The "use my location" button of the map and the report form. */
  locate: {
    button: string
    locating: string
    located: (lon: string, lat: string, accuracyM: string) => string
    failed: string
    unsupported: string
    /** Browsers locate only for pages served over HTTPS or from this very machine. */
    insecure: string
  }
  lookupForm: {
    heading: string
    lon: string
    lat: string
    crs: string
    submit: string
    hint: string
    pasteHint: string
    noScript: string
    locateNote: string
  }
  panel: {
    heading: string
    empty: string
    loading: string
    location: (lon: string, lat: string) => string
    unitHeading: string
    unitCode: string
    unitClass: string
    district: string
    area: string
    areaValue: (km2: string) => string
    zonesHeading: string
    noZones: string
    rulesHeading: string
    noRules: string
    noRulesInDimension: string
    legalBasis: string
    ruleCode: string
    industries: string
    withinZone: (zone: string) => string
    withinDistance: (what: string, withinM: string, distanceM: string | undefined) => string
    relatedZone: string
    outside: string
    /** Introduces the server's own words, which are in English. */
    serverSays: string
    errorNetwork: string
    errorServer: string
    errorRequest: string
    /** The same refusal, naming the field to correct. */
    errorRequestField: (field: string) => string
  }
  /** The dataset the server serves, as the footer, the About page and check reports name it. */
  dataset: {
    version: (version: string) => string
    /** Heads an operator's notice about its data; the sample's has a heading of its own. */
    noticeHeading: string
    /** Opens the About page's sources for data other than the sample. */
    shows: (name: string, version: string) => string
    boundarySource: string
    datumNote: string
  }

  /** The unit pages (`/units/{code}/`) and the map page's search for units, parks, districts. */
  units: {
    pageTitle: string
    heading: string
    intro: string
    loading: string
    noScript: string
    invalid: (code: string) => Section
    notFound: (code: string) => Section
    failedHeading: string
    errorNetwork: string
    errorServer: string
    backToMap: string
    cardLink: string

    factsHeading: string
    code: string
    unitClass: string
    district: string
    area: string
    areaValue: (km2: string) => string
    areaNote: string

    mapHeading: string
    mapLabel: (name: string) => string
    mapUnit: string
    mapOtherUnits: string
    mapFailed: string
    mapNoWebgl: string
    /** maplibre-gl's texts for gestures that need two fingers or a key on the unit's map. */
    mapGestures: Record<string, string>

    zonesHeading: string
    zonesIntro: string
    zoneLayer: string
    zoneName: string
    zoneGrade: string
    zoneArea: string
    zoneShare: string
    areaM2: (m2: string) => string
    noZones: string

    rulesHeading: string
    rulesIntro: string
    noRules: string
    noRulesInDimension: string
    scopeUnit: string
    scopeClass: (unitClass: string) => string
    scopeZone: (zone: string) => string
    scopeDistance: (what: string, withinM: string, distanceM: string) => string
    scopeCrossing: (what: string, withinM: string) => string

    search: {
      heading: string
      label: string
      hint: string
      submit: string
      noScript: string
      listLabel: string
      searching: string
      found: (count: string, more: boolean) => string
      none: (text: string) => string
      failed: string
      kinds: Record<'unit' | 'park' | 'district', string>
      shownUnit: (name: string, code: string) => string
      shownPlace: (name: string) => string
      noMap: (name: string) => string
      unitPage: string
    }
  }

  check: {
    pageTitle: string
    heading: string
    intro: string
    loading: string
    noScript: string
    print: string
    printHint: string
    missing: Section
    invalid: (id: string) => Section
    notFound: (id: string) => Section
    failedHeading: string
    errorNetwork: string
    errorServer: string

    summaryHeading: string
    checkId: string
    checkedAt: string
    checkedAtValue: (local: string) => string
    industry: string
    projectKind: string
    projectKinds: Record<ProjectKind, string>

    verdictHeading: string
    verdict: Record<Verdict, string>
    verdictSummary: Record<Verdict, string>
    reasonsHeading: string
    reasonForbid: (code: string, text: string) => string
    reasonMayForbid: (code: string, industries: string) => string
    reasonRestrict: (code: string, text: string) => string
    reasonCondition: (code: string, text: string) => string
    reasonConsistent: string
    /** Follows the reasons when a rule on new projects decided a relocation's verdict. */
    reasonRelocationAsNew: string
    recordedReasons: string

    siteHeading: string
    siteFormat: string
    siteFormats: Record<SiteFormat, string>
    siteFile: (format: string, file: string) => string
    siteCrs: string
    siteConversion: string
    noConversion: string
    conversionValue: (from: string, boundM: string) => string
    siteRepairs: string
    noRepairs: string
    repairKinds: Record<SiteRepairKind, string>
    siteNotes: string
    siteArea: string
    siteLength: string
    siteSize: string
    areaValue: (m2: string, hectares: string) => string
    lengthValue: (m: string) => string
    pointSite: string
    siteVertices: string
    siteExtent: string
    extentValue: (west: string, south: string, east: string, north: string) => string

    mapHeading: string
    mapLabel: string
    mapSite: string
    mapExtent: (km: string) => string
    mapFailed: string
    mapNoWebgl: string

    unitsHeading: string
    unit: string
    unitClass: string
    overlapArea: string
    overlapLength: string
    share: string
    pointShare: string
    district: (name: string) => string
    noUnits: string

    zonesHeading: string
    zone: string
    noZones: string

    nearbyHeading: string
    nearbyIntro: (withinM: string) => string
    distance: string
    bordering: string
    noNearby: (withinM: string) => string
    nearbyTruncated: (count: string) => string

    rulesHeading: string
    rulesIntro: string
    noRules: string
    noRulesInDimension: string
    ruleCode: string
    legalBasis: string
    industries: string
    allIndustries: string
    projectKindsOfRule: string
    allProjectKinds: string
    trigger: string
    match: string
    mayApply: string
    triggerUnit: (code: string, name: string | undefined) => string
    triggerClass: (unitClass: string, code: string) => string
    triggerZone: (zone: string) => string
    triggerDistance: (what: string, withinM: string, distanceM: string) => string

    recordHeading: string
    recordIntro: string
    dataset: string
    datasetValue: (name: string, version: string) => string
    illustrative: string
    versionsCaption: string
    layerColumn: string
    versionColumn: string
    accessList: string
    accessListValue: (rules: string) => string
    accessListDigest: string
    inputDigest: string
    measurement: string
    measurementText: string

    /** Over the notice of the sample data. */
    noticeHeading: string
    /** Over the notice an operator gave with its own data. */
    printFooter: (url: string, id: string) => string
  }

  precheck: {
    pageTitle: string
    heading: string
    intro: string
    noScript: string
    mapNoScript: string
    formHeading: string

    siteLegend: string
    siteModeLegend: string
    siteModes: Record<SiteMode, string>
    drawKindLegend: string
    drawKinds: Record<DrawKind, string>
    drawHint: Record<DrawKind, string>
    drawKeyboardHint: string
    drawFinish: string
    drawUndo: string
    drawClear: string
    drawCentre: string
    drawEmpty: (kind: string) => string
    drawProgress: (kind: string, count: string, needed: string) => string
    drawReady: (kind: string, count: string) => string
    drawFinished: (kind: string, count: string) => string
    fileLabel: string
    fileHint: string
    fileChosen: (name: string, size: string) => string
    textLabel: string
    textHint: string
    textExample: string
    /** The text box as served, which a form without script posts as WKT: it says so. */
    textNoScript: { label: string; hint: string; example: string }
    crsLabel: string
    crsHint: string
    crsChoices: Record<SiteCrsChoice, string>
    gaussKrugerLabel: string
    gaussKrugerHint: string
    gaussKrugerCodes: Entry[]

    industryLabel: string
    industryHint: string
    industryListLabel: string
    industrySearching: string
    industryFound: (count: string, more: boolean) => string
    industryNone: (text: string) => string
    industryFailed: string
    industryChosen: (code: string, name: string, level: string) => string
    industryLevels: Record<IndustryLevel, string>

    projectKindLegend: string
    submit: string

    errorSummary: string
    /** Above a connection or server failure, which asks for no correction. */
    notSentSummary: string
    errorDetail: string
    problems: Record<FormProblem, string>
    errors: Record<CheckError, string>
    siteMissing: string
    errorOther: string
    errorNetwork: string
    errorServer: string

    mapLabel: string
    mapLegendHeading: string
    mapDrawing: string
    mapSite: string
    mapUnits: string

    resultHeading: string
    resultIntro: string
    reportLink: string
    checking: string
  }

  report: {
    pageTitle: string
    heading: string
    intro: string
    urgent: string
    channelsHeading: string
    channels: Entry[]
    channelsNote: string
    categoriesHeading: string
    categoriesIntro: string
    categories: Entry[]
    contentHeading: string
    contentIntro: string
    content: Entry[]
    contentMapHint: string
    identity: Section
    timelinesHeading: string
    timelines: Entry[]
    timelinesNote: string
    flowHeading: string
    flow: string[]
    onlineHeading: string
    onlineIntro: string
    onlineForm: string
    onlineTrack: string
  }

  reportForm: {
    pageTitle: string
    heading: string
    intro: string
    urgent: string
    noScript: string
    formHeading: string

    categoryLegend: string
    categories: Record<ReportCategory, string>

    placeLegend: string
    placeIntro: string
    mapLabel: string
    mapNoScript: string
    mapPicked: (lon: string, lat: string) => string
    placeLabel: string
    placeHint: string
    datumLabel: string
    datums: Record<PlaceDatum, string>
    datumHint: string
    locateNote: string
    placeShown: (lon: string, lat: string) => string
    placeShownConverted: (lon: string, lat: string, datum: string) => string

    observedLabel: string
    observedHint: string
    descriptionLabel: string
    descriptionHint: string
    descriptionCount: (count: string, max: string) => string
    descriptionOver: (count: string, max: string) => string

    photosLabel: string
    photosHint: string
    photosPrivacy: string
    photoChosen: (name: string, sizeKb: string) => string
    photosClear: string

    contactLegend: string
    contactHint: string
    contactWho: string
    contactName: string
    contactPhone: string
    contactEmail: string

    submit: string
    sending: string
    errorSummary: string
    /** Above a connection or server failure, which asks for no correction. */
    notSentSummary: string
    errorDetail: string
    problems: Record<ReportProblem, string>
    errors: Record<ReportError, string>
    /** For CONTACT_INVALID, which part of the contact, as several may be wrong at once. */
    contactInvalid: Record<ContactControl, string>
    photoNumber: (position: string) => string
    retryAfter: (minutes: string) => string
    errorOther: string
    errorNetwork: string
    errorServer: string
  }

  reportReceipt: {
    heading: string
    intro: string
    codeLabel: string
    copy: string
    copied: string
    copyFailed: string
    keepHeading: string
    keep: string
    summaryHeading: string
    nextHeading: string
    nextAccept: (date: string) => string
    nextClose: string
    nextCloseBy: (date: string) => string
    nextFlow: string
    trackLink: string
    another: string
  }

  reportTrack: {
    pageTitle: string
    heading: string
    intro: string
    noScript: string
    codeLabel: string
    codeHint: string
    submit: string
    looking: string
    codeMissing: string
    resultHeading: (code: string) => string
    status: string
    statuses: Record<ReportStatus, string>
    statusMeaning: Record<ReportStatus, string>
    category: string
    observedAt: string
    receivedAt: string
    unit: string
    unitValue: (name: string, code: string, unitClass: string) => string
    noUnit: string
    district: string
    districtValue: (name: string) => string
    noDistrict: string
    acceptBy: string
    closeBy: string
    closeByPending: string
    closeByReferred: string
    overdue: Record<'acceptance' | 'closure', string>
    historyHeading: string
    historyReferred: (to: string) => string
    errorOther: string
    errorNetwork: string
    errorServer: string
  }
  about: {
    pageTitle: string
    heading: string
    source: Section
    noticeHeading: string
    coordinates: Section
    coordinateSystems: Entry[]
    tiles: Section
    endpoints: Entry[]
    layersHeading: string
    layerTable: { name: string; title: string }
    clientsHeading: string
    clients: Entry[]
    exampleHeading: string
    lookup: Section
  }

  /** The API page (`/about/api/`), built from the server's OpenAPI document. */
  apiPage: {
    pageTitle: string
    heading: string
    intro: string[]
    documentLink: string
    /** The link to this page from the about page. */
    aboutLink: string
    version: (title: string, version: string, openapi: string) => string
    generalHeading: string
    originHeading: string
    origin: string
    /** A shell comment after `ORIGIN=…` in the example. */
    originComment: string
    contents: string
    parameters: string
    noParameters: string
    requestBody: (mediaType: string) => string
    bodyRequired: string
    bodyOptional: string
    exactlyOne: (fields: string) => string
    fieldTable: { name: string; place: string; required: string; type: string; description: string }
    places: Record<'path' | 'query' | 'header' | 'cookie' | 'body', string>
    yes: string
    no: string
    responses: string
    responseTable: { status: string; description: string; content: string }
    noContent: string
    example: string
  }

  staff: {
    pageTitle: string
    heading: string
    intro: string
    noScript: string
    footerLink: string

    signInHeading: string
    signInIntro: string
    tokenLabel: string
    tokenHint: string
    signIn: string
    signingIn: string
    signedInAs: (name: string, role: string) => string
    roles: Record<StaffRole, string>
    signOut: string
    signedOut: string
    tokenErrors: Record<TokenError, string>
    tokenLost: string
    problems: Record<StaffProblem, string>
    errorSummary: string
    errorNetwork: string
    errorServer: string
    errorOther: string
    loading: string

    filtersHeading: string
    filterLabels: Record<FilterControl, string>
    districtHint: string
    any: string
    overdueChoices: { true: string; false: string }
    applyFilters: string
    resetFilters: string

    listHeading: string
    listCount: (shown: string, total: string) => string
    listEmpty: string
    more: string
    openReport: string
    priorities: Record<Priority, string>
    overdue: Record<OverdueStep, string>
    exportCsv: string
    exporting: string
    exported: string

    mapHeading: string
    mapLabel: string
    mapOverdue: string

    detailHeading: (code: string) => string
    closeDetail: string
    facts: {
      status: string
      category: string
      priority: string
      priorityReasons: string
      unit: string
      district: string
      zones: string
      location: string
      observedAt: string
      receivedAt: string
      acceptBy: string
      closeBy: string
      extension: string
      assignee: string
      referredTo: string
      cluster: string
    }
    noZones: string
    reasonZone: (zone: string, priority: string) => string
    reasonUnit: (priority: string) => string
    reasonCluster: (reports: string, metres: string, days: string, priority: string) => string
    extensionValue: (days: string, reason: string) => string
    clusterValue: (reports: string) => string
    locationValue: (lon: string, lat: string) => string
    descriptionHeading: string
    photosHeading: string
    photoAlt: (position: string) => string
    noPhotos: string
    photoFailed: string
    contactHeading: string
    contactFields: { name: string; phone: string; email: string }
    contactHidden: string
    noContact: string
    historyHeading: string
    historyBy: (actor: string) => string
    historyAssignee: (assignee: string) => string
    historyReferred: (to: string) => string

    moveHeading: string
    moveIntro: string
    toLabel: string
    noteLabel: string
    noteHint: string
    referredToLabel: string
    referredToHint: string
    assigneeLabel: string
    assigneeHint: string
    moveSubmit: string
    moving: string
    moved: (status: string) => string
    noMoves: string
    moveErrors: Record<MoveError, string>

    leadsHeading: string
    leadsIntro: string
    leadsEmpty: string
    leadKinds: Record<LeadKind, string>
    leadFacility: (name: string, kind: string) => string
    leadReport: (code: string) => string
    /** A lead's ground in a sentence, by kind: the report's category, the zone's title, the
     * cluster's count, radius and days. */
    leadBasis: {
      farm_in_no_raising_zone: string
      outfall_in_water_source_zone: string
      report_in_sensitive_zone: (category: string, zone: string) => string
      report_in_priority_unit: (category: string) => string
      report_cluster: (reports: string, category: string, metres: string, days: string) => string
    }
    leadRules: string
    leadNoRules: string
    leadRule: (code: string, effect: string) => string
    leadLegalBasis: (basis: string) => string
    refresh: string
  }

  /** How the language joins the pieces of text the scripts put together, and dates them. */
  writing: {
    /** The locale dates and numbers are written in (day month year in British English). */
    formatLocale: string
    /** Between the items of a list written in a line. */
    listSeparator: string
    /** Between reasons or clauses that each stand on their own. */
    clauseSeparator: string
    /** After a label that runs into its text. */
    labelEnd: string
    /** A text with a remark on it, e.g. a deadline and that it has passed. */
    aside: (text: string, note: string) => string
    /** A label and its text on one line. */
    labelled: (label: string, text: string) => string
    /** The short name of each datum a place can be given in. */
    datumNames: Record<PlaceDatum, string>
  }
}
