/**
 * Every event of a Python program's run has words in both languages (the runtime's vocabulary
 * is larger than the engine's: callbacks, printed lines, a PriorityQueue's order, more waits).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendChunk, pythonTrace } from '../python/chunk';
import { loadPythonRuntime } from '../python/node';
import type { PythonRuntime } from '../python/runtime';
import { narrate } from './narrate';

const dir = join(process.cwd(), 'oracle', 'programs');
const programs = readdirSync(dir).filter((name) => name.endsWith('.py'));

let runtime: PythonRuntime;
beforeAll(async () => {
  runtime = await loadPythonRuntime();
});

describe('the words of a Python run', () => {
  it('has programs to read', () => expect(programs.length).toBeGreaterThan(20));

  it.each(programs)('%s: every event told, in English and French', (name) => {
    const trace = pythonTrace();
    appendChunk(trace, runtime.start(readFileSync(join(dir, name), 'utf8'), { until: 60 }));
    expect(trace.eventCount).toBeGreaterThan(0);
    for (const lang of ['en', 'fr'] as const) {
      for (let i = 0; i < trace.eventCount; i += 1) {
        const text = narrate(trace, i, lang);
        expect(text, `${name} event ${i} (kind ${trace.kind[i]})`).not.toMatch(
          /^event \d+$|undefined|NaN|\?$|^ /,
        );
      }
    }
  });
});
