import { formatTime, WaitKind, type Trace } from '../../engine';
import type { Segment } from '../../trace/segments';

/** What a task does during a segment, in words: for tooltips and screen readers. */
export function describeSegment(trace: Trace, task: number, segment: Segment, now: number): string {
  const name = trace.tasks[task].name;
  const ended = segment.endEvent >= 0 && segment.end <= now;
  const span = ended
    ? `from ${formatTime(segment.start)} to ${formatTime(segment.end)} s`
    : `since ${formatTime(segment.start)} s`;
  if (segment.kind === 'sleeping') {
    const seconds = trace.timerWhen[segment.target] - segment.start;
    return `${name} runs: inside asyncio.sleep(${formatTime(seconds).replace(/\.?0+$/, '')}), ${span}`;
  }
  const primitive = trace.primitives[segment.target]?.name ?? '?';
  switch (segment.wait) {
    case WaitKind.QUEUE_PUT:
      return `${name} waits for a free slot in ${primitive} (blocked on put), ${span}`;
    case WaitKind.QUEUE_GET:
      return `${name} waits for an item from ${primitive} (blocked on get), ${span}`;
    case WaitKind.ACQUIRE:
      return `${name} waits to acquire ${primitive}, ${span}`;
    default:
      return `${name} waits for ${primitive} to be set, ${span}`;
  }
}
