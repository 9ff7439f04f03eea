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
 * The log as UTF-8 bytes, written straight into one buffer: for a long run (200,000 lines) this
 * avoids building as many JavaScript strings, which the garbage collector would then trace.
 */
export function formatLogBytes(trace: Trace): Uint8Array {
  let out = new Uint8Array(1 << 16);
  let length = 0;
  const encoder = new TextEncoder();
  const write = (text: string) => {
    if (length + text.length * 3 > out.length) {
      const bigger = new Uint8Array(Math.max(out.length * 2, length + text.length * 3));
      bigger.set(out.subarray(0, length));
      out = bigger;
    }
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        length += encoder.encodeInto(text.slice(i), out.subarray(length)).written;
        return;
      }
      out[length++] = c;
    }
  };
  const kind = trace.kind;
  let lastTime = NaN;
  let timeText = '';
  for (let i = 0; i < trace.eventCount; i += 1) {
    if (kind[i] !== Ev.LOG) continue;
    const time = trace.timeAt(i);
    if (time !== lastTime) {
      lastTime = time;
      timeText = formatTime(time) + ' ';
    }
    write(timeText);
    write(trace.tasks[trace.task[i]].name);
    write(' ');
    write(trace.strings[trace.a[i]]);
    write('\n');
  }
  return out.subarray(0, length);
}

export function formatLog(trace: Trace): string {
  return new TextDecoder().decode(formatLogBytes(trace));
}
