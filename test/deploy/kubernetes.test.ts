import { readFileSync } from 'node:fs';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface Probe {
  httpGet?: { path?: string };
}
interface Container {
  env?: { name: string; value?: string }[];
  envFrom?: { secretRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
}
interface Manifest {
  kind: string;
  spec: {
    replicas?: number;
    template?: { spec: { terminationGracePeriodSeconds?: number; containers: Container[] } };
  };
}

const manifests = loadAll(
  readFileSync(new URL('../../deploy/kubernetes.yaml', import.meta.url), 'utf8'),
) as Manifest[];
const deployment = manifests.find((m) => m.kind === 'Deployment');
const pod = deployment?.spec.template?.spec;
const container = pod?.containers[0];

describe('deploy/kubernetes.yaml', () => {
  it('runs at least two replicas behind a Service', () => {
    expect(deployment?.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(manifests.map((m) => m.kind)).toContain('Service');
  });

  it('probes readiness and liveness on /healthz', () => {
    expect(container?.readinessProbe?.httpGet?.path).toBe('/healthz');
    expect(container?.livenessProbe?.httpGet?.path).toBe('/healthz');
  });

  it('gives a grace period longer than the shutdown delay plus a slow request', () => {
    const delayMs = Number(container?.env?.find((e) => e.name === 'SHUTDOWN_DELAY_MS')?.value);
    expect(delayMs).toBeGreaterThan(0);
    expect((pod?.terminationGracePeriodSeconds ?? 30) * 1000).toBeGreaterThanOrEqual(delayMs + 10_000);
  });

  it('takes the tokens from a Secret, never from the manifest', () => {
    expect(container?.envFrom?.[0]?.secretRef?.name).toBe('jsev-bot');
    const inline = (container?.env ?? []).map((e) => e.name);
    expect(inline.filter((n) => /SECRET|TOKEN|PASSWORD/i.test(n))).toEqual([]);
  });
});
