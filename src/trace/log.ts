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
      lines.push({ event: i, time: trace.timeAt(i), task: trace.task[i], text: trace.strings[trace.a[i]] });
    }
  }
  return lines;
}

/** `<time with 3 decimals> <task name> <text>`, one line per log step. */
export function formatLogLine(trace: Trace, line: LogLine): string {
  return `${formatTime(line.time)} ${trace.tasks[line.task].name} ${line.text}`;
}

export function formatLog(trace: Trace): string {
  return logLines(trace)
    .map((line) => formatLogLine(trace, line) + '\n')
    .join('');
}
