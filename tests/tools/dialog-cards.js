// Expands cards the dialog core sent (template + data, as JSON lines on stdin: {name, template, data}) with the
// reference templating engine, then validates each against the official Adaptive Cards library at schema 1.5.
// Prints one JSON line per card: {name, bytes, problems[]}, and the expanded card when the line asks ({show: true}).
// Used by KitBot.Dialogs.Tests (Cards/, Plans/).
const AC = require('adaptivecards/dist/adaptivecards.js');
const { Template } = require('adaptivecards-templating');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  for (const line of input.split('\n')) {
    if (!line.trim()) continue;
    const { name, template, data, show } = JSON.parse(line);
    const problems = [];
    let card;
    try {
      card = new Template(template).expand({ $root: data });
    } catch (e) {
      console.log(JSON.stringify({ name, bytes: 0, problems: ['expand: ' + e.message] }));
      continue;
    }
    const text = JSON.stringify(card);
    const unbound = text.match(/.{0,30}\$\{[^}]*\}/g);
    if (unbound) problems.push('unbound: ' + unbound.slice(0, 3).join(' | '));
    const context = new AC.SerializationContext(AC.Versions.v1_5);
    context.targetVersion = AC.Versions.v1_5;
    const parsed = new AC.AdaptiveCard();
    parsed.parse(card, context);
    for (let i = 0; i < context.eventCount; i++) problems.push('parse: ' + context.getEventAt(i).message);
    for (const e of parsed.validateProperties().validationEvents) problems.push('validate: ' + e.message);
    console.log(JSON.stringify({ name, bytes: Buffer.byteLength(text, 'utf8'), problems, card: process.env.KITBOT_SHOW_CARDS || show ? card : undefined }));
  }
});
