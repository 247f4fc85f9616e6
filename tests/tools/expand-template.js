// Expands Adaptive Card templates with the reference implementation (adaptivecards-templating 2.3.1), for KitBot's
// equality tests (TESTING.md). stdin: one {template, data} or an array of them. stdout: one outcome for each:
// {"result": ...}, {"undefined": true} when the expansion is undefined (JSON cannot carry it), or {"error": "..."}.
'use strict';

// Adaptive Expressions formats numbers and changes case in the runtime's default locale, which follows the
// machine's LANG (and is "und" when LANG is unset). KitBot's engine uses en-US; pin the reference to it so the
// outcome does not depend on the machine the tests run on.
const NativeDateTimeFormat = Intl.DateTimeFormat;
function DateTimeFormat(locales, options) {
  return new NativeDateTimeFormat(locales ?? 'en-US', options);
}
DateTimeFormat.prototype = NativeDateTimeFormat.prototype;
DateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf;
Intl.DateTimeFormat = DateTimeFormat;

const ACData = require('adaptivecards-templating');

function expandOne(c) {
  try {
    const result = new ACData.Template(c.template).expand({ $root: c.data });
    return result === undefined ? { undefined: true } : { result };
  } catch (e) {
    return { error: String(e && e.message ? e.message : e) };
  }
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const parsed = JSON.parse(input);
  const output = Array.isArray(parsed) ? parsed.map(expandOne) : expandOne(parsed);
  process.stdout.write(JSON.stringify(output));
});
