#!/usr/bin/env node
// Writes public/schema/org-chart.schema.json from the zod schema in
// src/model/schema.ts, so the published schema can never drift from the code.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = await createServer({ root, logLevel: 'error', server: { middlewareMode: true, hmr: false }, appType: 'custom' });
try {
  const { orgChartJsonSchema } = await server.ssrLoadModule('/src/model/schema.ts');
  const out = new URL('../public/schema/org-chart.schema.json', import.meta.url);
  writeFileSync(out, `${JSON.stringify(orgChartJsonSchema(), null, 2)}\n`);
  console.log(`wrote ${fileURLToPath(out)}`);
} finally {
  await server.close();
}
