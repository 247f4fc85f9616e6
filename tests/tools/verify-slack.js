// The reference Slack signature check (@slack/bolt verifySlackRequest), for KitBot's signing tests.
// stdin: a JSON array of cases { signingSecret, body, headers: { 'x-slack-signature', 'x-slack-request-timestamp' }, nowMilliseconds }
// stdout: a JSON array, one entry per case: { valid: true } or { valid: false, error: "..." }.
const { verifySlackRequest } = require('@slack/bolt');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const results = JSON.parse(input).map((c) => {
    try {
      verifySlackRequest({
        signingSecret: c.signingSecret,
        body: c.body,
        headers: {
          'x-slack-signature': c.headers['x-slack-signature'],
          // As bolt's own HTTP receiver does (HTTPModuleFunctions.parseAndVerifyHTTPRequest): Number(header).
          'x-slack-request-timestamp': Number(c.headers['x-slack-request-timestamp']),
        },
        nowMilliseconds: c.nowMilliseconds,
      });
      return { valid: true };
    } catch (e) {
      return { valid: false, error: String(e && e.message ? e.message : e) };
    }
  });
  process.stdout.write(JSON.stringify(results));
});
