/**
 * Seeded generator of realistic org charts for the benchmark.
 *
 * Same seed and size, same chart, byte for byte: mulberry32 drives every
 * choice. Shape: most managers have 3–8 reports, a few (≈4 %) are wide with
 * 20–60, some units are leaves (people); depth stays within 6–12. Units carry
 * a kind, and about one in six a Chinese native name (built from small word
 * lists, so pinyin indexing sees a few hundred distinct strings, not one), and
 * some have a leader or a location fact so every search corpus has text.
 *
 * Output: the app's own JSON format, and the same units as a flat CSV
 * (id, parentId, name, positionName, kind, nativeName) for d3-org-chart.
 *
 * Usage: node bench/generate.mjs [outDir]  (default bench/.artifacts)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  'Planning',
  'Finance',
  'Personnel',
  'Legal Affairs',
  'Audit',
  'Research',
  'Policy',
  'Logistics',
  'Procurement',
  'Security',
  'Communications',
  'International Cooperation',
  'Education',
  'Health',
  'Transport',
  'Energy',
  'Statistics',
  'Archives',
  'Information Technology',
  'Public Relations',
  'Inspection',
  'Veterans Affairs',
  'Housing',
  'Water Resources',
  'Agriculture',
  'Customs',
  'Taxation',
  'Culture',
  'Science',
  'Emergency Management',
];
const TOPICS_ZH = [
  '规划',
  '财务',
  '人事',
  '法制',
  '审计',
  '研究',
  '政策',
  '后勤',
  '采购',
  '保卫',
  '宣传',
  '国际合作',
  '教育',
  '卫生',
  '交通',
  '能源',
  '统计',
  '档案',
  '信息技术',
  '公共关系',
  '督查',
  '退役军人事务',
  '住房',
  '水利',
  '农业',
  '海关',
  '税务',
  '文化',
  '科学',
  '应急管理',
];
/** Unit words by level below the root, English and Chinese suffix. */
const LEVELS = [
  { en: 'Bureau of', zh: '局', kind: 'bureau', position: 'Director-General' },
  { en: 'Department of', zh: '司', kind: 'department', position: 'Director' },
  { en: 'Division of', zh: '处', kind: 'division', position: 'Division Chief' },
  { en: 'Office of', zh: '办公室', kind: 'office', position: 'Head of Office' },
  { en: 'Section for', zh: '科', kind: 'section', position: 'Section Chief' },
  { en: 'Unit for', zh: '组', kind: 'unit', position: 'Unit Lead' },
  { en: 'Team for', zh: '小组', kind: 'team', position: 'Team Lead' },
];
const ZH_PREFIX = ['', '', '国家', '中央', '综合', '直属'];
const FIRST = [
  'James',
  'Mary',
  'Wei',
  'Li',
  'Anna',
  'Mohammed',
  'Sofia',
  'Lucas',
  'Olga',
  'Hiroshi',
  'Amara',
  'Diego',
  'Fatima',
  'Noah',
  'Elena',
  'Ravi',
  'Chen',
  'Grace',
  'Tomás',
  'Ingrid',
  'Kwame',
  'Yuki',
  'Pierre',
  'Zoë',
  'Ahmed',
  'Lena',
  'Mateo',
  'Priya',
  'Jonas',
  'Mei',
];
const LAST = [
  'Smith',
  'Wang',
  'Garcia',
  'Müller',
  'Kim',
  'Nguyen',
  'Ivanova',
  'Okafor',
  'Rossi',
  'Tanaka',
  'Silva',
  'Cohen',
  'Novak',
  'Haddad',
  'Johansson',
  'Patel',
  'Dubois',
  'López',
  'Zhang',
  'Kowalski',
  "O'Brien",
  'Andersen',
  'Mensah',
  'Sato',
  'Fischer',
  'Liu',
  'Costa',
];
const ZH_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const ZH_GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建国',
  '志强',
];
const PERSON_TITLES = ['Analyst', 'Senior Analyst', 'Officer', 'Senior Officer', 'Adviser', 'Specialist', 'Coordinator', 'Clerk', 'Inspector', 'Engineer'];
const CITIES = ['Beijing', 'Shanghai', 'Tianjin', 'Chongqing', 'Guangzhou', 'Shenzhen', 'Wuhan', 'Chengdu', "Xi'an", 'Nanjing'];

/** Target depth by size: deep enough to be realistic (6–12), shallow enough for the fan-outs to fill it. */
function maxDepthFor(size) {
  if (size <= 2_000) return 7;
  if (size <= 20_000) return 9;
  return 11;
}

/**
 * The tree: grown from the root by expanding a random open unit (not breadth
 * first, which would give a uniform, shallow pyramid), so branches differ in
 * depth the way real organizations do.
 */
function growTree(size, rand) {
  const parent = new Int32Array(size).fill(-1);
  const depth = new Int32Array(size);
  const maxDepth = maxDepthFor(size);
  const open = [0];
  let count = 1;
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  while (count < size) {
    if (open.length === 0) {
      // Everything open became a leaf before the size was reached: reopen a random unit above the deepest level.
      let pick = int(0, count - 1);
      while (depth[pick] >= maxDepth) pick = int(0, count - 1);
      open.push(pick);
    }
    const at = int(0, open.length - 1);
    const id = open[at];
    open[at] = open[open.length - 1];
    open.pop();
    const d = depth[id];
    if (d >= maxDepth) continue;
    const r = rand();
    // Near the top everyone manages; lower down more units are leaves.
    const leafChance = d === 0 ? 0 : Math.min(0.45, 0.08 + d * 0.05);
    let fanOut;
    if (r < leafChance) fanOut = 0;
    else if (r < leafChance + 0.04) fanOut = int(20, 60);
    else fanOut = int(3, 8);
    if (d === 0) fanOut = int(6, 9);
    fanOut = Math.min(fanOut, size - count);
    for (let i = 0; i < fanOut; i++) {
      const child = count++;
      parent[child] = id;
      depth[child] = d + 1;
      // The deepest level holds people only.
      if (d + 1 < maxDepth) open.push(child);
    }
  }
  return { parent, depth, maxDepth };
}

/** Generates a chart of `size` units. Returns the app-format document and CSV rows. */
export function generateChart(size, seed = 20240601) {
  const rand = mulberry32(seed ^ size);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const { parent, depth } = growTree(size, rand);
  const hasChildren = new Uint8Array(size);
  for (let i = 1; i < size; i++) hasChildren[parent[i]] = 1;

  const label = size >= 1000 ? `${size / 1000}k` : String(size);
  const units = new Array(size);
  const personName = () => `${pick(FIRST)} ${pick(LAST)}`;
  for (let i = 0; i < size; i++) {
    const d = depth[i];
    const id = `u${i}`;
    const parentId = i === 0 ? null : `u${parent[i]}`;
    const unit = { id, parentId, name: '' };
    if (i === 0) {
      unit.name = `Ministry of Planning and Coordination (${label})`;
      unit.kind = 'office';
      unit.nativeName = { text: '规划协调部', lang: 'zh-Hans' };
      unit.leaders = [{ title: 'Minister', name: personName(), nativeName: { text: `${pick(ZH_SURNAMES)}${pick(ZH_GIVEN)}`, lang: 'zh-Hans' } }];
      unit.facts = [{ key: 'location', label: 'Location', value: 'Beijing' }];
    } else if (!hasChildren[i] && rand() < 0.85) {
      // A person.
      unit.name = personName();
      unit.kind = 'person';
      if (rand() < 0.15) unit.nativeName = { text: `${pick(ZH_SURNAMES)}${pick(ZH_GIVEN)}`, lang: 'zh-Hans' };
      unit.facts = [{ key: 'position', label: 'Position', value: pick(PERSON_TITLES) }];
    } else {
      const level = LEVELS[Math.min(d - 1, LEVELS.length - 1)];
      const t = Math.floor(rand() * TOPICS.length);
      unit.name = `${level.en} ${TOPICS[t]} ${1000 + Math.floor(rand() * 9000)}`;
      unit.kind = level.kind;
      if (rand() < 0.17) unit.nativeName = { text: `${pick(ZH_PREFIX)}${TOPICS_ZH[t]}${level.zh}`, lang: 'zh-Hans' };
      if (rand() < 0.3) unit.leaders = [{ title: level.position, name: personName() }];
      if (rand() < 0.1) unit.facts = [{ key: 'location', label: 'Location', value: pick(CITIES) }];
    }
    units[i] = unit;
  }

  const chart = {
    format: 'org-chart',
    version: 1,
    id: `bench-${label}`,
    title: `Benchmark organization ${label}`,
    shortTitle: `Bench ${label}`,
    sources: [],
    units,
  };
  return { chart, label };
}

function csvCell(value) {
  const text = value ?? '';
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The same units as d3-org-chart's flat table shape. */
export function toCsv(chart) {
  const lines = ['id,parentId,name,positionName,kind,nativeName'];
  for (const u of chart.units) {
    const position = u.facts?.find((f) => f.key === 'position')?.value ?? u.leaders?.[0]?.title ?? '';
    lines.push([u.id, u.parentId ?? '', u.name, position, u.kind ?? '', u.nativeName?.text ?? ''].map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Shape statistics, to check the generator does what it says. */
export function describeChart(chart) {
  const children = new Map();
  const depthOf = new Map();
  for (const u of chart.units) {
    if (u.parentId !== null) children.set(u.parentId, (children.get(u.parentId) ?? 0) + 1);
  }
  for (const u of chart.units) depthOf.set(u.id, u.parentId === null ? 0 : depthOf.get(u.parentId) + 1);
  const fanOuts = [...children.values()];
  const managers = fanOuts.length;
  return {
    units: chart.units.length,
    maxDepth: Math.max(...depthOf.values()),
    managers,
    leaves: chart.units.length - managers,
    managers3to8: fanOuts.filter((n) => n >= 3 && n <= 8).length,
    wide20plus: fanOuts.filter((n) => n >= 20).length,
    maxFanOut: Math.max(...fanOuts),
    withNativeName: chart.units.filter((u) => u.nativeName).length,
  };
}

export const SIZES = [1_000, 10_000, 100_000];

/**
 * The same organization a year on, for the changes benchmark: 2 % of units moved (to a unit outside their own
 * branch), 1 % renamed, 1 % removed (people, so no branch goes with them) and 1 % added, seeded so every run diffs
 * the same two versions.
 */
export function reorganize(chart, seed = 20250101) {
  const rand = mulberry32(seed ^ chart.units.length);
  const count = (share) => Math.round(chart.units.length * share);
  const units = chart.units.map((unit) => ({ ...unit }));
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const isUnder = (id, ancestor) => {
    for (let at = id; at; at = byId.get(at)?.parentId ?? null) if (at === ancestor) return true;
    return false;
  };
  const branches = units.filter((unit) => unit.kind !== 'person');
  const pickUnit = (list) => list[1 + Math.floor(rand() * (list.length - 1))];
  const touched = new Set();
  const fresh = (list) => {
    for (;;) {
      const unit = pickUnit(list);
      if (!touched.has(unit.id)) {
        touched.add(unit.id);
        return unit;
      }
    }
  };
  for (let i = 0; i < count(0.02); i++) {
    const unit = fresh(units);
    let parent = pickUnit(branches);
    while (parent.id === unit.parentId || isUnder(parent.id, unit.id)) parent = pickUnit(branches);
    unit.parentId = parent.id;
  }
  for (let i = 0; i < count(0.01); i++) {
    const unit = fresh(units);
    unit.name = `${unit.name} (renamed)`;
  }
  const removed = new Set();
  const leaves = units.filter((unit) => unit.kind === 'person');
  for (let i = 0; i < count(0.01); i++) removed.add(fresh(leaves).id);
  const added = Array.from({ length: count(0.01) }, (_, i) => ({
    id: `new${i}`,
    parentId: pickUnit(branches).id,
    name: `New team ${i + 1}`,
    kind: 'department',
  }));
  return {
    ...chart,
    id: `${chart.id}-next`,
    title: `${chart.title}, a year on`,
    shortTitle: `${chart.shortTitle} next`,
    units: [...units.filter((unit) => !removed.has(unit.id)), ...added],
  };
}

/** Writes gen-<label>.json and gen-<label>.csv for every size into `outDir`; returns their paths. */
export function writeCharts(outDir, sizes = SIZES) {
  mkdirSync(outDir, { recursive: true });
  const written = {};
  for (const size of sizes) {
    const { chart, label } = generateChart(size);
    const json = join(outDir, `gen-${label}.json`);
    const csv = join(outDir, `gen-${label}.csv`);
    writeFileSync(json, JSON.stringify(chart));
    writeFileSync(csv, toCsv(chart));
    written[label] = { json, csv, rootId: chart.units[0].id, units: chart.units.length, shape: describeChart(chart) };
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2] ?? fileURLToPath(new URL('.artifacts', import.meta.url));
  const written = writeCharts(outDir);
  for (const [label, info] of Object.entries(written)) console.log(label, info.json, JSON.stringify(info.shape));
}
