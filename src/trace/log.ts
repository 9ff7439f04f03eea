import { Ev, formatTime, type Trace } from '../engine';
import { ByteWriter } from '../engine/texts';

export interface LogLine {
  /** Index of the LOG event in the trace. */
  event: number;
  time: number;
  task: number;
  text: string;
}

/** The `show_timer` lines of a run, in order (of its events `from` to `upTo`). */
export function logLines(trace: Trace, upTo = trace.eventCount, from = 0): LogLine[] {
  const lines: LogLine[] = [];
  const kind = trace.kind;
  for (let i = from; i < upTo; i += 1) {
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
  const { kind, task, a, strings, taskNames } = trace;
  let lines = 0;
  for (let i = 0; i < trace.eventCount; i += 1) if (kind[i] === Ev.LOG) lines += 1;
  // Room for lines of 48 bytes, more as needed: a line takes at most `room`.
  const out = new ByteWriter(Math.max(1 << 16, 48 * lines));
  const room = 64 + taskNames.longest + strings.longest;
  let lastTime = NaN;
  let timeText = '';
  for (let i = 0; i < trace.eventCount; i += 1) {
    if (kind[i] !== Ev.LOG) continue;
    const time = trace.timeAt(i);
    if (time !== lastTime) {
      lastTime = time;
      timeText = formatTime(time);
    }
    out.reserve(room);
    out.string(timeText);
    out.byte(0x20);
    taskNames.writeTo(task[i], out);
    out.byte(0x20);
    strings.writeTo(a[i], out);
    out.byte(0x0a);
  }
  return out.result();
}

export function formatLog(trace: Trace): string {
  return new TextDecoder().decode(formatLogBytes(trace));
}
