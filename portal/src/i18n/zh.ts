import type { Strings } from './strings.ts'

export const zh: Strings = {
  lang: 'zh-CN',
  siteName: '衡阳市生态环境分区管控',
  skipToContent: '跳到主要内容',
  nav: {
    label: '主导航',
    map: '管控地图',
    precheck: '准入预检',
    report: '举报',
    track: '举报查询',
    about: '关于数据',
  },
  notFound: {
    title: '页面不存在',
    heading: '找不到这个页面',
    body: '地址可能有误，或者页面已经移动。可以回到管控地图查询任意位置的管控单元和准入要求。',
    back: '返回管控地图',
  },
  footer: {
    notice: '示例数据，仅供演示，非官方管控成果',
    contact: '环境污染举报请拨打 12369',
  },

  unitClass: {
    priority: '优先保护单元',
    key: '重点管控单元',
    general: '一般管控单元',
  },
  unitClassOutline: {
    priority: '粗实线边框',
    key: '虚线边框',
    general: '细实线边框',
  },
  dimension: {
    spatial_layout: '空间布局约束',
    emission_control: '污染物排放管控',
    risk_prevention: '环境风险防控',
    resource_efficiency: '资源利用效率',
  },
  effect: {
    forbid: '禁止',
    restrict: '限制',
    condition: '条件',
    encourage: '鼓励',
  },
  layer: {
    districts: '行政区',
    control_units: '环境管控单元',
    water_source_zones: '饮用水水源保护区',
    nature_reserve_zones: '自然保护区',
    ecological_red_line: '生态保护红线',
    ecological_space: '一般生态空间',
    industrial_parks: '产业园区',
    no_raising_zones: '畜禽禁养区、限养区',
    rivers: '河流',
    facilities: '排污口、养殖场和取水口',
  },
  waterSourceLevel: { level1: '一级保护区', level2: '二级保护区', quasi: '准保护区' },
  reserveZone: { core: '核心区', buffer: '缓冲区', experimental: '实验区' },
  noRaisingKind: { no_raising: '禁养区', restricted: '限养区' },
  facilityKind: { outfall: '入河排污口', farm: '畜禽养殖场', intake: '取水口' },
  parkLevel: { national: '国家级', provincial: '省级' },
  crs: {
    'EPSG:4326': 'WGS84 / CGCS2000（GPS 经纬度）',
    gcj02: 'GCJ-02（高德、腾讯地图）',
    bd09: 'BD-09（百度地图）',
  },

  map: {
    pageTitle: '管控地图',
    heading: '衡阳市环境管控单元地图',
    intro:
      '点击地图上的任意位置，或输入经纬度，查询该处所属的环境管控单元、叠加的管控区域和适用的准入要求。',
    label: '环境管控单元地图',
    queryCentre: '查询地图中心',
    loading: '地图加载中……',
    failed: '地图数据加载失败，请稍后刷新页面。仍可使用经纬度表单查询。',
    noWebgl: '此浏览器无法显示地图（需要 WebGL）。仍可使用经纬度表单查询。',
    noScript: '地图需要启用 JavaScript。未启用时仍可用经纬度表单查询，结果以 JSON 格式显示。',
    controls: {
      'Map.Title': '环境管控单元地图',
      'NavigationControl.ZoomIn': '放大',
      'NavigationControl.ZoomOut': '缩小',
      'NavigationControl.ResetBearing': '恢复正北方向',
      'AttributionControl.ToggleAttribution': '显示或隐藏数据说明',
      'ScaleControl.Meters': '米',
      'ScaleControl.Kilometers': '千米',
    },
  },
  legend: {
    unitsHeading: '环境管控单元类别',
    facilitiesHeading: '点位类型',
  },
  toggles: {
    heading: '图层',
    hint: '勾选以在地图上显示该图层。',
  },
  locate: {
    button: '使用我的位置',
    locating: '正在获取位置……',
    located: (lon, lat, accuracyM) =>
      `已取得浏览器定位：经度 ${lon}，纬度 ${lat}（WGS84，误差约 ${accuracyM} 米）。`,
    failed: '无法取得位置：浏览器拒绝了定位或定位失败。请在地图上点击或输入经纬度。',
    unsupported: '这个浏览器不支持定位，请在地图上点击或输入经纬度。',
    insecure:
      '浏览器只为 HTTPS 网页提供定位，本站当前不是 HTTPS 访问。请在地图上点击或输入经纬度。',
  },
  lookupForm: {
    heading: '按经纬度查询',
    lon: '经度',
    lat: '纬度',
    crs: '坐标系',
    submit: '查询',
    hint: '经度约 110.5 至 113.6，纬度约 25.9 至 27.6（衡阳市范围）。',
    pasteHint: '可将“经度, 纬度”整体粘贴到经度框中。',
    noScript: '未启用 JavaScript 时，查询结果以 JSON 格式显示。',
    locateNote:
      '浏览器定位给出 WGS84 坐标，可直接查询。从高德、腾讯等手机地图复制的坐标是 GCJ-02，' +
      '请粘贴到上面的表单并选择对应坐标系；在单元边界附近，坐标系选错会查到相邻的单元。',
  },
  panel: {
    heading: '查询结果',
    empty: '点击地图上的位置，或使用“查询地图中心”按钮、下方的经纬度表单开始查询。',
    loading: '正在查询……',
    location: (lon, lat) => `东经 ${lon}°，北纬 ${lat}°（WGS84）`,
    unitHeading: '环境管控单元',
    unitCode: '单元编码',
    unitClass: '管控类别',
    district: '所在区县',
    area: '面积',
    areaValue: (km2) => `${km2} 平方千米`,
    zonesHeading: '叠加的管控区域',
    noZones: '此处不在其他管控区域内。',
    rulesHeading: '适用的准入要求',
    noRules: '此处暂无适用的准入要求。',
    noRulesInDimension: '本项暂无适用要求。',
    legalBasis: '依据',
    ruleCode: '编号',
    industries: '涉及行业',
    withinZone: (zone) => `适用范围：${zone}`,
    withinDistance: (what, withinM, distanceM) =>
      distanceM === undefined
        ? `适用范围：${what} ${withinM} 米以内`
        : `适用范围：${what} ${withinM} 米以内（此处相距约 ${distanceM} 米）`,
    relatedZone: '相关区域',
    outside: '该位置不在本数据集覆盖的范围内。',
    serverSays: '服务器说明（英文）：',
    errorNetwork: '无法连接服务器，请检查网络后重试。',
    errorServer: '服务器暂时无法完成查询，请稍后重试。',
    errorRequest: '查询条件有误。',
    errorRequestField: (field) => `查询条件有误。请检查“${field}”一项。`,
  },
  dataset: {
    version: (version) => `数据版本 ${version}`,
    noticeHeading: '数据说明',
    shows: (name, version) => `本站展示“${name}”，数据版本 ${version}。`,
    boundarySource: '行政区边界来源',
    datumNote: '坐标说明',
  },

  units: {
    pageTitle: '环境管控单元',
    heading: '环境管控单元',
    intro: '环境管控单元的类别、所在区县、面积和范围，单元内叠加的管控区域，以及适用的准入清单。',
    loading: '正在读取单元信息……',
    noScript:
      '单元页面需要启用 JavaScript 才能显示。未启用时，可打开 /api/units/单元编码，' +
      '以 JSON 格式查看同一单元。',
    invalid: (code) => ({
      heading: '单元编码格式不正确',
      paragraphs: [
        `“${code}”不是环境管控单元编码。单元编码由 ZH 和 11 位数字组成，请核对页面地址。`,
      ],
    }),
    notFound: (code) => ({
      heading: '找不到这个单元',
      paragraphs: [`当前数据中没有编码为 ${code} 的环境管控单元，它可能已随数据更新而调整。`],
    }),
    failedHeading: '无法读取单元信息',
    errorNetwork: '无法连接服务器，请检查网络后刷新页面。',
    errorServer: '服务器暂时无法读取单元信息，请稍后刷新页面。',
    backToMap: '返回管控地图',
    cardLink: '查看单元详情',

    factsHeading: '单元概况',
    code: '单元编码',
    unitClass: '管控类别',
    district: '所在区县',
    area: '面积',
    areaValue: (km2) => `${km2} 平方千米`,
    areaNote: '面积按 WGS84 椭球面计算。',

    mapHeading: '单元范围',
    mapLabel: (name) => `${name}的范围图`,
    mapUnit: '本单元',
    mapOtherUnits: '其他单元（淡化显示）',
    mapFailed: '地图数据加载失败，请稍后刷新页面。',
    mapNoWebgl: '此浏览器无法显示地图（需要 WebGL）。',
    mapGestures: {
      'CooperativeGesturesHandler.WindowsHelpText': '按住 Ctrl 键并滚动鼠标滚轮缩放地图',
      'CooperativeGesturesHandler.MacHelpText': '按住 ⌘ 键并滚动鼠标滚轮缩放地图',
      'CooperativeGesturesHandler.MobileHelpText': '用两根手指移动地图',
    },

    zonesHeading: '单元内的管控区域',
    zonesIntro: '与本单元重叠的叠加管控区域，以及重叠部分的面积和占本单元面积的比例。',
    zoneLayer: '类型',
    zoneName: '名称',
    zoneGrade: '级别或分区',
    zoneArea: '重叠面积',
    zoneShare: '占单元面积',
    areaM2: (m2) => `${m2} 平方米`,
    noZones: '本单元内没有叠加的管控区域。',

    rulesHeading: '准入清单',
    rulesIntro:
      '在本单元全部或部分范围内适用的准入要求，按四个维度列出。' +
      '注明适用范围的要求只在单元内的相应区域适用。',
    noRules: '本单元暂无适用的准入要求。',
    noRulesInDimension: '本项暂无适用要求。',
    scopeUnit: '适用范围：本单元',
    scopeClass: (unitClass) => `适用范围：全部${unitClass}`,
    scopeZone: (zone) => `适用范围：单元内的${zone}`,
    scopeDistance: (what, withinM, distanceM) =>
      `适用范围：${what} ${withinM} 米以内（本单元边界距其最近约 ${distanceM} 米）`,
    scopeCrossing: (what, withinM) => `适用范围：单元内${what} ${withinM} 米以内的部分`,

    search: {
      heading: '查找单元、园区或区县',
      label: '单元编码或名称、园区名称、区县名称',
      hint: '例如 ZH43040720001、松木、衡南县。',
      submit: '查找',
      noScript: '未启用 JavaScript 时，查找结果以 JSON 格式显示。',
      listLabel: '查找结果',
      searching: '正在查找……',
      found: (count, more) =>
        more ? `找到 ${count} 个以上结果，可输入更多文字缩小范围。` : `找到 ${count} 个结果。`,
      none: (text) => `没有与“${text}”相符的单元、园区或区县。`,
      failed: '查找失败，请稍后重试。',
      kinds: { unit: '管控单元', park: '产业园区', district: '区县' },
      shownUnit: (name, code) => `已在地图和查询结果中显示 ${name}（${code}）。`,
      shownPlace: (name) => `地图已缩放到${name}。`,
      noMap: (name) => `地图无法显示，未能缩放到${name}。`,
      unitPage: '打开单元页面',
    },
  },

  check: {
    pageTitle: '生态环境准入预检报告',
    heading: '生态环境准入预检报告',
    intro:
      '本报告记录一次生态环境准入预检：选址涉及的环境管控单元和管控区域、适用的准入要求和预检结论。' +
      '报告内容是检查时保存的答复，之后数据更新也不会改变。',
    loading: '正在读取预检记录……',
    noScript:
      '报告需要启用 JavaScript 才能显示。未启用时，可打开 /api/admission-check/检查编号，' +
      '以 JSON 格式查看同一份记录。',
    print: '打印报告',
    printHint: '可打印或另存为 PDF，纸张选 A4。',
    missing: {
      heading: '缺少检查编号',
      paragraphs: [
        '报告地址应带有检查编号，形如 /check/?id=检查编号。',
        '提交准入预检（POST /api/admission-check）后，答复中的 id 就是检查编号；' +
          '把它填入上面的地址即可打开这次检查的报告。',
      ],
    },
    invalid: (id) => ({
      heading: '检查编号格式不正确',
      paragraphs: [
        `“${id}”不是检查编号。检查编号由 22 个字母、数字、“-”或“_”组成，请核对报告地址。`,
      ],
    }),
    notFound: (id) => ({
      heading: '找不到这次检查',
      paragraphs: [`没有编号为 ${id} 的准入预检记录。请核对报告地址是否完整；编号区分大小写。`],
    }),
    failedHeading: '无法读取预检记录',
    errorNetwork: '无法连接服务器，请检查网络后刷新页面。',
    errorServer: '服务器暂时无法读取预检记录，请稍后刷新页面。',

    summaryHeading: '检查概况',
    checkId: '检查编号',
    checkedAt: '检查时间',
    checkedAtValue: (local) => `${local}（北京时间）`,
    industry: '行业（GB/T 4754-2017）',
    projectKind: '项目类型',
    projectKinds: { new: '新建', expansion: '扩建', renovation: '改建', relocation: '迁建' },

    verdictHeading: '预检结论',
    verdict: { forbidden: '禁止准入', conditional: '有条件准入', consistent: '符合准入要求' },
    verdictSummary: {
      forbidden: '该项目在此选址违反适用的禁止性准入要求。',
      conditional: '该项目须满足下列限制或条件，或须确认不属于被禁止的行业类别。',
      consistent: '未发现禁止、限制本项目或对其附加条件的准入要求。',
    },
    reasonsHeading: '理由',
    reasonForbid: (code, text) => `规则 ${code} 禁止本项目在此建设：${text}`,
    reasonMayForbid: (code, industries) =>
      `规则 ${code} 禁止 ${industries} 类项目：须确认本项目不属于这些类别。`,
    reasonRestrict: (code, text) => `规则 ${code} 对本项目有限制：${text}`,
    reasonCondition: (code, text) => `规则 ${code} 对本项目附有条件：${text}`,
    reasonConsistent: '此处适用的准入要求都没有禁止、限制本项目或对其附加条件。',
    reasonRelocationAsNew: '迁建项目在迁入地按新建项目审查，因此适用针对新建项目的准入要求。',
    recordedReasons: '检查记录中的理由原文（英文）',

    siteHeading: '选址',
    siteFormat: '提交形式',
    siteFormats: {
      geojson: 'GeoJSON',
      wkt: 'WKT',
      kml: 'KML',
      'boundary-points': '界址点坐标',
      'coordinate-list': '经纬度坐标列表',
      shapefile: 'Shapefile',
    },
    siteFile: (format, file) => `${format}（文件 ${file}）`,
    siteCrs: '坐标系',
    siteConversion: '坐标换算',
    noConversion: '无需换算',
    conversionValue: (from, boundM) =>
      `由 ${from} 换算为 WGS84 经纬度，换算引起的位置偏差不超过 ${boundM} 米`,
    siteRepairs: '修正',
    noRepairs: '未作修正',
    repairKinds: {
      'closed-ring': '闭合了未闭合的边界',
      'made-valid': '修复了自相交的边界',
      'merged-parts': '合并了重叠或相邻的地块',
    },
    siteNotes: '说明',
    siteArea: '面积',
    siteLength: '长度',
    siteSize: '大小',
    areaValue: (m2, hectares) => `${m2} 平方米（${hectares} 公顷）`,
    lengthValue: (m) => `${m} 米`,
    pointSite: '点位',
    siteVertices: '顶点数',
    siteExtent: '范围',
    extentValue: (west, south, east, north) =>
      `东经 ${west}° 至 ${east}°，北纬 ${south}° 至 ${north}°（WGS84）`,

    mapHeading: '选址位置图',
    mapLabel: '选址与环境管控单元位置图',
    mapSite: '选址范围（黑色粗边框、灰色填充）',
    mapExtent: (km) => `图幅东西宽约 ${km} 千米，上方为正北。`,
    mapFailed: '位置图未能加载。选址范围见“选址”一节，涉及的单元和区域见下表。',
    mapNoWebgl: '此浏览器无法显示位置图（需要 WebGL）。涉及的单元和区域见下表。',

    unitsHeading: '涉及的环境管控单元',
    unit: '单元编码及名称',
    unitClass: '管控类别',
    overlapArea: '重叠面积（平方米）',
    overlapLength: '重叠长度（米）',
    share: '占选址比例',
    pointShare: '点位所在',
    district: (name) => `所在区县：${name}`,
    noUnits: '选址不在任何环境管控单元内。',

    zonesHeading: '涉及的管控区域',
    zone: '区域名称及类型',
    noZones: '选址不在饮用水水源保护区、自然保护区、生态保护红线等管控区域内。',

    nearbyHeading: '周边敏感区域',
    nearbyIntro: (withinM) =>
      `选址周边 ${withinM} 米范围内、选址不在其中的敏感区域，由近及远；距离为与选址最近处的距离。`,
    distance: '距离（米）',
    bordering: '相邻',
    noNearby: (withinM) => `选址周边 ${withinM} 米范围内没有其他敏感区域。`,
    nearbyTruncated: (count) => `范围内的敏感区域较多，这里只列出最近的 ${count} 处。`,

    rulesHeading: '适用的准入要求',
    rulesIntro: '按生态环境准入清单的四个维度列出；同一维度内禁止性要求在前。',
    noRules: '此处没有适用于本项目的准入要求。',
    noRulesInDimension: '本项暂无适用要求。',
    ruleCode: '编号',
    legalBasis: '依据',
    industries: '涉及行业',
    allIndustries: '所有行业',
    projectKindsOfRule: '适用项目类型',
    allProjectKinds: '所有类型',
    trigger: '适用原因',
    match: '适用情况',
    mayApply: '可能适用：规则针对更细的行业类别，须确认本项目是否属于其中',
    triggerUnit: (code, name) => `选址位于管控单元 ${code}${name ? `（${name}）` : ''}`,
    triggerClass: (unitClass, code) => `选址位于${unitClass} ${code}`,
    triggerZone: (zone) => `选址位于${zone}`,
    triggerDistance: (what, withinM, distanceM) =>
      `选址距${what}不足 ${withinM} 米（最近处约 ${distanceM} 米）`,

    recordHeading: '数据与记录',
    recordIntro:
      '以下信息用于核对本报告依据的数据：图层重新导入后版本号增加，准入清单修改后摘要随之改变。',
    dataset: '数据集',
    datasetValue: (name, version) => `${name}（版本 ${version}）`,
    illustrative: '示例数据',
    versionsCaption: '各图层数据版本',
    layerColumn: '图层',
    versionColumn: '版本',
    accessList: '准入清单',
    accessListValue: (rules) => `共 ${rules} 条规则`,
    accessListDigest: '准入清单摘要（SHA-256）',
    inputDigest: '检查输入摘要（SHA-256）',
    measurement: '量算方法',
    measurementText: '面积、长度和距离均在 WGS84 椭球面上量算（PostGIS geography）。',

    noticeHeading: '示例数据声明',
    printFooter: (url, id) => `报告地址：${url}　检查编号：${id}`,
  },

  precheck: {
    pageTitle: '准入预检',
    heading: '建设项目生态环境准入预检',
    intro:
      '在地图上画出项目选址，或上传选址文件，再选择行业和项目类型，' +
      '即可查看选址涉及的环境管控单元和管控区域、适用的准入要求和预检结论。',
    noScript:
      '未启用 JavaScript 时无法在地图上绘制，也无法搜索行业：可上传选址文件或填写 WKT，' +
      '在行业框中直接填写行业代码（如 C2614），提交后以 JSON 格式显示结果。',
    mapNoScript: '在地图上绘制选址需要启用 JavaScript；仍可在下方上传选址文件或填写 WKT。',
    formHeading: '预检信息',

    siteLegend: '1. 项目选址',
    siteModeLegend: '选址方式',
    siteModes: { draw: '在地图上绘制', file: '上传文件', text: '输入坐标' },
    drawKindLegend: '绘制类型',
    drawKinds: { polygon: '面（用地范围）', line: '线（管线、道路）', point: '点' },
    drawHint: {
      polygon: '在地图上依次点击用地边界的各个拐点，点击第一个拐点或按“完成绘制”结束。',
      line: '在地图上依次点击线路经过的各点，再次点击最后一点或按“完成绘制”结束。',
      point: '在地图上点击项目所在位置。',
    },
    drawKeyboardHint:
      '使用键盘：聚焦地图后用方向键移动、加减号缩放，按“在地图中心添加拐点”逐点绘制；' +
      '也可改用“输入坐标”。',
    drawFinish: '完成绘制',
    drawUndo: '撤销上一点',
    drawClear: '清除',
    drawCentre: '在地图中心添加拐点',
    drawEmpty: (kind) => `尚未绘制${kind}。`,
    drawProgress: (kind, count, needed) =>
      `正在绘制${kind}：已有 ${count} 个点，至少需要 ${needed} 个。`,
    drawReady: (kind, count) => `正在绘制${kind}：已有 ${count} 个点，可以完成绘制。`,
    drawFinished: (kind, count) => `已完成${kind}的绘制，共 ${count} 个点。`,
    fileLabel: '选址文件',
    fileHint:
      'GeoJSON、KML 或 KMZ、zip 压缩的 Shapefile（含 .shp 和 .prj）、WKT 或界址点坐标文本，' +
      '不超过 5 MB。',
    fileChosen: (name, size) => `已选择 ${name}（${size} KB）`,
    textLabel: '坐标、WKT 或 GeoJSON',
    textHint:
      '每行一对“经度, 纬度”（也可用分号分隔），三对及以上按用地范围处理；' +
      '也可粘贴 WKT、GeoJSON、KML 或界址点坐标（X 为北坐标，Y 为东坐标）。',
    textExample: '112.080, 27.020\n112.145, 27.020\n112.145, 27.030\n112.080, 27.030',
    textNoScript: {
      label: '选址 WKT',
      hint:
        '未启用 JavaScript 时，此处只接受 WKT，经度在前、纬度在后。逐行填写“经度, 纬度”需要启用 ' +
        'JavaScript；GeoJSON、KML 或界址点坐标可存为文件，在上方上传。',
      example:
        'POLYGON ((112.080 27.020, 112.145 27.020, 112.145 27.030, 112.080 27.030, ' +
        '112.080 27.020))',
    },
    crsLabel: '坐标系',
    crsHint:
      '选“自动”时，经纬度按 WGS84 读取；文件注明了坐标系（如 Shapefile 的 .prj、界址点文件的带号）' +
      '的按文件读取。手机地图上取得的坐标请选 GCJ-02 或 BD-09。',
    crsChoices: {
      auto: '自动（默认）',
      'EPSG:4490': 'CGCS2000 经纬度（EPSG:4490）',
      gcj02: 'GCJ-02（高德、腾讯地图）',
      bd09: 'BD-09（百度地图）',
      'gauss-kruger': 'CGCS2000 高斯-克吕格投影（填写代码）',
    },
    gaussKrugerLabel: '高斯-克吕格坐标系代码',
    gaussKrugerHint:
      '衡阳跨 3 度带第 37、38 带（以东经 112.5° 为界）。东坐标带带号时填 EPSG:4525 或 4526，' +
      '不带带号时填 EPSG:4546 或 4547。',
    gaussKrugerCodes: [
      { term: 'EPSG:4525', detail: '3 度带第 37 带，东坐标带带号' },
      { term: 'EPSG:4526', detail: '3 度带第 38 带，东坐标带带号' },
      { term: 'EPSG:4546', detail: '3 度带第 37 带（中央经线 111°），东坐标不带带号' },
      { term: 'EPSG:4547', detail: '3 度带第 38 带（中央经线 114°），东坐标不带带号' },
    ],

    industryLabel: '2. 行业（国民经济行业分类 GB/T 4754-2017）',
    industryHint: '输入行业名称或代码，如“化学”“2614”，用上下方向键在列表中选择，按回车确认。',
    industryListLabel: '匹配的行业',
    industrySearching: '正在搜索行业……',
    industryFound: (count, more) =>
      more ? `找到 ${count} 项以上，请输入更具体的名称或代码。` : `找到 ${count} 项。`,
    industryNone: (text) => `没有名称或代码包含“${text}”的行业。`,
    industryFailed: '暂时无法搜索行业，可直接填写行业代码。',
    industryChosen: (code, name, level) => `已选择：${code} ${name}（${level}）`,
    industryLevels: { section: '门类', division: '大类', group: '中类', class: '小类' },

    projectKindLegend: '3. 项目类型',
    submit: '开始预检',

    errorSummary: '请修改以下内容后再提交：',
    notSentSummary: '预检没有完成：',
    errorDetail: '服务器说明（英文）：',
    problems: {
      'industry-missing': '请选择行业：输入名称或代码后从列表中选择。',
      'draw-empty': '请先在地图上绘制选址。',
      'draw-unfinished': '选址还未画完：请继续添加拐点。',
      'file-missing': '请选择选址文件。',
      'file-too-large': '文件超过 5 MB，请精简后再上传。',
      'text-missing': '请输入选址的坐标、WKT 或 GeoJSON。',
      'text-unrecognised':
        '无法识别输入的内容：请输入每行一对“经度, 纬度”，或 WKT、GeoJSON、KML、界址点坐标。',
      'gauss-kruger-missing': '请填写高斯-克吕格坐标系代码，如 EPSG:4526。',
    },
    errors: {
      PARAMETER_MISSING: '缺少这一项。',
      INDUSTRY_INVALID:
        '行业代码格式不正确：应为门类字母加 2 至 4 位数字，如 C2614。请从列表中选择。',
      INDUSTRY_UNKNOWN: '行业目录中没有这个代码，请从列表中选择。',
      PROJECT_KIND_INVALID: '请选择项目类型。',
      CRS_UNSUPPORTED: '不支持这个坐标系。',
      CRS_REQUIRED: '坐标是以米为单位的投影坐标，请在“坐标系”中选择高斯-克吕格投影并填写代码。',
      CRS_CONFLICT: '所选坐标系与文件中注明的坐标系不一致。',
      ZONE_CONFLICT: '所选坐标系的投影带与文件中注明的带号不一致。',
      ZONE_REQUIRED: '无法确定坐标所在的高斯-克吕格投影带，请填写坐标系代码。',
      COORDINATES_SWAPPED: '坐标顺序似乎颠倒了：经度应在纬度之前，界址点的 X 应在 Y 之前。',
      SITE_TOO_COMPLEX: '选址的拐点过多，最多 10,000 个。',
      SITE_TOO_LARGE: '选址范围过大：东西、南北各不超过 5 度，面积不超过 1,000 平方千米。',
      GEOMETRY_INVALID: '选址的图形无效，例如边界交叉、未闭合或不是 GeoJSON。',
      WKT_INVALID: '无法读取输入的 WKT。',
      KML_INVALID: '无法读取 KML。',
      BOUNDARY_POINTS_INVALID: '无法读取界址点坐标。',
      SHAPEFILE_INVALID: '无法读取 Shapefile 压缩包：须含一组 .shp 和 .prj 文件。',
      FILE_UNRECOGNISED:
        '无法识别文件格式：请上传 GeoJSON、KML 或 KMZ、zip 压缩的 Shapefile、WKT 或界址点坐标文本。',
      UPLOAD_TOO_LARGE: '文件超过 5 MB，请精简后再上传。',
      UPLOAD_INVALID: '上传的内容有误，请只上传一个选址文件。',
      OUTSIDE_COVERAGE: '选址不在本数据集覆盖的范围内，请检查坐标和坐标系。',
    },
    siteMissing: '请给出项目选址。',
    errorOther: '提交的内容有误。',
    errorNetwork: '无法连接服务器，请检查网络后重试。',
    errorServer: '服务器暂时无法完成预检，请稍后重试。',

    mapLabel: '选址绘制地图',
    mapLegendHeading: '图例',
    mapDrawing: '绘制中的选址（蓝色虚线，白色圆点为拐点）',
    mapSite: '已预检的选址（黑色粗边框、灰色填充）',
    mapUnits: '选址涉及的管控单元（洋红色粗边框）',

    resultHeading: '预检结果',
    resultIntro: '以下是本次预检的答复，已按检查编号保存；可打开报告页打印或另存为 PDF。',
    reportLink: '打开可打印的预检报告',
    checking: '正在预检，请稍候……',
  },

  report: {
    pageTitle: '举报环境污染',
    heading: '如何举报环境污染和生态破坏',
    intro:
      '发现污染环境、破坏生态的行为，可以向生态环境部门举报：通过 12369 环保举报渠道，或在本站在线填写举报表单。',
    urgent:
      '正在发生的突发环境事件（如危险化学品泄漏、大面积死鱼）请立即拨打 12369；危及人身安全时请同时拨打 110 或 119。',
    channelsHeading: '12369 环保举报渠道',
    channels: [
      { term: '电话', detail: '拨打环保举报热线 12369。' },
      {
        term: '微信',
        detail:
          '关注“12369环保举报”微信公众号，或使用“12369环保举报”微信小程序，可上传照片和定位。',
      },
      { term: '网络', detail: '登录生态环境部的 12369 环保举报网络平台提交。' },
    ],
    channelsNote: '各渠道收到的举报都会转交事发地的生态环境部门办理。',
    categoriesHeading: '可以举报的问题',
    categoriesIntro: '12369 受理以下八类环境问题：',
    categories: [
      { term: '大气', detail: '工厂废气超标或偷排、施工扬尘、露天焚烧、刺激性异味。' },
      { term: '水', detail: '偷排、超标排放污水，黑臭水体，饮用水水源保护区内的违法活动。' },
      { term: '噪声', detail: '工业生产、建筑施工和社会生活噪声扰民。' },
      { term: '固体废物', detail: '非法倾倒、堆放、焚烧或处置固体废物和危险废物。' },
      { term: '土壤', detail: '土壤污染，污染地块未经治理即开发利用。' },
      { term: '辐射', detail: '放射源管理不当，电磁辐射设施违规建设或运行。' },
      {
        term: '生态破坏',
        detail: '在生态保护红线、自然保护区内违法开发建设，毁坏植被、湿地或河岸。',
      },
      { term: '畜禽养殖', detail: '在禁养区内养殖，养殖粪污、废水直排或乱堆乱放。' },
    ],
    contentHeading: '怎样的举报更有用',
    contentIntro: '举报内容越具体，核查越快。请尽量说明：',
    content: [
      { term: '地点', detail: '具体到乡镇、街道、门牌号或附近的明显标志物，能提供经纬度更好。' },
      { term: '时间', detail: '发现问题的日期和时段，是持续发生还是间歇出现。' },
      {
        term: '看到的情况',
        detail: '看到、闻到或听到了什么，例如排水颜色、烟气颜色、气味、声响。',
      },
      { term: '照片或视频', detail: '拍摄现场和污染迹象，拍摄时请注意自身安全。' },
      { term: '涉事单位', detail: '如果知道，写明企业或个人的名称。' },
    ],
    contentMapHint:
      '可以在本站的管控地图上查询该地点所属的环境管控单元和适用的管控要求，一并写入举报。',
    identity: {
      heading: '匿名与举报人保护',
      paragraphs: [
        '可以匿名举报，也可以留下姓名和联系电话。留下联系方式便于核实情况和告知办理结果；匿名举报可能无法收到反馈。',
        '生态环境部门对举报人的信息保密，不会向被举报单位或个人透露举报人的身份。',
      ],
    },
    timelinesHeading: '办理时限',
    timelines: [
      {
        term: '受理',
        detail:
          '一般在收到举报之日起 15 日内决定是否受理；不属于生态环境部门职责的，告知举报人向哪个部门反映或转交有关部门。',
      },
      { term: '办结', detail: '一般在受理之日起 60 日内办结。' },
      { term: '延期', detail: '情况复杂的，可以延长一次，一般不超过 30 日，并说明理由。' },
    ],
    timelinesNote: '以上为一般情况，具体时限以各地的规定为准。',
    flowHeading: '办理流程',
    flow: ['提交举报', '受理或转办', '交办', '现场核查', '处理或整改', '答复举报人', '办结'],
    onlineHeading: '在线举报',
    onlineIntro:
      '在本站填写举报表单：在地图上选定地点，说明看到的情况，可附照片。提交后会得到一个跟踪码，凭跟踪码查询办理进度。',
    onlineForm: '在线填写举报',
    onlineTrack: '凭跟踪码查询办理进度',
  },

  reportForm: {
    pageTitle: '在线举报',
    heading: '在线举报环境污染',
    intro:
      '填写以下内容，举报会按地点交由所在区县的生态环境部门办理。带 * 的为必填项。提交后请保存跟踪码，凭它查询办理进度。',
    urgent: '正在发生的突发环境事件请立即拨打 12369；危及人身安全时请同时拨打 110 或 119。',
    noScript:
      '在线举报表单需要浏览器启用脚本（用于地图选点和上传照片）。也可以拨打 12369 或通过 12369 微信公众号举报。',
    formHeading: '举报内容',

    categoryLegend: '1. 问题类别 *',
    categories: {
      air: '大气污染',
      water: '水污染',
      noise: '噪声扰民',
      solid_waste: '固体废物',
      soil: '土壤污染',
      radiation: '辐射',
      ecological_damage: '生态破坏',
      livestock: '畜禽养殖污染',
    },

    placeLegend: '2. 地点 *',
    placeIntro:
      '在地图上点击问题发生的位置放置标记；或使用“我的位置”；或粘贴从其他地图取得的经纬度并选择坐标系。',
    mapLabel: '举报地点选择地图',
    mapNoScript: '地图需要浏览器启用脚本。',
    mapPicked: (lon, lat) => `已在地图上选定：经度 ${lon}，纬度 ${lat}（WGS84）`,
    placeLabel: '经纬度',
    placeHint: '格式为“经度, 纬度”，如 112.572, 26.894。在地图上点击会自动填写。',
    datumLabel: '坐标系',
    datums: {
      'EPSG:4326': 'WGS84（GPS、浏览器定位、本站地图）',
      gcj02: 'GCJ-02（高德、腾讯等国内手机地图）',
      bd09: 'BD-09（百度地图）',
    },
    datumHint:
      '从高德、腾讯地图复制的坐标是 GCJ-02，从百度地图复制的是 BD-09，与 WGS84 相差数百米，请选对坐标系，由服务器换算。',
    locateNote: '浏览器给出的位置是 WGS84 坐标，精度取决于设备，请在地图上核对。',
    placeShown: (lon, lat) => `地图标记：经度 ${lon}，纬度 ${lat}（WGS84）`,
    placeShownConverted: (lon, lat, datum) =>
      `按 ${datum} 输入，地图标记换算为 WGS84：经度 ${lon}，纬度 ${lat}`,

    observedLabel: '3. 发现时间（北京时间）*',
    observedHint: '默认为现在。可以填写一年之内的时间。',
    descriptionLabel: '4. 情况描述 *',
    descriptionHint:
      '看到、闻到或听到了什么，持续还是间歇，涉事单位（如果知道）。只作为文字保存，最多 2,000 字。',
    descriptionCount: (count, max) => `已输入 ${count} / ${max} 字`,
    descriptionOver: (count, max) => `已输入 ${count} 字，超出上限 ${max} 字`,

    photosLabel: '5. 照片（可选，最多 3 张）',
    photosHint: 'JPEG 或 PNG 格式，每张不超过 8 MB。',
    photosPrivacy:
      '照片中的拍摄位置（GPS）、拍摄设备和时间等元数据会在保存前删除，只保留图像本身。',
    photoChosen: (name, sizeKb) => `${name}（${sizeKb} KB）`,
    photosClear: '清除已选照片',

    contactLegend: '6. 联系方式（可选）',
    contactHint: '可以匿名举报。留下联系方式便于核实情况和告知办理结果。',
    contactWho:
      '联系方式只有生态环境部门的办理人员能看到，不会出现在跟踪码查询结果中，也不会告知被举报的单位或个人。',
    contactName: '姓名或称呼',
    contactPhone: '电话',
    contactEmail: '电子邮箱',

    submit: '提交举报',
    sending: '正在提交，请稍候……',
    errorSummary: '请修改以下内容后再提交：',
    notSentSummary: '举报没有提交：',
    errorDetail: '服务器说明（英文）：',
    problems: {
      'category-missing': '请选择问题类别。',
      'place-missing': '请给出地点：在地图上点击、使用我的位置，或输入经纬度。',
      'place-unreadable': '无法识别经纬度：请按“经度, 纬度”输入两个数，如 112.572, 26.894。',
      'observed-missing': '请填写发现时间。',
      'description-missing': '请描述看到的情况。',
      'description-too-long': '情况描述超过 2,000 字，请删减。',
      'photos-too-many': '最多附 3 张照片。',
      'photo-type': '照片须为 JPEG 或 PNG 格式。',
      'photo-too-large': '每张照片不能超过 8 MB。',
    },
    errors: {
      PARAMETER_MISSING: '缺少这一项。',
      CATEGORY_INVALID: '请选择问题类别。',
      LOCATION_INVALID: '地点的格式不正确。',
      COORDINATE_INVALID: '经纬度须为十进制度数，如 112.572, 26.894。',
      COORDINATE_OUT_OF_RANGE: '经纬度超出范围：经度在前、纬度在后，纬度在 -90 至 90 之间。',
      CRS_UNSUPPORTED: '不支持这个坐标系。',
      OBSERVED_AT_INVALID: '发现时间的格式不正确。',
      OBSERVED_AT_IN_FUTURE: '发现时间不能晚于现在。',
      OBSERVED_AT_TOO_OLD: '发现时间超过一年，较早的问题请拨打 12369 反映。',
      DESCRIPTION_INVALID: '情况描述须为文字。',
      DESCRIPTION_TOO_LONG: '情况描述超过 2,000 字，请删减。',
      TEXT_INVALID: '文字中含有无法保存的字符。',
      CONTACT_INVALID: '联系方式的格式不正确。',
      PHOTO_INVALID: '无法读取这张照片，请上传 JPEG 或 PNG 格式的照片。',
      PHOTO_TOO_LARGE: '照片超过 8 MB，请换一张较小的。',
      PHOTOS_TOO_MANY: '最多附 3 张照片。',
      PAYLOAD_TOO_LARGE: '提交的内容过大，请减少照片。',
      FIELD_TOO_LARGE: '这一项的内容过长。',
      OUTSIDE_COVERAGE:
        '这个地点不在本站管控单元的覆盖范围内，请检查经纬度和坐标系；范围外的问题请拨打 12369 举报。',
      RATE_LIMITED: '提交过于频繁，请稍后再试，或拨打 12369。',
      TRACKING_CODE_INVALID: '跟踪码格式不正确：应为 20 位字母和数字，可带或不带连字符。',
      REPORT_NOT_FOUND: '没有这个跟踪码的举报，请核对后重试。',
    },
    contactInvalid: {
      contactName: '姓名或称呼须为文字，最多 50 个字。',
      contactPhone: '电话号码的格式不正确：只能有数字、空格和连字符，如 0734-1234567。',
      contactEmail: '电子邮箱的格式不正确，应如 name@example.com。',
    },
    photoNumber: (position) => `第 ${position} 张照片：`,
    retryAfter: (minutes) => `约 ${minutes} 分钟后可以再试。`,
    errorOther: '提交的内容有误。',
    errorNetwork: '无法连接服务器，请检查网络后重试。',
    errorServer: '服务器暂时无法接收举报，请稍后重试，或拨打 12369。',
  },

  reportReceipt: {
    heading: '举报已提交',
    intro: '举报已经保存，并会交由所在区县的生态环境部门办理。',
    codeLabel: '跟踪码',
    copy: '复制跟踪码',
    copied: '已复制到剪贴板。',
    copyFailed: '无法复制，请手动选中跟踪码抄下。',
    keepHeading: '请保存跟踪码',
    keep: '跟踪码是查询这件举报的唯一凭据：本站不保存您的身份，也不在浏览器中记住跟踪码，关闭本页后无法找回。请复制、截图或抄写保存。',
    summaryHeading: '举报概况',
    nextHeading: '接下来',
    nextAccept: (date) => `生态环境部门将在 ${date} 前决定受理，或转交有关部门办理。`,
    nextClose: '受理之日起 60 日内办结；情况复杂的可延长一次，不超过 30 日。',
    nextCloseBy: (date) => `应在 ${date} 前办结。`,
    nextFlow: '办理过程：',
    trackLink: '查询这件举报的办理进度',
    another: '再举报一个问题',
  },

  reportTrack: {
    pageTitle: '举报查询',
    heading: '查询举报办理进度',
    intro:
      '输入提交举报时得到的跟踪码，查看办理状态、经办部门和时限。查询结果不含举报内容、联系方式和照片。',
    noScript: '查询需要浏览器启用脚本。也可以直接打开 /api/reports/跟踪码 查看 JSON 格式的结果。',
    codeLabel: '跟踪码',
    codeHint: '20 位字母和数字，如 7K3QD-M2X9R-4HJVC-0PN8T；大小写和连字符均可。',
    submit: '查询',
    looking: '正在查询……',
    codeMissing: '请输入跟踪码。',
    resultHeading: (code) => `举报 ${code}`,
    status: '当前状态',
    statuses: {
      received: '已收到',
      accepted: '已受理',
      assigned: '已交办',
      inspected: '已现场核查',
      rectifying: '整改中',
      replied: '已答复',
      closed: '已办结',
      referred: '已转办',
    },
    statusMeaning: {
      received: '举报已收到，等待生态环境部门决定是否受理。',
      accepted: '生态环境部门已受理，将安排核查。',
      assigned: '已交给执法人员办理。',
      inspected: '执法人员已到现场核查。',
      rectifying: '发现的问题正在整改。',
      replied: '已答复处理结果。',
      closed: '举报已办结。',
      referred: '不属于生态环境部门职责，已转交有关部门办理。',
    },
    category: '问题类别',
    observedAt: '发现时间',
    receivedAt: '收到时间',
    unit: '所在管控单元',
    unitValue: (name, code, unitClass) => `${name}（${code}，${unitClass}）`,
    noUnit: '未确定',
    district: '办理部门',
    districtValue: (name) => `${name}生态环境部门`,
    noDistrict: '未确定',
    acceptBy: '受理期限',
    closeBy: '办结期限',
    closeByPending: '受理后 60 日内',
    closeByReferred: '不适用：已转交其他部门办理',
    overdue: { acceptance: '已超过受理期限', closure: '已超过办结期限' },
    historyHeading: '办理记录',
    historyReferred: (to) => `转交：${to}`,
    errorOther: '查询没有成功。',
    errorNetwork: '无法连接服务器，请检查网络后重试。',
    errorServer: '服务器暂时无法查询，请稍后重试。',
  },

  about: {
    pageTitle: '关于数据',
    heading: '关于本站数据',
    source: {
      heading: '数据来源',
      paragraphs: [
        '本站展示衡阳市生态环境分区管控（“三线一单”）的示例数据集：环境管控单元、饮用水水源保护区、自然保护区、生态保护红线、一般生态空间、产业园区、畜禽禁养区、河流和点位，' +
          '以及各单元的生态环境准入清单。',
        '这些图层和准入要求是依据公开资料简化编制的演示数据，不是衡阳市正式发布的管控成果，不能作为项目审批、选址或执法的依据。正式成果以衡阳市生态环境局发布的为准。',
        '行政区边界取自公开转载的 DataV GeoAtlas 行政区划数据，未附许可声明，仅用于演示，不代表官方行政界线。',
      ],
    },
    noticeHeading: '示例数据声明',
    coordinates: {
      heading: '坐标系',
      paragraphs: [
        '本站的数据、瓦片和接口都使用经纬度坐标。查询接口默认输入和输出 WGS84 经纬度；地图瓦片采用 Web 墨卡托投影（EPSG:3857）的 XYZ 分块。',
        '在管控单元边界附近，用错坐标系会查到错误的单元。手机地图上取得的坐标请在查询时选择相应的坐标系，由服务器换算。',
      ],
    },
    coordinateSystems: [
      {
        term: 'WGS84（EPSG:4326）',
        detail: 'GPS 设备和大多数 GIS 软件使用的经纬度。',
      },
      {
        term: 'CGCS2000（EPSG:4490）',
        detail: '国家大地坐标系。对本站用途而言与 WGS84 的差别在 1 米以内，可直接当作 WGS84 使用。',
      },
      {
        term: 'GCJ-02',
        detail: '高德、腾讯等手机地图使用的加偏坐标，与 WGS84 相差数百米。',
      },
      {
        term: 'BD-09',
        detail: '百度地图在 GCJ-02 基础上再次加偏的坐标。',
      },
    ],
    tiles: {
      heading: '在其他客户端中使用瓦片',
      paragraphs: [
        '所有图层都以 Mapbox 矢量瓦片（MVT）发布，可在 MapLibre、OpenLayers、QGIS 等客户端中使用。' +
          '每个图层有一份 TileJSON 3.0.0 描述，给出瓦片地址、缩放级别范围、范围框和属性字段。瓦片中的图层名（source-layer）与图层名称相同。',
        '下列地址都以本站地址开头，例如本站为 https://example.org 时，' +
          '管控单元的 TileJSON 为 https://example.org/tiles/control_units.json。',
      ],
    },
    endpoints: [
      {
        term: '/tiles',
        detail: '图层目录（JSON），列出各图层的名称、标题、属性和 TileJSON 地址。',
      },
      { term: '/tiles/{图层}.json', detail: '图层的 TileJSON 3.0.0 描述。' },
      {
        term: '/tiles/{图层}/{z}/{x}/{y}.mvt',
        detail: '矢量瓦片；该处没有要素时返回 204（无内容）。',
      },
      {
        term: '/tiles/zoning.json',
        detail: '全部公开图层合在一起的 TileJSON，每个图层是瓦片中单独的 source-layer。',
      },
      {
        term: '/styles/zoning.json',
        detail:
          '按本站配色绘制全部图层的 MapLibre 样式，以系统字体标注中文名称，可直接用于 maplibre-gl 和 QGIS。' +
          '样式的 metadata 中 "ecozoning:legend" 一项为中英文图例。',
      },
    ],
    layersHeading: '图层',
    layerTable: { name: '图层名称', title: '内容' },
    clientsHeading: '常用客户端',
    clients: [
      {
        term: 'MapLibre GL JS',
        detail:
          '添加 type 为 vector 的数据源，url 设为图层 TileJSON 的完整地址，图层的 source-layer 设为图层名称。',
      },
      {
        term: 'OpenLayers',
        detail:
          '使用 VectorTile 图层、MVT 格式，瓦片地址模板取 TileJSON 中的 tiles，' +
          '并把 TileJSON 的 maxzoom 设为数据源的 maxZoom，更近的视图即沿用最深一级的瓦片。' +
          '如需按本站样式绘制并标注名称，可用 ol-mapbox-style 应用 /styles/zoning.json。' +
          '合成瓦片还为每个带名称的面图层附有注记点图层 {图层名}_label，可用于标注，也可不绘制。',
      },
      {
        term: 'QGIS',
        detail:
          '在“矢量瓦片”中新建通用连接，URL 填写瓦片地址模板，最小、最大缩放级别按 TileJSON 填写。' +
          '要按本站样式显示全部图层，URL 填写 /tiles/zoning.json 的模板' +
          '（/tiles/zoning/{z}/{x}/{y}.mvt），样式 URL 填写 /styles/zoning.json。',
      },
    ],
    exampleHeading: 'MapLibre 数据源示例',
    lookup: {
      heading: '查询接口',
      paragraphs: [
        'GET /api/lookup?lon=经度&lat=纬度 返回该点所属的环境管控单元、叠加的管控区域和适用的准入要求。' +
          '参数 crs 可取 EPSG:4326（默认）、EPSG:4490、gcj02 或 bd09。',
        'GET /api/dataset 返回数据集的名称、版本、是否为示例数据以及各图层的要素数量。',
      ],
    },
  },

  apiPage: {
    pageTitle: '接口说明',
    heading: '接口说明',
    intro: [
      '本页列出本站全部公开接口：方法、路径、参数、请求体字段、响应状态码，以及每个接口的 curl 调用示例。' +
        '内容由服务器提供的 OpenAPI 3.1 文档在构建时生成，各项说明保持文档原文（英文）。',
      '工作人员接口（/api/staff/）需要令牌，不在此列。',
    ],
    documentLink: '机器可读的 OpenAPI 文档：',
    aboutLink: '全部接口的说明和调用示例',
    version: (title, version, openapi) => `${title} ${version}，OpenAPI ${openapi}`,
    generalHeading: '通用约定',
    originHeading: '示例中的地址',
    origin:
      '示例用 shell 变量 ORIGIN 表示本站地址，即浏览器地址栏中的协议、主机和端口。先设置一次，再运行各个示例：',
    originComment: '# 本站地址，按实际修改',
    contents: '接口目录',
    parameters: '参数',
    noParameters: '没有参数。',
    requestBody: (mediaType) => `请求体（${mediaType}）`,
    bodyRequired: '必须提供请求体。',
    bodyOptional: '请求体可以省略。',
    exactlyOne: (fields) => `以下字段须且只能提供一个：${fields}。`,
    fieldTable: {
      name: '名称',
      place: '位置',
      required: '必填',
      type: '类型',
      description: '说明',
    },
    places: { path: '路径', query: '查询', header: '请求头', cookie: 'Cookie', body: '请求体' },
    yes: '是',
    no: '否',
    responses: '响应',
    responseTable: { status: '状态码', description: '说明', content: '内容类型' },
    noContent: '无内容',
    example: '调用示例',
  },

  staff: {
    pageTitle: '举报办理（工作人员）',
    heading: '举报办理',
    intro: '生态环境部门工作人员查看、办理群众举报和执法线索。需要用工作人员令牌登录。',
    noScript: '本页需要浏览器启用脚本。',
    footerLink: '工作人员入口',

    signInHeading: '工作人员登录',
    signInIntro:
      '请输入管理员发放的工作人员令牌。令牌只保存在本浏览器标签页中，关闭标签页或点击“退出”后即清除。',
    tokenLabel: '工作人员令牌',
    tokenHint: '以 ezs_ 开头，共 47 个字符。',
    signIn: '登录',
    signingIn: '正在核对令牌……',
    signedInAs: (name, role) => `${name}（${role}）`,
    roles: { viewer: '查阅', officer: '办理', supervisor: '审核' },
    signOut: '退出',
    signedOut: '已退出，令牌已从本标签页清除。',
    tokenErrors: {
      STAFF_TOKEN_MISSING: '请输入工作人员令牌。',
      STAFF_TOKEN_INVALID: '令牌不正确：请核对后重新输入，或向管理员重新申请。',
      STAFF_TOKEN_REVOKED: '这个令牌已被吊销，请向管理员重新申请。',
    },
    tokenLost: '令牌已失效，请重新登录。',
    problems: {
      'token-missing': '请输入工作人员令牌。',
      'token-shape': '令牌格式不正确：应以 ezs_ 开头，共 47 个字符。',
      'district-shape': '区县须为 6 位行政区划代码，如 430407。',
      'dates-reversed': '开始日期晚于结束日期。',
      'to-missing': '请选择新的状态。',
      'referred-to-missing': '转办时须填写接收部门。',
      'assignee-missing': '交办时须填写承办人或承办队伍。',
    },
    errorSummary: '请修改以下内容：',
    errorNetwork: '无法连接服务器，请检查网络后重试。',
    errorServer: '服务器暂时无法处理，请稍后重试。',
    errorOther: '请求没有成功。',
    loading: '正在加载……',

    filtersHeading: '筛选',
    filterLabels: {
      district: '区县代码',
      category: '问题类别',
      status: '办理状态',
      priority: '优先级',
      from: '收到日期自',
      to: '收到日期至',
      overdue: '是否超期',
    },
    districtHint: '6 位行政区划代码，如 430407；不填为全部。',
    any: '全部',
    overdueChoices: { true: '已超期', false: '未超期' },
    applyFilters: '筛选',
    resetFilters: '清除筛选',

    listHeading: '举报列表',
    listCount: (shown, total) => `共 ${total} 件，显示 ${shown} 件`,
    listEmpty: '没有符合条件的举报。',
    more: '显示更多',
    openReport: '查看',
    priorities: { urgent: '紧急', high: '较高', normal: '一般' },
    overdue: { acceptance: '受理超期', closure: '办结超期' },
    exportCsv: '导出 CSV',
    exporting: '正在导出……',
    exported: '已导出 reports.csv（按当前筛选，不含联系方式）。',

    mapHeading: '举报分布',
    mapLabel: '举报点位和生态环境管控分区地图',
    mapOverdue: '深红色粗边框：已超期',

    detailHeading: (code) => `举报 ${code}`,
    closeDetail: '关闭',
    facts: {
      status: '办理状态',
      category: '问题类别',
      priority: '优先级',
      priorityReasons: '优先级依据',
      unit: '管控单元',
      district: '区县',
      zones: '所在管控区域',
      location: '位置（WGS84）',
      observedAt: '发现时间',
      receivedAt: '收到时间',
      acceptBy: '受理期限',
      closeBy: '办结期限',
      extension: '延期',
      assignee: '承办',
      referredTo: '转办至',
      cluster: '聚集',
    },
    noZones: '无',
    reasonZone: (zone, priority) => `位于${zone}：${priority}`,
    reasonUnit: (priority) => `位于优先保护单元：${priority}`,
    reasonCluster: (reports, metres, days, priority) =>
      `${days} 日内 ${metres} 米范围有同类举报 ${reports} 件：升为${priority}`,
    extensionValue: (days, reason) => `延长 ${days} 日：${reason}`,
    clusterValue: (reports) => `附近同类举报 ${reports} 件`,
    locationValue: (lon, lat) => `经度 ${lon}，纬度 ${lat}`,
    descriptionHeading: '举报内容',
    photosHeading: '照片',
    photoAlt: (position) => `举报照片 ${position}`,
    noPhotos: '没有照片。',
    photoFailed: '照片无法加载。',
    contactHeading: '举报人联系方式',
    contactFields: { name: '姓名', phone: '电话', email: '电子邮箱' },
    contactHidden: '当前令牌的角色不能查看联系方式。',
    noContact: '举报人没有留下联系方式（匿名举报）。',
    historyHeading: '办理记录',
    historyBy: (actor) => `经办：${actor}`,
    historyAssignee: (assignee) => `承办：${assignee}`,
    historyReferred: (to) => `转交：${to}`,

    moveHeading: '办理',
    moveIntro: '选择下一步状态。办理记录会写明经办人、时间和说明。',
    toLabel: '新的状态',
    noteLabel: '办理说明',
    noteHint: '可选，最多 2,000 字；会记入办理记录。',
    referredToLabel: '接收部门',
    referredToHint: '转办时必填：举报应由哪个部门办理。',
    assigneeLabel: '承办人或承办队伍',
    assigneeHint: '交办时必填。',
    moveSubmit: '提交',
    moving: '正在提交……',
    moved: (status) => `已改为“${status}”。`,
    noMoves: '当前令牌不能再改变这件举报的状态。',
    moveErrors: {
      PARAMETER_MISSING: '缺少这一项。',
      TRANSITION_NOT_ALLOWED: '举报的状态已经变化，不能这样改。请刷新后重试。',
      ROLE_FORBIDDEN: '当前令牌的角色不能做这一步。',
      FIELD_TOO_LONG: '内容过长。',
      TEXT_INVALID: '文字中含有无法保存的字符。',
      REPORT_NOT_FOUND: '找不到这件举报。',
    },

    leadsHeading: '执法线索',
    leadsIntro: '根据管控分区和举报找出的重点核查对象，以及背后的准入要求。',
    leadsEmpty: '目前没有线索。',
    leadKinds: {
      farm_in_no_raising_zone: '禁养区内的养殖场',
      outfall_in_water_source_zone: '水源保护区内的排污口',
      report_in_sensitive_zone: '敏感区域内的举报',
      report_in_priority_unit: '优先保护单元内的举报',
      report_cluster: '同类举报聚集',
    },
    leadFacility: (name, kind) => `${name}（${kind}）`,
    leadReport: (code) => `举报 ${code}`,
    leadBasis: {
      farm_in_no_raising_zone: '养殖场位于畜禽禁养区内，禁养区内不得建设或经营养殖场。',
      outfall_in_water_source_zone: '排污口位于饮用水水源保护区内。',
      report_in_sensitive_zone: (category, zone) =>
        `未办结的举报（${category}）位于敏感区域：${zone}。`,
      report_in_priority_unit: (category) => `未办结的举报（${category}）位于优先保护单元内。`,
      report_cluster: (reports, category, metres, days) =>
        `${days} 日内 ${metres} 米范围有同类举报（${category}）${reports} 件，含本件。`,
    },
    leadRules: '依据的准入要求',
    leadNoRules: '没有对应的准入要求，依据为举报聚集。',
    leadRule: (code, effect) => `${code}（${effect}）`,
    leadLegalBasis: (basis) => `法律依据：${basis}`,
    refresh: '刷新',
  },
  writing: {
    formatLocale: 'zh-CN',
    listSeparator: '、',
    clauseSeparator: '；',
    labelEnd: '：',
    aside: (text, note) => `${text}（${note}）`,
    labelled: (label, text) => `${label}：${text}`,
    datumNames: { 'EPSG:4326': 'WGS84', gcj02: 'GCJ-02', bd09: 'BD-09' },
  },
}
