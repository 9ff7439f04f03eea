/**
 * "What happens next?": while the quiz is on, playing or stepping forward stops just before an
 * event the trace asks about (src/trace/quiz.ts), and a card asks which task runs next, which
 * waiter gets the token, or what the console prints next. 1–4 choose, Enter reveals the
 * answer and the rule that decided it, Enter (or →, or Space) goes on. A score counts the
 * questions answered. Loaded only when the quiz is turned on.
 */
import { useEffect, useRef, useState } from 'react';
import { formatTime } from '../../engine';
import type { MessageKey } from '../../i18n/messages';
import { useT, type T } from '../../i18n/useT';
import { useApp, useAppStore } from '../../store/context';
import type { AppState, AppStore } from '../../store/store';
import { nextQuestion, type Question } from '../../trace/quiz';

interface Pending {
  question: Question;
  /** The playback was running: it goes on after the answer. */
  resume: boolean;
  chosen: number | null;
  revealed: boolean;
}

/** Questions passed over while the cursor moves forward by at most this (else: a seek). */
const STEP_LIMIT = 64;

function prompt(q: Question, t: T): string {
  if (q.kind === 'next-task') return t('quiz.askTask');
  if (q.kind === 'print') return t('quiz.askPrint');
  if (q.rule.kind !== 'waiters-fifo') return '';
  const key: MessageKey =
    q.rule.role === 'putters'
      ? 'quiz.askPutter'
      : q.rule.role === 'getters'
        ? 'quiz.askGetter'
        : 'quiz.askWaiter';
  return t(key, { primitive: q.rule.primitive });
}

function explain(q: Question, t: T): string {
  const answer = q.choices[q.answer];
  const rule = q.rule;
  switch (rule.kind) {
    case 'ready-fifo':
      return t('quiz.ruleReady', {
        order: rule.order.join(', '),
        task: answer,
        why: t(`quiz.why.${rule.why}`),
      });
    case 'waiters-fifo':
      return t('quiz.ruleWaiters', { type: rule.type, order: rule.order.join(', '), task: answer });
    case 'print-order':
      return t('quiz.rulePrint', { task: rule.task, t: formatTime(q.time) });
  }
}

/** Stops the playback at questions; returns the store's unsubscribe. */
function watch(
  store: AppStore,
  pending: { current: Pending | null },
  asked: { current: Question[] },
  show: (p: Pending | null) => void,
): () => void {
  const hold = (s: AppState, q: Question) => {
    const at = q.key - s.run.trace.eventBase;
    store.setState({
      playing: false,
      cursor: at,
      playhead: at > 0 ? s.run.trace.timeAt(at - 1) : 0,
    });
  };
  return store.subscribe((s, prev) => {
    const current = pending.current;
    if (current) {
      const at = current.question.key - s.run.trace.eventBase;
      if (s.run !== prev.run || s.cursor < at) {
        // Another run, or the view went back: the question is left unanswered.
        pending.current = null;
        show(null);
      } else if (!current.revealed && s.cursor > at) {
        hold(s, current.question);
      } else if (current.revealed && s.cursor > at) {
        pending.current = null;
        show(null);
      }
      return;
    }
    if (s.run !== prev.run || s.cursor <= prev.cursor) return;
    if (!prev.playing && s.cursor - prev.cursor > STEP_LIMIT) return; // a seek
    const trace = s.run.trace;
    const from = prev.cursor;
    const fromKey = trace.eventBase + from;
    // The last question asked before here: one per instant.
    let after: number | undefined;
    for (const q of asked.current) if (q.key <= fromKey) after = Math.max(after ?? -1, q.time);
    const q = nextQuestion(trace, s.run.index.stateAfter(from), from, s.cursor, { after });
    if (q === null) return;
    asked.current = asked.current.filter((x) => x.key !== q.key).concat(q);
    const next: Pending = { question: q, resume: prev.playing, chosen: null, revealed: false };
    pending.current = next;
    show(next);
    hold(s, q);
  });
}

export default function Quiz() {
  const t = useT();
  const store = useAppStore();
  const presenting = useApp((s) => s.presenting);
  const [shown, setShown] = useState<Pending | null>(null);
  const pending = useRef<Pending | null>(null);
  const asked = useRef<Question[]>([]);
  // The score: each question counted once, at its first answer.
  const [score, setScore] = useState<Map<number, boolean>>(new Map());

  useEffect(() => watch(store, pending, asked, setShown), [store]);

  const choose = (i: number) => {
    const p = pending.current;
    if (!p || p.revealed || i >= p.question.choices.length) return;
    const next = { ...p, chosen: i };
    pending.current = next;
    setShown(next);
  };
  const reveal = () => {
    const p = pending.current;
    if (!p || p.revealed) return;
    const next = { ...p, revealed: true };
    pending.current = next;
    setShown(next);
    setScore((old) => {
      if (old.has(p.question.key)) return old;
      const updated = new Map(old);
      updated.set(p.question.key, p.chosen === p.question.answer);
      return updated;
    });
  };
  const goOn = () => {
    const p = pending.current;
    if (!p) return;
    pending.current = null;
    setShown(null);
    const s = store.getState();
    s.stepEvent(1);
    if (p.resume) s.play();
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const p = pending.current;
      if (!p || e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      if (
        target?.isContentEditable ||
        target?.tagName === 'INPUT' ||
        target?.tagName === 'TEXTAREA'
      )
        return;
      const digit = Number(e.key);
      let handled = true;
      if (Number.isInteger(digit) && digit >= 1 && digit <= 4) choose(digit - 1);
      else if (e.key === 'Enter') {
        if (p.revealed) goOn();
        else reveal();
      } else if (p.revealed && [' ', 'ArrowRight', 'PageDown'].includes(e.key)) goOn();
      else if (!p.revealed && [' ', 'ArrowRight', 'PageDown', 'ArrowDown', 'End'].includes(e.key)) {
        // Not past the question before it is answered.
      } else handled = false;
      if (handled) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    };
    // Before the page's shortcuts (they listen on window, bubbling).
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const right = [...score.values()].filter(Boolean).length;
  const scoreText = t('quiz.score', { right, asked: score.size });
  if (!shown) {
    return (
      <p className="quiz-idle" data-testid="quiz-idle" role="status">
        {t('quiz.idle')} <b>{scoreText}</b>
      </p>
    );
  }
  const q = shown.question;
  const correct = shown.chosen === q.answer;
  return (
    <section
      className={presenting ? 'quiz-card presenting' : 'quiz-card'}
      role="dialog"
      aria-labelledby="quiz-question"
      data-testid="quiz"
    >
      <p className="quiz-head">
        <span>{t('quiz.title')}</span> <b>{scoreText}</b>
      </p>
      <h2 id="quiz-question">{prompt(q, t)}</h2>
      <ol className={q.kind === 'print' ? 'quiz-choices lines' : 'quiz-choices'}>
        {q.choices.map((choice, i) => {
          const state = !shown.revealed
            ? shown.chosen === i
              ? 'chosen'
              : ''
            : i === q.answer
              ? 'right'
              : shown.chosen === i
                ? 'wrong'
                : '';
          return (
            <li key={i}>
              <button
                type="button"
                className={state}
                aria-pressed={shown.chosen === i}
                disabled={shown.revealed}
                onClick={() => choose(i)}
                data-testid={`quiz-choice-${i + 1}`}
              >
                <kbd>{i + 1}</kbd> {choice}
              </button>
            </li>
          );
        })}
      </ol>
      {shown.revealed ? (
        <div className="quiz-reveal" role="status" data-testid="quiz-reveal">
          <p className={correct ? 'quiz-right' : 'quiz-wrong'}>
            {shown.chosen === null
              ? t('quiz.answer', { answer: q.choices[q.answer] })
              : correct
                ? t('quiz.right')
                : t('quiz.wrong', { answer: q.choices[q.answer] })}
          </p>
          <p>{explain(q, t)}</p>
          <button type="button" className="primary" onClick={goOn} data-testid="quiz-continue">
            {t('quiz.continue')}
          </button>
        </div>
      ) : (
        <p className="quiz-keys">
          {t('quiz.keys', { n: q.choices.length })}{' '}
          <button
            type="button"
            className="primary"
            onClick={reveal}
            data-testid="quiz-reveal-button"
          >
            {t('quiz.reveal')}
          </button>
        </p>
      )}
    </section>
  );
}
