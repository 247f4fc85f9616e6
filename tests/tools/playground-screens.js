// Looks at KitBot as a Teams user does: the Microsoft 365 Agents Playground's web page in headless Chromium,
// clicking the buttons each card shows (filling its inputs with the first choice or a short sample), taking a
// screenshot of every card at 1400x900 and at a narrow width, and measuring each card's rendered height.
//
//   dotnet run --project src/KitBot            (in another terminal: KitBot on http://localhost:3978)
//   node tests/tools/playground-screens.js [--bot http://localhost:3978/api/messages] [--out screens] [--people 3]
//
// Needs Debian's chromium (/usr/bin/chromium). Writes PNGs and heights.json to --out; prints one line per card and
// exits 1 if any card is taller than --max (2000 px by default). Not part of the test suite (TESTING.md).
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs, []));
const bot = args.bot || 'http://localhost:3978/api/messages';
const out = path.resolve(args.out || 'screens');
const people = Number(args.people || 3);
const maxHeight = Number(args.max || 2000);
const port = Number(args.port || 56150);
const labels = ['Older brother', 'Maternal grandmother', 'Former foster carer', 'Birth mother', 'Younger sister'];

const sleep = ms => new Promise(r => setTimeout(r, ms));

async function until(what, check, ms = 20000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error('Timed out waiting for ' + what);
    await sleep(100);
  }
}

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kitbot-screens-'));
  const playground = spawn(path.join(__dirname, 'node_modules', '.bin', 'agentsplayground'),
    ['-e', bot, '-c', 'msteams', '-p', String(port)],
    { cwd: work, env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: path.join(work, 'log') }, stdio: 'ignore' });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const heights = [];
  try {
    await until('the playground', async () => {
      try { return (await (await fetch(`http://127.0.0.1:${port}/_debug/ping`)).text()) === 'pong'; } catch { return false; }
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/`);
    let shot = 0;

    const cards = () => page.locator('.ac-adaptiveCard');
    const newest = () => cards().last();
    async function snap(name) {
      await sleep(300);
      const card = newest();
      await card.scrollIntoViewIfNeeded();
      const box = await card.boundingBox();
      const file = `${String(++shot).padStart(2, '0')}-${name}`;
      heights.push({ card: file, height: Math.round(box.height) });
      // Measured at 1400x900; photographed in a window tall enough that the page's own toolbar covers none of it.
      await page.setViewportSize({ width: 1400, height: Math.max(900, Math.round(box.height) + 400) });
      await card.screenshot({ path: path.join(out, file + '.png') });
      await page.setViewportSize({ width: 480, height: Math.max(900, Math.round(box.height) * 2 + 400) });
      await sleep(200);
      await newest().screenshot({ path: path.join(out, file + '-narrow.png') });
      const narrow = await newest().boundingBox();
      heights[heights.length - 1].narrowHeight = Math.round(narrow.height);
      await page.setViewportSize({ width: 1400, height: 900 });
      console.log(`${file}: ${Math.round(box.height)} px wide, ${Math.round(narrow.height)} px narrow`);
    }

    async function waitForNewCard(before) {
      await until('a new card', async () => (await cards().count()) > before);
    }

    // Fills the newest card as a person would: the first offered choice for each choice set, a sample for text.
    async function fill(values = {}) {
      const card = newest();
      // The playground renders compact choice sets as Fluent UI dropdowns: open each, take its first option.
      for (const box of (await card.locator('[role="combobox"]').all()).slice(0, values.rows ?? Infinity)) {
        const shown = (await box.textContent()) || '';
        if (!/^Choose|^Select|^$/.test(shown.trim())) continue;
        await box.click();
        await page.getByRole('option').first().click();
      }
      for (const group of await card.locator('[role="radiogroup"]').all()) {
        const first = group.locator('input[type="radio"]').first();
        if (!(await group.locator('input[type="radio"]:checked').count())) await first.check();
      }
      let n = 0;
      // Text only where a person must type something: the labels of the important people (notes stay empty).
      for (const input of (await card.locator('input[type="text"]').all()).slice(0, values.rows ?? 0)) {
        if (!(await input.inputValue())) await input.fill(labels[n++ % labels.length]);
      }
    }

    async function press(title, values) {
      const before = await cards().count();
      if (values) await fill(values);
      // A real button if the card has one, else a pressable container (a select action) with that title.
      const button = newest().locator(`button[title="${title}"]`);
      await ((await button.count()) ? button.first() : newest().getByRole('button', { name: title, exact: true }).first()).click();
      await waitForNewCard(before);
    }

    await until('the welcome card', async () => (await cards().count()) > 0);
    await snap('welcome');
    await press('Start a consultation');
    await snap('about-the-child');
    await press('Next', {});
    await snap('who-is-important');
    await press('Next', { rows: people });
    // Each person's points, the adoptive parents', the summary, then the provisional plan per person, to the plan.
    for (let i = 0; i < 3 * people + 4; i++) {
      await snap(`step-${i + 3}`);
      const finish = await newest().locator('button[title="Finish"]').count();
      await press(finish ? 'Finish' : 'Next', {});
      if (await page.getByText('here is a draft plan').count()) break;
    }
    await snap('plan');
  } finally {
    fs.writeFileSync(path.join(out, 'heights.json'), JSON.stringify(heights, null, 2));
    await browser.close();
    playground.kill();
  }
  const tall = heights.filter(h => h.height > maxHeight);
  for (const h of tall) console.log(`TOO TALL: ${h.card} ${h.height} px (max ${maxHeight})`);
  process.exit(tall.length ? 1 : 0);
}

main().catch(e => { console.error(e); process.exit(2); });
