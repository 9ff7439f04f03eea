/** In-process timing of the default 8-job window: cold (first run) and warm (median, p95). */
import { simulate } from '../src/engine';
import { jobWindowScenario, JOB_WINDOW_DEFAULTS } from '../src/scenario/presets';

const scenario = jobWindowScenario(JOB_WINDOW_DEFAULTS);
let t = performance.now();
simulate(scenario);
const cold = performance.now() - t;
for (let i = 0; i < 2000; i += 1) simulate(scenario);
const times: number[] = [];
for (let i = 0; i < 5000; i += 1) {
  t = performance.now();
  simulate(scenario);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    coldMs: cold,
    medianMs: times[times.length >> 1],
    p95Ms: times[Math.floor(times.length * 0.95)],
  }),
);
