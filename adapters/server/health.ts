import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { Retriever } from '../../src/answer.js';
import type { FrontEnd } from './front-end.js';
import { sendJson } from './json.js';

/** The version in package.json, read once (found from this module, from source or from dist/). */
export function packageVersion(): string {
  for (const candidate of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'jsev-bot' && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return 'unknown';
}

/** What /healthz reports: the version and exactly which reviewed corpus is being quoted. */
export interface HealthReport {
  readonly status: 'ok' | 'shutting-down';
  readonly version: string;
  readonly corpus: {
    readonly hash: string;
    readonly documents: readonly { readonly id: string; readonly title: string; readonly date: string }[];
  };
  /** What each front end reports about itself, by name (e.g. `slack: { mode: 'http' }`). */
  readonly frontEnds: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** The /healthz body: `shutting-down` once shutdown has begun. */
export function healthReport(
  retriever: Retriever,
  version: string,
  draining: boolean,
  frontEnds: readonly FrontEnd[],
): HealthReport {
  return {
    status: draining ? 'shutting-down' : 'ok',
    version,
    corpus: {
      hash: retriever.corpusInfo.hash,
      documents: retriever.corpusInfo.documents.map((d) => ({ id: d.id, title: d.title, date: d.date })),
    },
    frontEnds: Object.fromEntries(frontEnds.map((f) => [f.name, f.health()])),
  };
}

/** 200 while serving; 503 once shutdown has begun, so the load balancer stops sending traffic. */
export function writeHealth(res: ServerResponse, report: HealthReport, headOnly: boolean): void {
  sendJson(res, report.status === 'ok' ? 200 : 503, report, { 'cache-control': 'no-store' }, headOnly);
}
