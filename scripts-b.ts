import zlib from 'node:zlib'; import fs from 'node:fs';
import { buildSearchIndex } from '/work/main/src/search/index.ts';
const docs = zlib.gunzipSync(fs.readFileSync(`/work/shared/bench/synthetic-${process.argv[2]}.jsonl.gz`)).toString().trim().split('\n').map(l=>JSON.parse(l));
const t=performance.now(); const idx = buildSearchIndex(docs); console.log('build', performance.now()-t, idx.documentFrequency.size);
global.gc?.(); console.log('heap', process.memoryUsage().heapUsed/1e6);
