// Parses and validates Adaptive Cards with the official library (PROTOCOLS.md section 4), for KitBot's tests.
// stdin: one card or an array of cards. stdout: for each card, the list of events (empty when it is valid).
'use strict';
// The package's main entry is ESM with extension-less imports, which plain Node cannot load; the dist bundle works.
// Parsing and validating need no DOM (only rendering does), so there is no jsdom here.
const AC = require('adaptivecards/dist/adaptivecards.js');

function describe(e) {
  return {
    phase: AC.ValidationPhase[e.phase] ?? String(e.phase),
    event: AC.ValidationEvent[e.event] ?? String(e.event),
    message: e.message,
  };
}

function validateOne(json) {
  const events = [];
  try {
    const context = new AC.SerializationContext();
    context.targetVersion = AC.Versions.v1_5;
    const card = new AC.AdaptiveCard();
    card.parse(json, context);
    for (let i = 0; i < context.eventCount; i++) {
      events.push(describe(context.getEventAt(i)));
    }
    for (const e of card.validateProperties().validationEvents) {
      events.push(describe(e));
    }
  } catch (e) {
    events.push({ phase: 'Exception', event: 'Exception', message: String(e && e.message ? e.message : e) });
  }
  return events;
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const parsed = JSON.parse(input);
  const output = Array.isArray(parsed) ? parsed.map(validateOne) : validateOne(parsed);
  process.stdout.write(JSON.stringify(output));
});
