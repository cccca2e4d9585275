// npm run bench (Slack part), or standalone: tsx scripts/bench-slack.ts
// Round trip of a signed `/jsev 上清液` over loopback at concurrency 30, against the real server and,
// in the same run, against a bare Bolt app that acks a fixed text: the ratio is our own cost.
import { pathToFileURL } from 'node:url';
import { createServer as createJsevServer } from '../adapters/server/server.js';
import { createSlackApp } from '../adapters/slack/app.js';
import { slackConfig } from '../adapters/slack/config.js';
import { loadConfig } from '../src/config.js';
import { loadCorpus } from '../src/corpus/load.js';
import { silentLogger } from '../src/log.js';
import { createRetriever } from '../src/retriever.js';
import { autocannon, close, signedCommand, startBareBolt, startFakeSlackApi } from './slack-load.js';

export interface BenchFigures {
  readonly p50_ms: number;
  readonly p99_ms: number;
  readonly rps: number;
}

export interface SlackBenchResult {
  readonly jsev: BenchFigures;
  /** The same with the Slack app's answer cache off: every request runs the engine and the renderer. */
  readonly jsev_uncached: BenchFigures;
  readonly bare: BenchFigures;
  /** jsev p50 / bare p50; the target is ≤ 1.5. */
  readonly ratio_p50: number;
}

const SECRET = 'bench-signing-secret';
const CONNECTIONS = 30;

async function load(url: string, seconds: number): Promise<BenchFigures> {
  const result = await autocannon({
    url: `${url}/slack/events`,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    // The load generator runs in its own thread, so it does not share the servers' event loop.
    workers: 1,
    ...signedCommand('上清液', SECRET),
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `bench requests failed: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return { p50_ms: result.latency.p50, p99_ms: result.latency.p99, rps: Math.round(result.requests.average) };
}

/**
 * Measures the jsev server and a bare Bolt app side by side (each warmed up first), with a local
 * stand-in for Slack's Web API answering the startup auth.test. `seconds` per measured run.
 */
export async function benchSlack(
  seconds = Number(process.env.BENCH_SECONDS ?? 10),
): Promise<SlackBenchResult> {
  const { apiUrl, server: fakeSlack } = await startFakeSlackApi();
  const config = loadConfig(
    {
      NODE_ENV: 'production',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: apiUrl,
      LOG_LEVEL: 'silent',
      SHUTDOWN_DELAY_MS: '0',
    },
    [slackConfig],
  );
  const logger = silentLogger();

  const retriever = createRetriever(loadCorpus());
  const slack = createSlackApp({ retriever, config, logger });
  const jsev = createJsevServer({ retriever, config, logger, frontEnds: [slack] });
  const jsevUrl = `http://127.0.0.1:${(await jsev.listen(0, '127.0.0.1')).port}`;
  const uncachedSlack = createSlackApp({ retriever, config, logger, answerCacheSize: 0 });
  const uncached = createJsevServer({ retriever, config, logger, frontEnds: [uncachedSlack] });
  const uncachedUrl = `http://127.0.0.1:${(await uncached.listen(0, '127.0.0.1')).port}`;

  const { url: bareUrl, server: bare } = await startBareBolt(SECRET, apiUrl, logger);

  try {
    const warmup = Math.min(2, seconds);
    await load(bareUrl, warmup);
    await load(jsevUrl, warmup);
    await load(uncachedUrl, warmup);
    const bareFigures = await load(bareUrl, seconds);
    const jsevFigures = await load(jsevUrl, seconds);
    const uncachedFigures = await load(uncachedUrl, seconds);
    return {
      jsev: jsevFigures,
      jsev_uncached: uncachedFigures,
      bare: bareFigures,
      ratio_p50: Math.round((jsevFigures.p50_ms / Math.max(bareFigures.p50_ms, 0.001)) * 100) / 100,
    };
  } finally {
    await close(bare);
    await close(jsev.server);
    await close(uncached.server);
    await close(fakeSlack);
  }
}

/** The figures as a short report: p50 ratio against the 1.5 target and p99 against Slack's 3 s. */
export function formatSlackBench(result: SlackBenchResult): string {
  const row = (name: string, f: BenchFigures) =>
    `  ${name.padEnd(24)} p50 ${f.p50_ms} ms  p99 ${f.p99_ms} ms  ${f.rps} req/s`;
  return [
    `Slack /jsev round trip over loopback, ${CONNECTIONS} connections:`,
    row('jsev', result.jsev),
    row('bare', result.bare),
    row('jsev, answer cache off', result.jsev_uncached),
    `  p50 ratio ${result.ratio_p50} (target ≤ 1.5) ${result.ratio_p50 <= 1.5 ? 'ok' : 'OVER'}`,
    `  p99 ${result.jsev.p99_ms} ms vs Slack's 3000 ms ack limit ${result.jsev.p99_ms < 3000 ? 'ok' : 'OVER'}`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchSlack();
  console.log(formatSlackBench(result));
  console.log(JSON.stringify(result));
}
