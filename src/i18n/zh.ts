/** The interface's words in Chinese (simplified). Loaded only when chosen. */
import { ownEntry } from '../model/present.ts';
import type { Messages, StorageAction } from './messages.ts';

// One formatter for every count (toLocaleString builds one per call).
const chineseNumber = new Intl.NumberFormat('zh');
const zhPlural = (count: number, unit: string) => `${chineseNumber.format(count)} ${unit}`;
/** A space where Latin letters or digits meet Chinese characters, and nowhere else: "State Council 与国务院办公厅". */
const spaced = (text: string) => text.replace(/([A-Za-z0-9])(?=[\u4e00-\u9fff])/g, '$1 ').replace(/([\u4e00-\u9fff])(?=[A-Za-z0-9])/g, '$1 ');
/** Chinese puts no space before a full-width colon. */
const label = (name: string) => `${name}：`;

/** What could not be done, the verb, and what it means for the user. */
const STORAGE_ACTIONS_ZH: Record<StorageAction, readonly [string, string, string]> = {
  save: ['图表', '保存', '关闭此标签页之前，它仍可使用。'],
  delete: ['图表', '删除', '下次打开此页面时，它可能会再次出现。'],
  restore: ['已保存的图表', '载入', ''],
};

export const zh: Messages = {
  uiLanguage: 'zh',
  htmlLang: 'zh-Hans',
  appTitle: '中国的两个办公厅',
  tagline: '全国人大常委会办公厅与国务院办公厅的机构设置',
  chartSwitch: '图表',

  compare: '对比',
  outline: '大纲',
  outlineHint: '以嵌套列表显示图表',
  importButton: '导入…',
  importHint: '从 JSON、CSV 或 TSV 文件导入图表。也可以把文件拖到页面上，或粘贴表格。',
  importFileLabel: '要导入的图表文件',
  dropHere: '放下 JSON、CSV 或 TSV 文件，将其导入为图表',
  display: '显示',
  displaySettings: '显示设置',
  language: '界面语言',
  names: '机构名称',
  namesEnglish: '英文',
  namesNative: '中文',
  namesBoth: '中英文',
  theme: '主题',
  themeSystem: '跟随系统',
  themeLight: '浅色',
  themeDark: '深色',
  shortcuts: '键盘快捷键',

  dismiss: '关闭消息',
  menu: '菜单',
  sentences: (parts) => parts.join(''),
  storageProblem: (action, problem) => {
    const [what, verb, after] = STORAGE_ACTIONS_ZH[action];
    if (problem.reason === 'full') return `浏览器的存储空间已满，无法${verb}${what}。${after}`;
    if (problem.reason === 'unavailable') return `此浏览器不允许保存数据（存储已关闭或不可用），无法${verb}${what}。${after}`;
    return `浏览器的存储出错，无法${verb}${what}（${problem.detail}）。${after}`;
  },
  savedChartNotRestored: (problems) => `有一个已保存的图表无法恢复：${problems}`,
  unknownUnit: (id, chart) => `${chart}中没有编号为“${id}”的机构，改为显示整个图表。`,
  badAsOfInAddress: (text) => `地址中的“${text}”不是日期（应为年份如 2008，或 2008-07-10）。改为显示现行结构。`,
  timeline: '时间轴',
  asOf: '截至',
  today: '现在',
  todayHint: '现行结构，依据来源文章',
  yearSlider: '年份',
  dateField: '日期',
  dateFieldHint: '年份（2008）、月份（2008-07）或日期（2008-07-10）；按回车显示',
  showDate: '查看',
  badDate: (text) => `“${text}”不是日期：请写年份（2008）、月份（2008-07）或日期（2008-07-10）。`,
  shownAsOf: (date, units) => `截至 ${date}：有记录的机构 ${zhPlural(units, '个')}。`,
  shownToday: (units) => `现在：${zhPlural(units, '个')}机构。`,
  datedRecords: '有日期的记录',
  datedRecordsCount: (count) => `有日期的记录（${count}）`,
  markKinds: {
    snapshot: '机构名单',
    reform: '改革',
    created: '设立',
    abolished: '撤销',
    moved: '划转',
    renamed: '更名',
    appointed: '任命',
    event: '事件',
    other: '事件',
  },
  pastViewNote: (date) => `截至 ${date} 的办公厅，依据有日期的来源名单。来源未注明日期的机构按现行结构显示。`,
  throughTime: '沿革',
  listedIn: '列于',
  listedAs: (name) => `作“${name}”`,
  leftOutOf: '未列于',
  otherNames: '其他名称',
  formerName: (from, until) => `使用于 ${from ?? '…'}–${until ?? '…'}`,
  firstOnRecord: '最早记录',
  periodsOnRecord: '存续时间',
  goneBy: '不迟于此时撤销',
  notToday: '不属于现行结构',
  eventsOnRecord: '事件',
  postHolders: (title) => `${title}：历任`,
  term: (from, until) => `${from ?? '…'}–${until ?? '现在'}`,
  otherSourcesGive: '其他来源记为',
  showOnDate: (date) => `显示 ${date}`,
  unknownChart: (id, fallback) => `没有编号为“${id}”的图表，改为显示${fallback ?? '第一个图表'}。`,
  unknownCompare: (ids) => `没有可供对比的编号为${ids.map((id) => `“${id}”`).join('或')}的图表。`,
  chartDeleted: '图表已删除。',
  imported: (file, count) => `已导入“${file}”：${zhPlural(count, '个机构')}。`,
  importFailed: (detail) => `导入失败。${detail}`,
  importCancelled: (file) => `已取消导入“${file}”，没有任何改动。`,
  pastedChart: '粘贴的图表',

  importing: (file) => `正在导入“${file}”`,
  importStage: (file, stage) => `导入“${file}”：${stage}`,
  fieldLabel: label,
  sectionsList: (sections) => `${label('章节')}${sections.join('、')}`,
  stageChecking: '正在检查文本…',
  stageReading: '正在读取文件…',
  stageParsing: '正在解析并检查图表…',
  stageDrawing: '正在绘制图表…',
  cancel: '取消',

  yourCharts: '我的图表',
  yourChartsCount: (count) => `我的图表（${count}）`,
  newNameFor: (title) => `${title}的新名称`,
  needsName: '图表需要一个名称',
  nameTaken: (title) => `已经有图表叫“${title}”了：请换一个名称，以便区分两者。`,
  save: '保存',
  rename: '重命名',
  renameChart: (title) => `重命名${title}`,
  delete: '删除',
  deleteChart: (title) => `删除${title}`,
  confirmDelete: (title) => `要从此浏览器删除“${title}”吗？你导入的原文件不受影响。`,

  chartRegion: '图表',
  chartLabel: (title) => `组织结构图：${title}`,
  listLoadFailed: '无法加载图表列表',
  loadingChart: '正在加载图表…',
  chartLoadFailed: '无法加载此图表',
  chartLoadFailedHint: '文件有问题。其他图表仍可使用，请在上方选择。',
  chartView: '图表视图',
  zoomIn: '放大',
  zoomOut: '缩小',
  zoomLevel: '缩放比例',
  fit: '适应屏幕',
  fitHint: '在屏幕上显示整个图表（0）',
  expandAll: '全部展开',
  collapseAll: '全部折叠',
  leftToRight: '从左到右',
  leftToRightHint: '从左到右绘制图表，而不是从上到下',
  exportMenu: '导出',
  exportSvg: 'SVG，整个图表',
  exportSvgView: 'SVG，当前视图',
  exportPng: 'PNG，整个图表',
  exportPngView: 'PNG，当前视图',
  exportJson: 'JSON（图表文件）',
  exportCsv: 'CSV（机构表格）',
  exportFailed: (detail) => `导出失败：${detail}。`,
  chartHelp: '拖动以平移，滚动或双指捏合以缩放。在图表中用方向键移动，回车选择；按 ? 查看所有快捷键。',
  minimap: '整个图表的缩略图；方框内是屏幕上显示的部分。在其中点击或拖动可移动视图。',
  unitsBelow: (count) => `下设 ${zhPlural(count, '个机构')}`,
  expandUnit: (name) => `展开${name}`,
  collapseUnit: (name) => `折叠${name}`,
  kinds: {
    office: '机关',
    group: '分类',
    department: '内设机构',
    institution: '直属单位',
    person: '人员',
    unit: '机构',
  },

  outlineOf: (title) => `大纲：${title}`,
  showMoreUnits: (next, remaining) => `再显示 ${next.toLocaleString('zh')} 个机构（尚有 ${remaining.toLocaleString('zh')} 个未显示）`,
  outlineIntro: '以嵌套列表显示的图表。选择一个机构可查看详情；名称前的按钮可显示或隐藏其下设机构。',

  details: '详情',
  selectToSee: '在图表中选择一个机构以查看详情。',
  selected: (name, kind, level, position, siblings) =>
    `已选择：${name}，${kind}，第 ${level} 级${siblings > 1 ? `，第 ${position} 个，共 ${siblings} 个` : ''}。`,
  path: '路径',
  source: '来源',
  sectionOf: (section) => `，“${section}”部分`,
  notStated: '来源未说明',
  facts: '概况',
  formed: '成立时间',
  parentBody: '上级机关',
  location: '地址',
  jurisdiction: '管辖范围',
  yearsAgo: (years) => `（${years} 年前）`,
  groupHeading: (count, parent) => `来源中的一个标题，归类${parent ?? '该组织'}的 ${count} 个机构。`,
  listedInSource: '来源中的位置',
  listedUnder: (parent) => `列于“${parent}”之下`,
  knownFactLabels: {
    formed: '成立时间',
    parentBody: '上级机关',
    type: '性质',
    jurisdiction: '管辖范围',
    location: '地址',
    history: '沿革',
    officialName: '正式名称',
    position: '职务',
  },
  sourceKind: (kind) => `（${kind}）`,
  sourceKinds: { article: '文章', 'web page': '网页', 'editorial notes': '编辑注记', 'imported file': '导入的文件', file: '文件' },
  nativeNameSource: '中文名称出处：',
  noNativeName: '无中文名称记录',
  nativeNameTranslated: '译名：无来源给出此名称',
  noNativeNameMark: 'EN',
  nativeNameTranslatedMark: '译',
  leaders: '领导',
  leadersHint: '按来源所载；职务此后可能已有变动。',
  noLeaders: '来源未列出此机构的领导。',
  functions: '职能',
  noFunctions: '来源未列出此机构的职能。',
  unitsUnder: '下设机构',
  foldInChart: '在图表中折叠',
  unitsCount: (count) => zhPlural(count, '个机构'),
  seeAlso: '另见',
  notes: '备注',
  sources: '来源',
  noSources: '此图表未给出此机构的来源。',
  showSheet: '显示详情',
  hideSheet: '隐藏详情',

  search: '搜索',
  searchResults: '搜索结果',
  searchPlaceholder: '搜索机构、人员、职能…（/）',
  searching: '正在搜索…',
  moreMatches: (shown, total) => `共 ${total.toLocaleString('zh')} 个匹配，这里列出最相关的 ${shown} 个。输入更多字词可缩小范围。`,
  noMatch: (query) => `没有与“${query}”匹配的机构。`,
  noMatchHint: '试试更少的词、英文或中文名称、拼音（如 guowuyuan）或拼音首字母（gwy），或领导姓名。',
  fields: {
    nativeName: '中文名称',
    otherName: '又称',
    pinyin: '拼音匹配',
    initials: '拼音首字母匹配',
    leader: '领导',
    function: '职能',
    fact: '概况',
    note: '备注',
  },

  compareToolbar: '对比',
  left: '左侧',
  right: '右侧',
  swap: '互换',
  swapSides: '互换左右',
  linkViews: '联动视图',
  closeCompare: '关闭对比',
  sideLabel: (side, title) => `${side === 'left' ? '左侧' : '右侧'}：${title}`,
  sideChart: (side, title) => `组织结构图（${side === 'left' ? '左侧' : '右侧'}）：${title}`,
  sideDetails: (title) => `详情：${title}`,
  sideSuffix: (title) => `（${title}）`,
  loadingBoth: '正在加载两个图表…',
  partLoadFailed: '无法加载此视图：可能网络已断开，或网站已更新。请重新加载页面再试；当前的图表和机构会保留。',
  reload: '重新加载',
  unique: '独有',
  notStatedShort: '未说明',
  sideBySide: '来源内容对照',
  comparisonOf: (a, b) => spaced(`${a}与${b}的对比`),
  aspect: '项目',
  differs: '不同',
  same: '相同',
  alike: (likeness) => {
    switch (likeness.kind) {
      case 'sameDay': {
        const [month = 1, day = 1] = likeness.monthDay.split('-').map(Number);
        return `相近：均于${month}月${day}日成立`;
      }
      case 'sameTitle':
        return spaced(`相近：均由${likeness.title}领导`);
      case 'samePlace':
        return spaced(`相近：均位于${likeness.place}`);
    }
  },
  unitsByKind: '各类机构数量',
  kind: '类别',
  versus: (a, b) => `${a} 比 ${b}`,
  counterparts: '对应机构',
  counterpart: '对应另一侧所选机构',
  yearsOld: (years) => `（${years} 年）`,
  typeIs: '性质',
  clauseSeparator: '；',
  functionsCount: (count) => zhPlural(count, '项职能'),
  deputiesCount: (count) => zhPlural(count, '位副职'),
  seeAlsoCount: (count) => `另见：${zhPlural(count, '个机构')}`,
  inParentheses: (text) => `（${text}）`,
  viaOtherName: (side, name) => `，依据${side === 'left' ? '左侧' : '右侧'}机构的另一名称“${name}”`,
  matchReason: (reason) => {
    switch (reason.kind) {
      case 'roots':
        return '均为图表的顶层机构';
      case 'sameName':
        return '名称相同';
      case 'sameGroup':
        return '同类分组';
      case 'sameHeadWord':
        return `核心词相同：“${reason.word}”`;
      case 'similarName':
        return `名称相近，共有 ${reason.words.map((word) => `“${word}”`).join('、')}`;
    }
  },
  compareRow: (id, english) => {
    if (id.startsWith('kind:')) return ownEntry(zh.kinds, id.slice('kind:'.length)) ?? english;
    const rows: Readonly<Record<string, string>> = {
      formed: '成立时间',
      parentBody: '上级机关',
      typeOrJurisdiction: '性质 / 管辖范围',
      location: '地址',
      head: '负责人',
      deputies: '副职',
      functions: '职能',
      onlyLeft: '仅左侧有',
      onlyRight: '仅右侧有',
    };
    return ownEntry(rows, id) ?? english;
  },
  noCounterparts: '两个图表之间没有对应的机构。',
  onlyIn: (title) => `仅见于${title}`,
  everyUnitMatched: '每个机构都有对应机构。',

  close: '关闭',
  shortcutScopes: { anywhere: '任何位置', tree: '在图表或大纲中', chart: '在图表中' },
  keysOr: '或',
  keyNames: { Enter: '回车', Space: '空格' },
  commands: {
    search: '搜索',
    showShortcuts: '显示这些快捷键',
    close: '关闭菜单、搜索结果或本列表',
    nextOrPrevious: '屏幕上的下一个或上一个机构',
    expandOrChild: '展开机构，或转到其第一个下设机构',
    collapseOrParent: '折叠机构，或转到其上级',
    firstOrLast: '第一个或最后一个机构',
    select: '选择机构并显示详情',
    typeAhead: '跳到名称以所输入字母开头的下一个机构',
    zoomIn: '放大',
    zoomOut: '缩小',
    fit: '在屏幕上显示整个图表',
    toolbar: '在工具栏上：在其按钮间移动（Tab 键离开工具栏）',
  },
};
