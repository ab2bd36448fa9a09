import { readFileSync } from 'node:fs';
import { createConfig, lintFromString } from '@redocly/openapi-core';
const config = await createConfig({ extends: ['recommended'] });
const problems = await lintFromString({ source: readFileSync(process.argv[2], 'utf8'), absoluteRef: 'openapi.json', config });
const counts: Record<string, number> = {};
for (const p of problems) counts[`${p.severity} ${p.ruleId}`] = (counts[`${p.severity} ${p.ruleId}`] ?? 0) + 1;
console.log(counts);
for (const p of problems.filter((x) => x.severity === 'error').slice(0, 10)) console.log(p.ruleId, p.message, p.location[0]?.pointer);
const seen = new Set();
for (const p of problems) { if (seen.has(p.ruleId)) continue; seen.add(p.ruleId); console.log('EX', p.ruleId, p.message, p.location[0]?.pointer); }
