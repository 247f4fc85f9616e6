// Reads a Teams app manifest (JSON) on stdin and validates it against the schema bundled in
// @microsoft/app-manifest (offline). Prints a JSON array of errors: empty when valid.
const { AppManifestUtils } = require('@microsoft/app-manifest');

let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', async () => {
  const manifest = JSON.parse(input);
  const errors = await AppManifestUtils.validateAgainstSchema(manifest);
  process.stdout.write(JSON.stringify(errors));
});
