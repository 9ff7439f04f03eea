/** What went wrong or deserves a word: a bad URL, a deadlock, a livelock — in plain words. */
import { useApp } from '../store/context';
import { selectCursor, selectRun, selectUrlMessages } from '../store/selectors';

export function Messages() {
  const urlMessages = useApp(selectUrlMessages);
  const dismiss = useApp((s) => s.dismissMessages);
  const run = useApp(selectRun);
  const cursor = useApp(selectCursor);
  const end = run.trace.end;
  // The end of the run is told once the playback reaches it.
  const reached = end && end.message && cursor >= run.trace.eventCount;
  return (
    <div className="messages">
      {urlMessages.length > 0 && (
        <div className="message warning" role="alert" data-testid="url-messages">
          <p>Some values in the link could not be used:</p>
          <ul>
            {urlMessages.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
          <button type="button" onClick={dismiss}>
            OK
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
            {end.reason === 'deadlock'
              ? 'Deadlock.'
              : end.reason === 'livelock'
                ? 'Livelock.'
                : 'Stopped.'}
          </b>{' '}
          {end.message}
        </div>
      )}
    </div>
  );
}
