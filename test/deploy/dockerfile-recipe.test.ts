// No Docker engine runs where these tests run, so this test performs the Dockerfile's own steps in a
// clean temporary copy: the build stage's COPY and RUN (compile), the runtime stage's production-only
// install, its COPY of the built output and corpus, then its CMD with the example configuration, its
// HEALTHCHECK, and SIGTERM. The steps are read from the Dockerfile, so changing the recipe changes
// what is tested. Like Docker's layer cache, a RUN step whose inputs (base image, instructions, the
// bytes of every file copied into its stage) are unchanged since an earlier run is restored from
// test/helpers/step-cache.ts instead of being run again.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv, promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeSlackApi, freePort, spawnNode, stopAll, waitHealthy } from '../adapters/server/harness.js';
import { cachedStep, hashTree, newStepKey } from '../helpers/step-cache.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

interface Instruction {
  readonly keyword: string;
  /** Flags such as --from=build or --mount=…, without their leading dashes. */
  readonly flags: Record<string, string>;
  readonly args: string;
}

interface Stage {
  readonly name: string;
  /** The base image, with global ARGs substituted. */
  readonly from: string;
  readonly instructions: Instruction[];
}

/** The Dockerfile's stages and instructions (comments dropped, continuation lines joined). */
function parseDockerfile(text: string): { args: Record<string, string>; stages: Stage[] } {
  const stages: Stage[] = [];
  const globalArgs: Record<string, string> = {};
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  for (const line of lines) {
    const match = /^(\S+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const keyword = (match[1] as string).toUpperCase();
    let rest = match[2] as string;
    const flags: Record<string, string> = {};
    for (let flag = /^--([\w-]+)=(\S+)\s+/.exec(rest); flag; flag = /^--([\w-]+)=(\S+)\s+/.exec(rest)) {
      flags[flag[1] as string] = flag[2] as string;
      rest = rest.slice(flag[0].length);
    }
    if (keyword === 'ARG' && stages.length === 0) {
      const [key, ...value] = rest.split('=');
      globalArgs[key as string] = value.join('=');
    } else if (keyword === 'FROM') {
      const from = (rest.split(/\s+/)[0] as string).replace(
        /\$\{(\w+)\}/g,
        (_, name: string) => globalArgs[name] ?? '',
      );
      stages.push({ name: /\sAS\s+(\S+)/i.exec(rest)?.[1] ?? String(stages.length), from, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword, flags, args: rest.trim() });
    }
  }
  return { args: globalArgs, stages };
}

/** An exec-form (JSON array) argument, as in CMD ["node", "…"]. */
function execForm(args: string): string[] {
  const json = args.replace(/^(--[\w-]+=\S+\s+)*(CMD\s+)?/, '');
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === 'string'))
    throw new Error(`not exec form: ${args}`);
  return parsed;
}

const { args: dockerArgs, stages: dockerfile } = parseDockerfile(
  readFileSync(join(ROOT, 'Dockerfile'), 'utf8'),
);
const build = dockerfile.find((s) => s.name === 'build');
const runtime = dockerfile.at(-1);
const only = (stage: Stage | undefined, keyword: string) =>
  stage?.instructions.filter((i) => i.keyword === keyword) ?? [];
const workdir = (stage: Stage | undefined) => only(stage, 'WORKDIR').at(-1)?.args ?? '/';

/**
 * Performs a stage's COPY and RUN steps, in order, in `dir` (the stage's WORKDIR). A RUN step whose
 * command and copied files are those of an earlier run is taken from the step cache, as BuildKit
 * takes an unchanged layer from its cache (test/helpers/step-cache.ts).
 */
async function perform(
  stage: Stage,
  dir: string,
  stageDirs: Record<string, { workdir: string; dir: string }>,
) {
  const key = newStepKey().update(`FROM ${stage.from}\n`);
  for (const step of stage.instructions) {
    key.update(`${step.keyword} ${JSON.stringify(step.flags)} ${step.args}\n`);
    if (step.keyword === 'COPY') {
      const parts = step.args.split(/\s+/);
      const dest = parts.pop() as string;
      for (const source of parts) {
        const from = step.flags.from ? stageDirs[step.flags.from] : undefined;
        const origin = from ? join(from.dir, posix.relative(from.workdir, source)) : join(ROOT, source);
        const target = join(dir, dest.endsWith('/') ? posix.basename(source) : dest);
        cpSync(origin, target, { recursive: true });
        hashTree(key, target);
      }
    } else if (step.keyword === 'RUN') {
      let command = step.args;
      if (/^npm ci\b/.test(command) && !command.includes('--omit=dev')) {
        // The build stage's full install is the `npm ci` CI has just run from the same lock file:
        // reuse it rather than install every dev dependency a second time.
        symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
        continue;
      }
      // The production install runs for real; CI has the npm registry, and its cache makes it quick.
      if (/^npm ci\b/.test(command)) command += ' --prefer-offline';
      await cachedStep(key.copy().digest('hex'), dir, async () => {
        await run('sh', ['-c', command], { cwd: dir, env: process.env, maxBuffer: 16 * 1024 * 1024 });
      });
    }
  }
}

let temp: string;
let appDir: string;

beforeAll(async () => {
  if (!build || !runtime || build === runtime)
    throw new Error('Dockerfile: expected a build stage and a runtime stage');
  temp = mkdtempSync(join(tmpdir(), 'jsev-image-'));
  const buildDir = join(temp, 'build');
  appDir = join(temp, 'app');
  mkdirSync(buildDir);
  mkdirSync(appDir);
  const stageDirs = { [build.name]: { workdir: workdir(build), dir: buildDir } };
  // BuildKit builds independent stages at once; so does this test, up to the runtime stage's COPY --from.
  const fromBuild = runtime.instructions.findIndex(
    (i) => i.keyword === 'COPY' && i.flags.from === build.name,
  );
  const before: Stage = { ...runtime, instructions: runtime.instructions.slice(0, fromBuild) };
  const after: Stage = { ...runtime, instructions: runtime.instructions.slice(fromBuild) };
  // Both run to the end before a failure is reported, so afterAll never deletes a folder npm is still
  // writing to.
  const stages = await Promise.allSettled([perform(build, buildDir, {}), perform(before, appDir, {})]);
  for (const stage of stages) if (stage.status === 'rejected') throw stage.reason;
  await perform(after, appDir, stageDirs);
}, 240_000);

afterAll(() => {
  stopAll();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/** The image's environment: its ENV lines over the documented example configuration. */
function imageEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(parseEnv(readFileSync(join(ROOT, '.env.example'), 'utf8')))) {
    if (value !== undefined) env[key] = value;
  }
  for (const step of only(runtime, 'ENV')) {
    const [key, ...value] = step.args.split('=');
    // Docker drops the quotes around a value (ENV KEY="a b").
    env[key as string] = value.join('=').replace(/^"(.*)"$/, '$1');
  }
  return env;
}

describe('the Dockerfile recipe', () => {
  it('builds and runs on the same node slim image, the Node major CI also tests on', () => {
    const major = dockerArgs.NODE_VERSION;
    expect(major).toMatch(/^\d+$/);
    expect(dockerfile.map((s) => s.from)).toEqual([`node:${major}-slim`, `node:${major}-slim`]);
    // .ci/run takes the major from the Dockerfile's ARG and runs the suite with it.
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    expect(ci).toContain('ARG NODE_VERSION=');
    expect(ci).toMatch(/npx -y "node@\$\{image_node\}" node_modules\/vitest\/vitest\.mjs run/);
  });

  it('runs as a non-root user, exposes the port and checks /healthz', () => {
    expect(only(runtime, 'USER').at(-1)?.args).toMatch(/^(?!root$|0$)\S+$/);
    expect(only(runtime, 'EXPOSE').map((i) => i.args)).toEqual(['3000']);
    expect(only(runtime, 'HEALTHCHECK')[0]?.args).toContain('/healthz');
  });

  it('keeps node_modules, tests, git, secrets and build output out of the build context', () => {
    const ignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
    expect(ignore[0]).toBe('*');
    const included = ignore.filter((l) => l.startsWith('!'));
    for (const kept of included) expect(kept).not.toMatch(/node_modules|^!test|\.git|\.env|^!dist|^!scratch/);
    expect(ignore).toEqual(expect.arrayContaining(['**/.env', '**/.env.*', '**/node_modules', '**/dist']));
  });

  it('installs production dependencies only, so the image needs no dev tool such as tsx', () => {
    expect(existsSync(join(appDir, 'node_modules', 'pino'))).toBe(true);
    expect(existsSync(join(appDir, 'node_modules', 'tsx'))).toBe(false);
    expect(existsSync(join(appDir, 'node_modules', 'vitest'))).toBe(false);
  });

  it('starts with the example configuration, answers /healthz and its HEALTHCHECK, and exits 0 on SIGTERM', async () => {
    // Slack's Web API stand-in, for the startup token check (auth.test) with the example's placeholder token.
    const api = await fakeSlackApi();
    const port = await freePort();
    const env = {
      ...imageEnv(),
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      SHUTDOWN_DELAY_MS: '100',
      SLACK_API_URL: api.url,
    };
    const [command, ...args] = execForm(only(runtime, 'CMD').at(-1)?.args ?? '');
    expect(command).toBe('node');
    const main = spawnNode(args, { cwd: appDir, env });
    const health = await waitHealthy(`http://127.0.0.1:${port}`, main);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      corpus: { documents: [{ date: '2023-12-25' }] },
    });

    const [checkCommand, ...checkArgs] = execForm(only(runtime, 'HEALTHCHECK')[0]?.args ?? '');
    expect(checkCommand).toBe('node');
    await expect(run(process.execPath, checkArgs, { cwd: appDir, env })).resolves.toBeDefined();

    // The image bounds V8's heap itself (about 200 MB, not a share of the machine's memory).
    await main.waitForOutput(/"msg":"listening"/);
    const listening = main
      .output()
      .stdout.split('\n')
      .find((l) => l.includes('"msg":"listening"'));
    const { heapLimitMb } = JSON.parse(listening ?? '{}') as { heapLimitMb?: number };
    expect(heapLimitMb).toBeGreaterThanOrEqual(192);
    expect(heapLimitMb).toBeLessThanOrEqual(220);

    main.child.kill('SIGTERM');
    expect(await main.exitCode()).toBe(0);
    for (const line of main.output().all.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });
});
