// The DuckDB side of the benchmark (bench/run.sh): computes a subset of the figures of
// `meetlat evaluate` for one month straight from the same CSV files, with SQL written to the
// rules of shared/spec/evidence-and-kpis.md:
//   KPI-01 P1, P2   share of tickets of the priority created in the month answered within
//                   15 / 60 min on 24x7 (created_at, responded_at: wall-clock time in
//                   Europe/Amsterdam without offset; a repeated hour means the earlier instant,
//                   a skipped one is moved forward by the gap)
//   KPI-03          availability from probes.csv: a minute is down when a strict majority of the
//                   locations that probed in it voted down (a location votes down when any of its
//                   probes in the minute was down); value = 1 - down / elapsed window
//   KPI-10          nearest-rank p95 (the ceil(0.95 n)-th smallest duration) of transactions in
//                   office hours outside peak hours, and in peak hours, on Dutch working days
//                   (October 2026 has no public holiday)
// Rows meetlat refuses (a response before creation, a negative duration) are left out here too,
// as `meetlat evaluate --skip-invalid` does.
//
// Usage: node duckdb_figures.mjs DATA_DIR MONTH(YYYY-MM) AS_OF(ISO with offset) [MEETLAT_JSON]
// Prints the figures as JSON on stdout. With MEETLAT_JSON (the output of meetlat evaluate
// --format json for the same folder) it compares every figure and exits 1 when any differs.
import { DuckDBInstance } from '@duckdb/node-api';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

const [dir, month, asOf, meetlatJson] = process.argv.slice(2);
if (!dir || !/^\d{4}-\d{2}$/.test(month ?? '') || !asOf) {
  console.error('usage: node duckdb_figures.mjs DATA_DIR YYYY-MM AS_OF [MEETLAT_JSON]');
  process.exit(2);
}

const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
const rows = async (sql) => (await db.runAndReadAll(sql)).getRowObjects();
const one = async (sql) => (await rows(sql))[0];

const csv = (file, columns) =>
  `read_csv('${dir}/${file}', header = true, auto_detect = false, columns = ${columns})`;

// Real exports write time stamps with an offset or Z, or as wall-clock time without one
// (docs/sample.md, Layouts): the first data row of a file says which. A zoned stamp is read as
// TIMESTAMPTZ; a wall-clock one as TIMESTAMP and turned into an instant by ams() below.
function zoned(file) {
  const fd = openSync(`${dir}/${file}`, 'r');
  const buffer = Buffer.alloc(4096);
  const read = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  const row = buffer.subarray(0, read).toString('utf8').split('\n')[1] ?? '';
  return /\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})/.test(row);
}
const stampType = (file) => (zoned(file) ? 'TIMESTAMPTZ' : 'TIMESTAMP');
const instant = (file, column) => (zoned(file) ? `"${column}"` : `ams("${column}")`);

await db.run(`SET TimeZone = 'Europe/Amsterdam'`);
// Window of the month in the contract zone, and as_of.
await db.run(`CREATE TEMP TABLE win AS SELECT
  timezone('Europe/Amsterdam', TIMESTAMP '${month}-01 00:00:00') AS w_from,
  timezone('Europe/Amsterdam', TIMESTAMP '${month}-01 00:00:00' + INTERVAL 1 MONTH) AS w_to,
  TIMESTAMPTZ '${asOf}' AS as_of`);
// Wall-clock time in Amsterdam (offset +1 or +2) to an instant: the earlier reading (+2) when
// it maps back to the same wall-clock time, else +1 (also moves a skipped time forward).
await db.run(`CREATE MACRO ams(w) AS CASE
  WHEN timezone('Europe/Amsterdam', timezone('UTC', w - INTERVAL 2 HOUR)) = w
  THEN timezone('UTC', w - INTERVAL 2 HOUR) ELSE timezone('UTC', w - INTERVAL 1 HOUR) END`);

async function attainment() {
  const type = stampType('tickets.csv');
  const at = (column) => instant('tickets.csv', column);
  const tickets = csv('tickets.csv', `{'id': 'VARCHAR', 'priority': 'VARCHAR',
    'created_at': '${type}', 'responded_at': '${type}', 'resolved_at': '${type}',
    'category': 'VARCHAR', 'service': 'VARCHAR'}`);
  const result = await rows(`
    WITH t AS (SELECT priority, ${at('created_at')} AS created, ${at('responded_at')} AS responded,
                      ${at('resolved_at')} AS resolved FROM ${tickets}),
    valid AS (SELECT * FROM t WHERE (responded IS NULL OR responded >= created)
                                AND (resolved IS NULL OR resolved >= created)),
    items AS (SELECT priority, responded,
                     created + CASE priority WHEN 'P1' THEN INTERVAL 15 MINUTE
                                             ELSE INTERVAL 60 MINUTE END AS deadline
              FROM valid, win
              WHERE priority IN ('P1', 'P2') AND created >= w_from AND created < w_to
                AND created <= as_of)
    SELECT priority,
           count(*) FILTER (WHERE responded <= as_of AND responded <= deadline) AS in_time,
           count(*) FILTER (WHERE (responded <= as_of AND responded > deadline)
                               OR ((responded IS NULL OR responded > as_of) AND deadline < as_of))
             AS failing
    FROM items, win GROUP BY priority ORDER BY priority`);
  const out = {};
  for (const r of result) {
    const inTime = Number(r.in_time);
    const count = inTime + Number(r.failing);
    out[r.priority] = { value: inTime / count, count, failing: Number(r.failing) };
  }
  return out;
}

async function availability() {
  const probes = csv('probes.csv',
    `{'at': '${stampType('probes.csv')}', 'location': 'VARCHAR', 'up': 'BOOLEAN'}`);
  const r = await one(`
    WITH i AS (SELECT ${instant('probes.csv', 'at')} AS "at", location, up FROM ${probes}),
    p AS (SELECT date_trunc('minute', timezone('UTC', "at")) AS minute, location, up
               FROM i, win WHERE "at" >= w_from AND "at" < least(w_to, as_of)),
    votes AS (SELECT minute, location, bool_and(up) AS up FROM p GROUP BY minute, location),
    minutes AS (SELECT minute, 2 * count(*) FILTER (WHERE NOT up) > count(*) AS down
                FROM votes GROUP BY minute)
    SELECT (SELECT count(*) FILTER (WHERE down) FROM minutes) AS down_minutes,
           (SELECT count(*) FROM minutes) AS observed_minutes,
           (SELECT epoch_us(least(w_to, as_of)) - epoch_us(w_from) FROM win) AS window_us`);
  const measured = BigInt(r.window_us);
  const down = BigInt(r.down_minutes) * 60000000n;
  return {
    value: Number(measured - down) / Number(measured),
    down_minutes: Number(r.down_minutes),
    observed_minutes: Number(r.observed_minutes),
  };
}

async function quantiles() {
  const tx = csv('transactions.csv', `{'at': '${stampType('transactions.csv')}',
    'name': 'VARCHAR', 'duration_ms': 'DOUBLE'}`);
  const result = await rows(`
    WITH i AS (SELECT ${instant('transactions.csv', 'at')} AS "at", duration_ms FROM ${tx}),
    s AS (SELECT timezone('Europe/Amsterdam', "at") AS l, duration_ms AS d
               FROM i, win
               WHERE "at" >= w_from AND "at" < w_to AND "at" <= as_of
                 AND duration_ms IS NOT NULL AND duration_ms >= 0),
    c AS (SELECT CASE
            WHEN isodow(l) > 5 OR hour(l) < 8 OR hour(l) >= 18 THEN NULL
            WHEN hour(l) IN (9, 10, 13, 14) THEN 'p95_peak' ELSE 'p95_office' END AS objective,
            d FROM s),
    h AS (SELECT objective, d, count(*) AS n FROM c WHERE objective IS NOT NULL GROUP BY objective, d),
    cum AS (SELECT objective, d, sum(n) OVER (PARTITION BY objective ORDER BY d) AS below,
                   sum(n) OVER (PARTITION BY objective) AS total FROM h)
    SELECT objective, min(d) AS p95, any_value(total) AS samples FROM cum
    WHERE below >= (95 * total + 99) // 100 GROUP BY objective ORDER BY objective`);
  const out = {};
  for (const r of result) out[r.objective] = { value: r.p95, count: Number(r.samples) };
  return out;
}

const figures = {
  'KPI-01': await attainment(),
  'KPI-03': { availability: await availability() },
  'KPI-10': await quantiles(),
};
console.log(JSON.stringify(figures));

if (meetlatJson) {
  const report = JSON.parse(readFileSync(meetlatJson, 'utf8'));
  const differences = [];
  const expected = [
    ['KPI-01', 'P1'], ['KPI-01', 'P2'], ['KPI-03', 'availability'],
    ['KPI-10', 'p95_office'], ['KPI-10', 'p95_peak'],
  ];
  for (const [kpi, objective] of expected) {
    const mine = report.kpis.find((k) => k.id === kpi)?.objectives.find((o) => o.id === objective);
    const theirs = figures[kpi][objective];
    if (!mine || !theirs) {
      differences.push(`${kpi}/${objective}: missing (meetlat ${!!mine}, duckdb ${!!theirs})`);
      continue;
    }
    if (mine.value !== theirs.value) {
      differences.push(`${kpi}/${objective}: meetlat value ${mine.value} != duckdb ${theirs.value}`);
    }
    if (theirs.count !== undefined && objective !== 'availability' && mine.count !== theirs.count) {
      differences.push(`${kpi}/${objective}: meetlat count ${mine.count} != duckdb ${theirs.count}`);
    }
    if (objective === 'availability' &&
        mine.details?.observed_minutes !== theirs.observed_minutes) {
      differences.push(`${kpi}/availability: observed minutes ${mine.details?.observed_minutes}` +
                       ` != duckdb ${theirs.observed_minutes}`);
    }
  }
  if (differences.length > 0) {
    console.error('VALUES DIFFER between meetlat and DuckDB:\n  ' + differences.join('\n  '));
    process.exit(1);
  }
  console.error(`values identical: ${expected.map((e) => e.join('/')).join(', ')}`);
}
