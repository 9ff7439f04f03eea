import { Ev, formatTime, type Trace } from '../engine';

export interface LogLine {
  /** Index of the LOG event in the trace. */
  event: number;
  time: number;
  task: number;
  text: string;
}

/** The `show_timer` lines of a run, in order. */
export function logLines(trace: Trace): LogLine[] {
  const lines: LogLine[] = [];
  const kind = trace.kind;
  for (let i = 0; i < trace.eventCount; i += 1) {
    if (kind[i] === Ev.LOG) {
      lines.push({
        event: i,
        time: trace.timeAt(i),
        task: trace.task[i],
        text: trace.strings[trace.a[i]],
      });
    }
  }
  return lines;
}

/** `<time with 3 decimals> <task name> <text>`, one line per log step. */
export function formatLogLine(trace: Trace, line: LogLine): string {
  return `${formatTime(line.time)} ${trace.tasks[line.task].name} ${line.text}`;
}

/**
 * The log as UTF-8 bytes. Lines are gathered in short strings that are encoded and dropped at
 * once: for a long run (200,000 lines) nothing survives long enough to burden the collector.
 */
export function formatLogBytes(trace: Trace): Uint8Array {
  const encoder = new TextEncoder();
  let out = new Uint8Array(1 << 16);
  let length = 0;
  const flush = (text: string) => {
    if (length + text.length * 3 > out.length) {
      const bigger = new Uint8Array(Math.max(out.length * 2, length + text.length * 3));
      bigger.set(out.subarray(0, length));
      out = bigger;
    }
    length += encoder.encodeInto(text, out.subarray(length)).written;
  };
  const kind = trace.kind;
  const names = trace.tasks.map((t) => ` ${t.name} `);
  let lastTime = NaN;
  let timeText = '';
  let chunk = '';
  for (let i = 0; i < trace.eventCount; i += 1) {
    if (kind[i] !== Ev.LOG) continue;
    const time = trace.timeAt(i);
    if (time !== lastTime) {
      lastTime = time;
      timeText = formatTime(time);
    }
    chunk += timeText + names[trace.task[i]] + trace.strings[trace.a[i]] + '\n';
    if (chunk.length > 16384) {
      flush(chunk);
      chunk = '';
    }
  }
  flush(chunk);
  return out.subarray(0, length);
}

export function formatLog(trace: Trace): string {
  return new TextDecoder().decode(formatLogBytes(trace));
}
