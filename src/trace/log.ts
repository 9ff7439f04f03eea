import { Ev, formatTime, type Trace } from '../engine';
import { ByteWriter } from '../engine/texts';

export interface LogLine {
  /** Index of the LOG (or PRINT) event in the trace. */
  event: number;
  time: number;
  /** The task that printed it; -1 for a program's module-level code. */
  task: number;
  text: string;
  /**
   * A line a Python program printed as it is (PRINT): 0 on stdout, 1 on stderr (a traceback),
   * 2 stdout's last line, without its newline. Undefined for a scenario's `show_timer` line.
   */
  stream?: number;
}

/** The `show_timer` (or printed) lines of a run, in order (of its events `from` to `upTo`). */
export function logLines(trace: Trace, upTo = trace.eventCount, from = 0): LogLine[] {
  const lines: LogLine[] = [];
  const kind = trace.kind;
  for (let i = from; i < upTo; i += 1) {
    if (kind[i] === Ev.LOG || kind[i] === Ev.PRINT) {
      const line: LogLine = {
        event: i,
        time: trace.timeAt(i),
        task: trace.task[i],
        text: trace.string(trace.a[i]),
      };
      if (kind[i] === Ev.PRINT) line.stream = trace.b[i];
      lines.push(line);
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
