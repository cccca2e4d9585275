/**
 * Builds the Teams app package: dist/jsev-bot-teams.zip with manifest.json, color.png and
 * outline.png at its root, the bot's Microsoft App ID filled in.
 *
 *   MicrosoftAppId=<guid> npm run teams:package
 *   npm run teams:package -- --app-id <guid> [--website-url URL --privacy-url URL --terms-url URL] [--out FILE]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { command, readCommandLine } from '../adapters/cli/arguments.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST_DIR = join(ROOT, 'adapters', 'teams', 'manifest');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Manifest {
  id: string;
  developer: { websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  bots: { botId: string }[];
  composeExtensions: { botId: string }[];
}

/** The manifest with the app id (Teams app id = bot id = Azure app registration) and developer URLs set. */
function fillManifest(
  manifest: Manifest,
  appId: string,
  urls: {
    websiteUrl?: string | undefined;
    privacyUrl?: string | undefined;
    termsOfUseUrl?: string | undefined;
  } = {},
): Manifest {
  const developer = { ...manifest.developer };
  if (urls.websiteUrl) developer.websiteUrl = urls.websiteUrl;
  if (urls.privacyUrl) developer.privacyUrl = urls.privacyUrl;
  if (urls.termsOfUseUrl) developer.termsOfUseUrl = urls.termsOfUseUrl;
  return {
    ...manifest,
    id: appId,
    developer,
    bots: manifest.bots.map((bot) => ({ ...bot, botId: appId })),
    composeExtensions: manifest.composeExtensions.map((extension) => ({ ...extension, botId: appId })),
  };
}

function main(): void {
  const { values } = readCommandLine(
    command({
      usage:
        'npm run teams:package -- [--app-id GUID] [--website-url URL --privacy-url URL --terms-url URL] [--out FILE]',
      help: `Builds the Teams app package (manifest.json, color.png, outline.png) with the bot's Microsoft App ID.
  --app-id GUID      the Microsoft App ID (default: the MicrosoftAppId environment variable)
  --website-url URL  --privacy-url URL  --terms-url URL   the developer's pages shown in Teams
  --out FILE         where to write it (default dist/jsev-bot-teams.zip)`,
      parse: {
        options: {
          'app-id': { type: 'string' },
          'website-url': { type: 'string' },
          'privacy-url': { type: 'string' },
          'terms-url': { type: 'string' },
          out: { type: 'string', default: join(ROOT, 'dist', 'jsev-bot-teams.zip') },
        },
      },
    }),
  );
  const appId = (values['app-id'] ?? process.env.MicrosoftAppId ?? '').trim();
  if (!GUID.test(appId)) {
    console.error(
      "teams:package needs the bot's Microsoft App ID (a GUID): set MicrosoftAppId or pass --app-id.\n" +
        'Find it in Azure portal → your Azure Bot → Configuration → Microsoft App ID.',
    );
    process.exit(1);
  }
  const manifest = JSON.parse(readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8')) as Manifest;
  const filled = fillManifest(manifest, appId, {
    websiteUrl: values['website-url'],
    privacyUrl: values['privacy-url'],
    termsOfUseUrl: values['terms-url'],
  });
  const zip = zipSync({
    'manifest.json': new TextEncoder().encode(`${JSON.stringify(filled, null, 2)}\n`),
    'color.png': readFileSync(join(MANIFEST_DIR, 'color.png')),
    'outline.png': readFileSync(join(MANIFEST_DIR, 'outline.png')),
  });
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  console.log(
    `Wrote ${out} (${zip.length} bytes) for app ${appId}. Upload it in Teams → Apps → Manage your apps → Upload an app.`,
  );
}

main();
