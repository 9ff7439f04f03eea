import { formatTime, type Trace, type Wait } from '../engine';
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
        n: end.blocked.length,
        list: end.blocked
          .map((b) => t('end.waitsOn', { task: name(b.task), what: waitText(b.wait, t) }))
          .join(t('end.separator')),
      });
    case 'livelock':
      return t('end.livelockText', {
        t: at,
        count: end.limit,
        n: end.culprits.length,
        tasks: end.culprits.map(name).join(', '),
      });
    case 'no-yield':
      return t('end.noYieldText', {
        t: at,
        count: end.limit,
        task: end.culprits.map(name).join(', '),
      });
    case 'event-limit':
      return t(end.limitOf === 'iterations' ? 'end.iterationLimitText' : 'end.limitText', {
        t: at,
        count: end.limit,
      });
    case 'interrupted':
      return t(end.blocked.length === 0 ? 'end.interruptedText' : 'end.interruptedBlockedText', {
        t: at,
        n: end.blocked.length,
        list: end.blocked
          .map((b) => t('end.waitsOn', { task: name(b.task), what: waitText(b.wait, t) }))
          .join(t('end.separator')),
      });
    case 'exception':
    case 'unsupported':
      return end.message;
    default:
      return '';
  }
}

/** What a blocked task waits on, in the reader's language. */
export function waitText(wait: Wait, t: T): string {
  let what: string;
  switch (wait.kind) {
    case 'first':
    case 'next':
    case 'sleep0':
      return t(`wait.${wait.kind}`);
    case 'sleep':
      what = t('wait.sleep', { t: formatTime(wait.until) });
      break;
    case 'put':
      what = t('wait.put', { queue: wait.queue, size: wait.size, maxsize: wait.maxsize });
      break;
    case 'get':
      what = t('wait.get', { queue: wait.queue });
      break;
    case 'lock':
      what = t('wait.lock', { lock: wait.lock });
      break;
    case 'semaphore':
      what = t('wait.semaphore', {
        type: wait.type,
        semaphore: wait.semaphore,
        value: wait.value,
      });
      break;
    case 'event':
      what = t('wait.event', { event: wait.event });
      break;
    case 'join':
      what = t('wait.join', { queue: wait.queue, unfinished: wait.unfinished });
      break;
    case 'task':
      what = t('wait.task', { task: wait.task });
      break;
    case 'gather':
      what = t('wait.gather', { tasks: wait.tasks.map((task) => `'${task}'`).join(', ') });
      break;
    case 'wait':
    case 'taskgroup':
      what = t(`wait.${wait.kind}`, { tasks: wait.tasks.map((task) => `'${task}'`).join(', ') });
      break;
    case 'condition':
      what = t('wait.condition', { condition: wait.condition });
      break;
    case 'future':
      what = t('wait.future');
      break;
    case 'io':
      what = t(`wait.io.${wait.io}`, { conn: wait.conn });
      break;
  }
  return wait.woken ? t('wait.woken', { what }) : what;
}
