/** What went wrong or deserves a word: a bad URL, a deadlock, a livelock — in plain words. */
import { useT } from '../i18n/useT';
import { useApp } from '../store/context';
import { selectCursor, selectRun, selectUrlMessages } from '../store/selectors';
import { endMessage } from './endMessage';
import { validationText } from '../i18n/validation';

export function Messages() {
  const t = useT();
  const urlMessages = useApp(selectUrlMessages);
  const dismiss = useApp((s) => s.dismissMessages);
  const run = useApp(selectRun);
  const cursor = useApp(selectCursor);
  const end = run.trace.end;
  // The end of the run is told once the playback reaches it.
  const reached =
    end && end.reason !== 'complete' && end.reason !== 'until' && cursor >= run.trace.eventCount;
  return (
    <div className="messages">
      {urlMessages.length > 0 && (
        <div className="message warning" role="alert" data-testid="url-messages">
          <p>{t('messages.url')}</p>
          <ul>
            {urlMessages.map((m, i) => (
              <li key={i}>
                {t(
                  m.key,
                  m.error ? { ...m.params, message: validationText(m.error, t) } : m.params,
                )}
              </li>
            ))}
          </ul>
          <button type="button" onClick={dismiss}>
            {t('messages.ok')}
          </button>
        </div>
      )}
      {reached && (
        <div
          className={`message ${end.reason === 'deadlock' ? 'deadlock' : 'stopped'}`}
          role="status"
          data-testid="run-end"
        >
          <b>
            {t(
              end.reason === 'deadlock'
                ? 'end.deadlock'
                : end.reason === 'livelock'
                  ? 'end.livelock'
                  : end.reason === 'interrupted'
                    ? 'end.interrupted'
                    : 'end.stopped',
            )}
          </b>{' '}
          {endMessage(run.trace, t)}
        </div>
      )}
    </div>
  );
}
