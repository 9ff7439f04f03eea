import { Ev, formatTime, type Trace } from '../engine';
import { writeString } from '../engine/texts';

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
        text: trace.string(trace.a[i]),
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
 * The log as UTF-8 bytes, written straight into one buffer: the texts and task names that are
 * still bytes of the scenario file are copied as they are, and no string is made per line.
 */
export function formatLogBytes(trace: Trace): Uint8Array {
  const encoder = new TextEncoder();
  const { kind, task, a, strings, taskNames } = trace;
  let lines = 0;
  for (let i = 0; i < trace.eventCount; i += 1) if (kind[i] === Ev.LOG) lines += 1;
  // Room for lines of 48 bytes, then doubled as needed; a line takes at most `room`.
  let out = new Uint8Array(Math.max(1 << 16, 48 * lines));
  const room = 64 + taskNames.longest + strings.longest;
  let at = 0;
  let lastTime = NaN;
  let timeText = '';
  for (let i = 0; i < trace.eventCount; i += 1) {
    if (kind[i] !== Ev.LOG) continue;
    const time = trace.timeAt(i);
    if (time !== lastTime) {
      lastTime = time;
      timeText = formatTime(time);
    }
    if (at + room > out.length) {
      const bigger = new Uint8Array(Math.max(2 * out.length, at + room));
      bigger.set(out.subarray(0, at));
      out = bigger;
    }
    at = writeString(timeText, out, at, encoder);
    out[at++] = 0x20;
    at = taskNames.writeUtf8(task[i], out, at, encoder);
    out[at++] = 0x20;
    at = strings.writeUtf8(a[i], out, at, encoder);
    out[at++] = 0x0a;
  }
  return out.subarray(0, at);
}

export function formatLog(trace: Trace): string {
  return new TextDecoder().decode(formatLogBytes(trace));
}
