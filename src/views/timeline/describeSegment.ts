import { formatTime, WaitKind, type Trace } from '../../engine';
import type { T } from '../../i18n/useT';
import type { Segment } from '../../trace/segments';
import { sleepLateness } from '../../trace/lateness';

/** What a task does during a segment, in words: for tooltips and screen readers. */
export function describeSegment(
  trace: Trace,
  task: number,
  segment: Segment,
  now: number,
  t: T,
): string {
  const name = trace.tasks[task].name;
  const ended = segment.endEvent >= 0 && segment.end <= now;
  const span = ended
    ? t('segment.fromTo', { from: formatTime(segment.start), to: formatTime(segment.end) })
    : t('segment.since', { from: formatTime(segment.start) });
  const short = (seconds: number) => formatTime(seconds).replace(/\.?0+$/, '');
  if (segment.kind === 'blocking') {
    return t('block.segment', { task: name, seconds: short(segment.end - segment.start), span });
  }
  if (segment.kind === 'sleeping') {
    const due = trace.timerWhen(segment.target);
    const text = t('segment.sleeping', { task: name, seconds: short(due - segment.start), span });
    const late = sleepLateness(trace, segment);
    if (late <= 0) return text;
    return t('block.lateSegment', { text, late: short(late), due: formatTime(due) });
  }
  const group = () =>
    (trace.gathers[segment.target] ?? []).map((x) => trace.tasks[x].name).join(', ');
  if (segment.wait === WaitKind.GATHER)
    return t('segment.gather', { task: name, targets: group(), span });
  if (segment.wait === WaitKind.WAIT)
    return t('segment.wait', { task: name, targets: group(), span });
  if (segment.wait === WaitKind.TASKGROUP)
    return t('segment.taskgroup', { task: name, targets: group(), span });
  if (segment.wait === WaitKind.FUTURE) return t('segment.future', { task: name, span });
  if (segment.wait === WaitKind.TASK) {
    return t('segment.await', { task: name, target: trace.tasks[segment.target].name, span });
  }
  const primitive = trace.primitives[segment.target]?.name ?? '?';
  const key =
    segment.wait === WaitKind.JOIN
      ? 'segment.join'
      : segment.wait === WaitKind.QUEUE_PUT
        ? 'segment.put'
        : segment.wait === WaitKind.QUEUE_GET
          ? 'segment.get'
          : segment.wait === WaitKind.ACQUIRE
            ? 'segment.acquire'
            : segment.wait === WaitKind.CONDITION
              ? 'segment.condition'
              : 'segment.event';
  return t(key, { task: name, primitive, span });
}
