// Measures how tall each card template renders with its samples, with the official adaptivecards renderer in headless
// Chromium (TESTING.md "Journey tests and looking at the cards"). A window of 1400 x 900 with the card in a column
// about as wide as a Teams chat card (540 px). Usage: node card-heights.js [maxHeight]. Prints one line per card and
// exits non-zero when any card is taller than maxHeight (default 2000).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const ACData = require('adaptivecards-templating');

const cards = path.resolve(__dirname, '..', '..', 'cards');
const samples = path.join(cards, 'samples');
const max = Number(process.argv[2] || 2000);
const rendered = [];
for (const file of fs.readdirSync(cards).filter(f => f.endsWith('.json')).sort()) {
  const name = file.slice(0, -5);
  const template = JSON.parse(fs.readFileSync(path.join(cards, file), 'utf8'));
  for (const sample of fs.readdirSync(samples).filter(s => s === file || (s.startsWith(name + '.') && s.endsWith('.json')))) {
    const data = JSON.parse(fs.readFileSync(path.join(samples, sample), 'utf8'));
    rendered.push({ name: sample.slice(0, -5), card: new ACData.Template(template).expand({ $root: data }) });
  }
}

const library = fs.readFileSync(require.resolve('adaptivecards/dist/adaptivecards.js'), 'utf8');
const page = `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;font-family:Segoe UI,Arial,sans-serif}
.card{width:540px;margin:8px}</style><script>${library}</script></head><body><pre id="out"></pre><script>
const cards = ${JSON.stringify(rendered)};
const heights = cards.map(c => {
  const ac = new AdaptiveCards.AdaptiveCard();
  ac.parse(c.card);
  const holder = document.createElement('div');
  holder.className = 'card';
  holder.appendChild(ac.render());
  document.body.appendChild(holder);
  return { name: c.name, height: Math.round(holder.getBoundingClientRect().height) };
});
document.getElementById('out').textContent = JSON.stringify(heights);
</script></body></html>`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kitbot-heights-'));
const html = path.join(dir, 'cards.html');
fs.writeFileSync(html, page);
try {
  const dom = execFileSync(process.env.CHROMIUM || 'chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--window-size=1400,900', `--user-data-dir=${path.join(dir, 'profile')}`,
    '--virtual-time-budget=5000', '--dump-dom', 'file://' + html,
  ], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  const match = /<pre id="out">([^<]*)<\/pre>/.exec(dom);
  const heights = JSON.parse(match[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  let tall = 0;
  for (const h of heights) {
    const over = h.height > max;
    tall += over ? 1 : 0;
    console.log(`${over ? 'TALL' : 'ok  '} ${String(h.height).padStart(5)} px  ${h.name}`);
  }
  process.exitCode = tall > 0 ? 1 : 0;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
