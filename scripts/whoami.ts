// Prints the account behind an access token: `npm run whoami -- --token T [--api graph|legacy]
// [--endpoint URL] [--api-version vX.Y]`. The token may come from IG_ACCESS_TOKEN instead of the
// command line, which keeps it out of the shell history. The token itself is never printed.

import { createClient, IgError, redactSecret, type IgDialectName } from '../src/api/index.js';

const USAGE = [
  'Usage: npm run whoami -- --token TOKEN [--api graph|legacy] [--endpoint URL] [--api-version vX.Y]',
  '  --token        access token; or set IG_ACCESS_TOKEN',
  '  --api          dialect: graph (default, https://graph.instagram.com) or legacy (https://api.instagram.com/v1)',
  '  --endpoint     API base URL, such as http://127.0.0.1:8787/v1 for the island\'s legacy API',
  '  --api-version  Graph API version path segment (default v25.0)',
].join('\n');

const SCOPE_NOTES: Record<IgDialectName, string> = {
  legacy: 'not reported: the legacy /users/self response has no scopes (they were chosen when the user authorized the app)',
  graph: 'not reported: Graph lists a token\'s permissions only through GET /debug_token, which needs an app token and so runs on a server',
};

interface Options {
  token: string;
  api: IgDialectName;
  endpoint?: string;
  apiVersion?: string;
}

function fail(message: string): never {
  console.error(`whoami: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseArguments(argv: string[]): Options {
  let token = process.env.IG_ACCESS_TOKEN || undefined;
  let api: IgDialectName = 'graph';
  let endpoint: string | undefined;
  let apiVersion: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const [name, inline] = argv[index].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++index] ?? fail(`${name} needs a value.`);
    if (name === '--token') token = value();
    else if (name === '--api') {
      const text = value();
      if (text !== 'graph' && text !== 'legacy') fail(`Invalid --api "${text}": use graph or legacy.`);
      api = text;
    } else if (name === '--endpoint') {
      const text = value();
      if (!/^https?:\/\/\S+$/.test(text)) fail(`Invalid --endpoint "${text}": use an absolute http or https URL.`);
      endpoint = text;
    } else if (name === '--api-version') apiVersion = value();
    else if (name === '--help' || name === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`Unknown option: ${argv[index]}`);
  }
  if (!token?.trim()) fail('No token: pass --token or set IG_ACCESS_TOKEN.');
  return { token: token.trim(), api, endpoint, apiVersion };
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const hide = (text: string) => redactSecret(text, options.token);
  const client = createClient({ api: options.api, accessToken: options.token, endpoint: options.endpoint, apiVersion: options.apiVersion });
  try {
    const user = await client.whoami();
    const rows: Array<[string, string | number | undefined]> = [
      ['id', user.id],
      ['username', user.username],
      ['name', user.name],
      ['account type', user.accountType],
      ['media count', user.mediaCount],
      ['scopes', user.scopes?.join(' ') ?? SCOPE_NOTES[options.api]],
      ['api', `${options.api} (${options.endpoint ?? 'default endpoint'})`],
    ];
    for (const [label, value] of rows) {
      if (value !== undefined && value !== '') console.log(hide(`${`${label}:`.padEnd(14)}${value}`));
    }
  } catch (error) {
    const igError = error instanceof IgError ? error : new IgError('network', String(error));
    console.error(hide(`whoami: ${igError.kind}: ${igError.message}`));
    if (igError.hint) console.error(hide(`Fix: ${igError.hint}`));
    process.exit(1);
  }
}

await main();
