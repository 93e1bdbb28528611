// The HTML reports opened in headless Chromium (playwright-core, tests only): the Dutch files
// (*-nl.html) on a phone-sized page, the others on a desktop-sized one (the languages share their
// markup, so each width is checked once and the suite stays fast): no console error, no request
// beyond the file itself, every chart drawn with a size (a monthly report has charts; the
// quarterly review, review-*.html, has tables only), and no WCAG 2.1 A/AA violation that axe-core
// finds. Screenshots
// go to the artefact folder. Exits 1 naming every problem. Run by report_browser_test.sh.
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

async function check(browser, file, viewport, artefacts) {
  const problems = [];
  const page = await browser.newPage({ viewport });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => { if (!r.url().startsWith('file:')) problems.push(`request to ${r.url()}`); });
  await page.goto('file://' + file);
  const charts = await page.$$eval('svg.chart', (svgs) => svgs.map((s) => {
    const box = s.getBoundingClientRect();
    return { id: s.getAttribute('aria-labelledby'), width: box.width, height: box.height,
             marks: s.querySelectorAll('circle, path, polyline').length };
  }));
  // The review and the weekly view are tables only (one figure per objective in the week).
  const tablesOnly = ['review-', 'week-'].some((p) => path.basename(file).startsWith(p));
  if (charts.length === 0 && !tablesOnly) problems.push('no chart');
  for (const c of charts) {
    if (c.width <= 0 || c.height <= 0 || c.marks === 0) problems.push(`chart ${c.id} is empty`);
  }
  await page.addScriptTag({ content: fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  const result = await page.evaluate(() => axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  for (const v of result.violations) {
    problems.push(`axe ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  const shot = path.join(artefacts, `${path.basename(file, '.html')}-${viewport.width}.png`);
  await page.screenshot({ path: shot, fullPage: true });
  await page.close();
  return problems.map((p) => `${path.basename(file)} at ${viewport.width}px: ${p}`);
}

(async () => {
  const [artefacts, ...files] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  let problems = [];
  for (const file of files) {
    const phone = file.endsWith('-nl.html');
    const viewport = phone ? { width: 390, height: 844 } : { width: 1280, height: 900 };
    problems = problems.concat(await check(browser, file, viewport, artefacts));
  }
  await browser.close();
  for (const p of problems) console.log(p);
  console.log(`${files.length} reports checked, ${problems.length} problems; screenshots in ${artefacts}`);
  process.exit(problems.length === 0 ? 0 : 1);
})().catch((e) => { console.log(e.stack); process.exit(1); });
