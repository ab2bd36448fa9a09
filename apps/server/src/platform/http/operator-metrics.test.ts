import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const OPS = fileURLToPath(new URL('../../../../../ops/', import.meta.url));

describe('operator alert rules and dashboard', () => {
  it('promtool accepts the rules and their unit tests pass (alerts fire on the series they are meant for)', () => {
    const check = spawnSync('promtool', ['check', 'rules', 'firebreak-rules.yml'], { cwd: `${OPS}prometheus`, encoding: 'utf8' });
    expect(check.error, 'promtool is Debian\'s `prometheus` package (.ci/run installs it)').toBeUndefined();
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const test = spawnSync('promtool', ['test', 'rules', 'firebreak-rules.test.yml'], { cwd: `${OPS}prometheus`, encoding: 'utf8' });
    expect(test.status, test.stdout + test.stderr).toBe(0);
  });

  it('the dashboard only charts metrics the server exposes or Prometheus derives', () => {
    const dashboard = JSON.parse(readFileSync(`${OPS}grafana/firebreak-dashboard.json`, 'utf8')) as { panels: { targets: { expr: string }[] }[] };
    const rules = readFileSync(`${OPS}prometheus/firebreak-rules.yml`, 'utf8');
    const source = readFileSync(new URL('./operator-metrics.ts', import.meta.url), 'utf8') + readFileSync(new URL('./observability.ts', import.meta.url), 'utf8');
    const used = [...dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)), rules].join('\n').match(/\b(?:firebreak|http)_[a-z_]+/g) ?? [];
    const exposed = (name: string) => source.includes(`'${name.replace(/_(bucket|count|sum)$/, '')}'`);
    expect([...new Set(used)].filter((n) => !exposed(n))).toEqual([]);
  });
});
