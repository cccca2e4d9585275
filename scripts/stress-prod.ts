// `STRESS_TARGET=start:prod npm run stress`: the bot as `npm run start:prod` starts it (the compiled
// dist/, so `npm run build` first), with no flag of the stress script's: what it measures is what a
// deployment that runs that script gets, its own V8 heap bounds (or NODE_OPTIONS's) included.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A server under load: its URL, its stand-in's base URL, its RSS, and how to stop it. */
export interface StressTarget {
  readonly url: string;
  /** The base URL (ending in /) of its stand-in for Slack and the Bot Connector. */
  readonly standIn: string;
  rss(): Promise<number>;
  stop(): void;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** package.json, dist/, node_modules and corpus/ in a folder of their own: the repository's .env is not read. */
function appFolder(): string {
  if (!existsSync(join(ROOT, 'dist/adapters/main.js'))) {
    throw new Error('STRESS_TARGET=start:prod runs the compiled server: run `npm run build` first');
  }
  const dir = mkdtempSync(join(tmpdir(), 'jsev-stress-prod-'));
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  for (const name of ['dist', 'node_modules', 'corpus']) symlinkSync(join(ROOT, name), join(dir, name));
  return dir;
}

/** The pid of npm's child, the server (`start:prod` execs node), from the kernel's process table. */
function childOf(parent: number): number {
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === parent) return Number(entry);
  }
  throw new Error(`no child of npm (${parent}) found in /proc`);
}

/** Resident memory of a process, in bytes, from /proc (Linux). */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]) * 1024;
}

/** Resolves with the `listening` log line once the server has written it; rejects if npm exits first. */
function listening(npm: ChildProcess): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const line = text.split('\n').find((l) => l.includes('"msg":"listening"'));
      if (!line) return;
      npm.stdout?.off('data', onData);
      npm.stdout?.resume(); // the request lines that follow are read and dropped
      resolve(JSON.parse(line) as Record<string, unknown>);
    };
    npm.stdout?.on('data', onData);
    npm.once('exit', (code) => reject(new Error(`npm run start:prod exited (${code}):\n${text}`)));
  });
}

/**
 * Starts `npm run start:prod` as the jsev server, configured like the in-process target (Slack and
 * Teams without authentication, Slack's Web API, response_url and the Bot Connector on the
 * stand-in), with the defaults otherwise (LOG_LEVEL info: one line per request, read and dropped;
 * NODE_ENV unset, since production refuses Teams without authentication). NODE_OPTIONS passes
 * through if set, to measure an override. Linux only (RSS and the server's pid from /proc).
 */
export async function startProdTarget(
  apiUrl: string,
  secret: string,
): Promise<StressTarget & { heapLimitMb: unknown }> {
  const dir = appFolder();
  const port = await freePort();
  const standIn = apiUrl.replace(/api\/$/, '');
  const npm = spawn('npm', ['run', '--silent', 'start:prod'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      ...(process.env.NODE_OPTIONS ? { NODE_OPTIONS: process.env.NODE_OPTIONS } : {}),
      npm_config_update_notifier: 'false',
      PORT: String(port),
      HOST: '127.0.0.1',
      SHUTDOWN_DELAY_MS: '0',
      SLACK_SIGNING_SECRET: secret,
      SLACK_BOT_TOKEN: 'xoxb-stress',
      SLACK_API_URL: apiUrl,
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      TEAMS_ALLOWED_SERVICE_URLS: standIn,
    },
  });
  npm.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const line = await listening(npm);
  const server = childOf(npm.pid as number);
  return {
    url: `http://127.0.0.1:${port}`,
    standIn,
    heapLimitMb: line.heapLimitMb,
    rss: async () => rssOf(server),
    stop: () => npm.kill('SIGTERM'),
  };
}
