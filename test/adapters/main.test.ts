import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { compiledEntry } from '../helpers/compiled-app.js';
import {
  fakeSlackApi,
  freePort,
  listen,
  type RunningNode,
  spawnCommand,
  startMain,
  stopAll,
  waitHealthy,
} from './server/harness.js';
import { commandBody, postSigned, SIGNING_SECRET } from './slack/harness.js';

/** Folders made by {@link sourceCheckout}, removed after each test (their links only, not what they link to). */
const checkouts: string[] = [];

afterEach(() => {
  stopAll();
  for (const dir of checkouts.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('refuses a missing configuration with a message naming the variable and no stack trace', async () => {
    const main = startMain({});
    expect(await main.exitCode()).toBe(1);
    const { stderr } = main.output();
    expect(stderr).toContain('SLACK_SIGNING_SECRET');
    expect(stderr).toContain('api.slack.com/apps');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses to start with no front end (only TEAMS_ALLOW_UNAUTHENTICATED=false), naming the variables that turn one on', async () => {
    const main = startMain({ TEAMS_ALLOW_UNAUTHENTICATED: 'false' });
    expect(await main.exitCode()).toBe(1);
    const { stderr } = main.output();
    expect(stderr).toContain('no front end is configured');
    for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'MicrosoftAppId'])
      expect(stderr).toContain(name);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses PORT=abc with a message naming PORT, exit code 1', async () => {
    const main = startMain({ PORT: 'abc', TEAMS_ALLOW_UNAUTHENTICATED: 'true' });
    expect(await main.exitCode()).toBe(1);
    expect(main.output().stderr).toMatch(/^ {2}- PORT: .*"abc"/m);
    expect(main.output().stderr).not.toMatch(/^\s+at /m);
  });

  it('answers a signed /jsev 上清液 with the 細胞培養上清液 quote and its citation, then exits 0 on SIGTERM', async () => {
    const fakeSlack = await fakeSlackApi();
    const port = await freePort();
    const main = startMain(
      { PORT: String(port), SHUTDOWN_DELAY_MS: '0', LOG_LEVEL: 'warn' },
      [
        `SLACK_SIGNING_SECRET=${SIGNING_SECRET}`,
        'SLACK_BOT_TOKEN=xoxb-local-test',
        `SLACK_API_URL=${fakeSlack.url}`,
      ].join('\n'),
    );
    const url = `http://127.0.0.1:${port}`;
    await waitHealthy(url, main);
    const res = await postSigned(url, commandBody('上清液'), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    const message = JSON.stringify(await res.json());
    expect(message).toContain('細胞培養上清液');
    expect(message).toContain('見解と提言 第2段落');
    main.child.kill('SIGTERM');
    expect(await main.exitCode()).toBe(0);
    expect(main.output().stdout + main.output().stderr).not.toContain(SIGNING_SECRET);
  });

  it('posts an Adaptive Card quoting 細胞培養上清液 to a local Teams connector for a message 上清液', async () => {
    const replies: { url: string; body: string }[] = [];
    const connector = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        replies.push({ url: req.url ?? '', body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"reply-1"}');
      });
    });
    const connectorUrl = `http://127.0.0.1:${await listen(connector)}/`;
    const port = await freePort();
    const main = startMain({
      PORT: String(port),
      SHUTDOWN_DELAY_MS: '0',
      LOG_LEVEL: 'warn',
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      TEAMS_ALLOWED_SERVICE_URLS: connectorUrl,
    });
    const url = `http://127.0.0.1:${port}`;
    await waitHealthy(url, main);
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'activity-1',
        text: '上清液',
        channelId: 'msteams',
        serviceUrl: connectorUrl,
        from: { id: 'user-1', name: 'Member' },
        recipient: { id: 'bot-1', name: 'jsev' },
        conversation: { id: 'conversation-1', conversationType: 'personal' },
      }),
    });
    expect(res.status).toBeLessThan(300);
    expect(replies[0]?.url).toBe('/v3/conversations/conversation-1/activities/activity-1');
    const reply = replies[0]?.body ?? '';
    expect(reply).toContain('application/vnd.microsoft.card.adaptive');
    expect(reply).toContain('細胞培養上清液');
    expect(reply).toContain('見解と提言 第2段落');
    main.child.kill('SIGTERM');
    expect(await main.exitCode()).toBe(0);
  });
});

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The repository as `npm start` needs it (package.json, the TypeScript, the corpus), without a developer's .env. */
function sourceCheckout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jsev-npm-start-'));
  checkouts.push(dir);
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  for (const name of ['node_modules', 'tsconfig.json', 'src', 'adapters', 'corpus']) {
    symlinkSync(join(ROOT, name), join(dir, name));
  }
  return dir;
}

/** Whether any process of the group is left. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves true once no process of the group is left (checked every 50 ms: a process that is not
 * our child sends us no event), false if some is still there after `guardMs`. tsx's esbuild
 * service ends on its own when the server's end closes its stdin, a moment after the server.
 */
async function groupGone(pgid: number, guardMs = 10_000): Promise<boolean> {
  const until = Date.now() + guardMs;
  while (groupAlive(pgid)) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/**
 * Runs `npm <args>` in `cwd` in a process group of its own (as a shell runs a job), serving Teams
 * without authentication on a free port (no network), and resolves once /healthz answers.
 */
async function runNpm(args: string[], cwd: string, extra: Record<string, string> = {}) {
  const port = await freePort();
  const npm = spawnCommand('npm', args, {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      npm_config_update_notifier: 'false',
      PORT: String(port),
      SHUTDOWN_DELAY_MS: '0',
      LOG_LEVEL: 'info',
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      ...extra,
    },
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, npm);
  return { npm, url };
}

describe('npm start, stopped as a developer or a process manager does', () => {
  it.each([
    ['one SIGTERM to npm', (pid: number) => process.kill(pid, 'SIGTERM')],
    [
      'one Ctrl-C (SIGINT to its process group, as a terminal sends it)',
      (pid: number) => process.kill(-pid, 'SIGINT'),
    ],
  ])('stops on %s: drains, exits 0 and leaves no process behind', async (_how, stop) => {
    const { npm, url } = await runNpm(['start'], sourceCheckout());
    const pid = npm.child.pid as number;
    stop(pid);
    expect(await npm.exitCode(), npm.output().all).toBe(0);
    expect(npm.output().stdout).toContain('"msg":"stopped"');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    expect(await groupGone(pid)).toBe(true);
  });
});

/** The heap bound the server logged when it started listening, in MB. */
async function loggedHeapLimit(main: RunningNode): Promise<number | undefined> {
  await main.waitForOutput(/"msg":"listening"/);
  const line = main
    .output()
    .stdout.split('\n')
    .find((l) => l.includes('"msg":"listening"'));
  return (JSON.parse(line ?? '{}') as { heapLimitMb?: number }).heapLimitMb;
}

describe('npm run start:prod', () => {
  /** Runs it in the compiled app's folder (laid out as the image's /app), Teams only, no network. */
  const startProd = async (extra: Record<string, string> = {}) =>
    (await runNpm(['run', 'start:prod'], join(compiledEntry('adapters/main.js'), '../../..'), extra)).npm;

  it('bounds V8’s heap by itself (about 200 MB, not a share of the machine’s memory) and stops on one SIGTERM', async () => {
    const npm = await startProd();
    const limit = await loggedHeapLimit(npm);
    expect(limit).toBeGreaterThanOrEqual(192);
    expect(limit).toBeLessThanOrEqual(220);
    const pid = npm.child.pid as number;
    process.kill(pid, 'SIGTERM');
    expect(await npm.exitCode(), npm.output().all).toBe(0);
    expect(await groupGone(pid)).toBe(true);
  });

  it('lets NODE_OPTIONS override the bound', async () => {
    const npm = await startProd({ NODE_OPTIONS: '--max-old-space-size=320' });
    expect(await loggedHeapLimit(npm)).toBeGreaterThanOrEqual(320);
  });
});
