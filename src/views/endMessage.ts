import { formatTime, type Trace } from '../engine';
import type { T } from '../i18n/useT';

/** Why a run stopped, in the reader's language: which task waits on what. */
export function endMessage(trace: Trace, t: T): string {
  const end = trace.end;
  if (!end) return '';
  const at = formatTime(end.time);
  const name = (task: number) => trace.tasks[task].name;
  switch (end.reason) {
    case 'deadlock':
      return t('end.deadlockText', {
        t: at,
        list: end.blocked
          .map((b) => t('end.waitsOn', { task: name(b.task), what: b.waitsOn }))
          .join('; '),
      });
    case 'livelock':
      return t('end.livelockText', {
        t: at,
        count: end.limit,
        tasks: end.culprits.map(name).join(', '),
      });
    case 'no-yield':
      return t('end.noYieldText', {
        t: at,
        count: end.limit,
        task: end.culprits.map(name).join(', '),
      });
    case 'event-limit':
      return t('end.limitText', { t: at, count: end.limit });
    default:
      return '';
  }
}
