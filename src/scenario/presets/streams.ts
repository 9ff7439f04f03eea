/**
 * The loop and the OS: clients each reading lines from a server over TCP
 * (`asyncio.open_connection`). Each connection is a file descriptor registered with the
 * selector; `select(timeout)` sleeps until one becomes ready (the connect done, data arrived),
 * and a single select can return several. The servers are simulated: each accepts after the
 * latency, then sends a line every `interval` seconds.
 */
import type { PrimitiveSpec, Scenario, TaskSpec } from '../types';
import type { CodeLang } from '../comments';
import { generatePython, type PythonCode } from '../python';
import { PRESET_TEXTS } from './texts';

export interface StreamsParams {
  /** Clients, each with its own connection and server. */
  clients: number;
  /** Lines each server sends. */
  lines: number;
  /** Seconds between a server's lines (the first comes one interval after it accepted). */
  interval: number;
  /** Seconds from connect() until the server accepts. */
  latency: number;
}

export const STREAMS_DEFAULTS: StreamsParams = { clients: 2, lines: 3, interval: 1, latency: 0.5 };

export function streamsScenario(params: StreamsParams, lang: CodeLang = 'en'): Scenario {
  const text = PRESET_TEXTS.streams;
  const primitives: Record<string, PrimitiveSpec> = {};
  const tasks: TaskSpec[] = [];
  for (let i = 1; i <= params.clients; i += 1) {
    const conn = `server${i}`;
    primitives[conn] = {
      type: 'Connection',
      latency: params.latency,
      data: Array.from({ length: params.lines }, (_, k) => ({
        after: (k + 1) * params.interval,
        text: `${text.line(lang, k + 1, conn)}\n`,
      })),
    };
    tasks.push({
      name: `client${i}`,
      steps: [
        { op: 'connect', conn },
        { op: 'log', text: text.connected[lang] },
        { op: 'write', conn, text: 'hello\n' },
        {
          op: 'repeat',
          times: params.lines,
          steps: [
            { op: 'readline', conn },
            { op: 'log', text: text.got[lang] },
          ],
        },
        { op: 'close', conn },
        { op: 'log', text: text.closed[lang] },
      ],
    });
  }
  return { version: 1, title: PRESET_TEXTS.streamsTitle(lang, params.clients), primitives, tasks };
}

export function streamsPython(params: StreamsParams, lang: CodeLang = 'en'): PythonCode {
  return generatePython(streamsScenario(params, lang), lang);
}
