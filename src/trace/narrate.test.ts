import { describe, expect, it } from 'vitest';
import { Ev, simulate } from '../engine';
import {
  acquire,
  awaitTask,
  cancel,
  gather,
  get,
  join,
  log,
  put,
  repeat,
  scenario,
  set,
  sleep,
  spawn,
  spawned,
  task,
  taskDone,
  wait,
} from '../../oracle/scenarios';
import { END_REASON_NAMES, type RunOptions } from '../engine';
import type { Scenario } from '../scenario/types';
import { eventFields } from './describe';
import { narrate } from './narrate';

describe('the narration of task_done, join, spawn, await and gather', () => {
  it('has words for each of their events, in English and French', () => {
    const trace = simulate(
      scenario(
        { q: { type: 'Queue', maxsize: 0 } },
        task('boss', spawn('worker'), put('q', 'a'), join('q'), join('q'), awaitTask('worker')),
        spawned('worker', get('q'), sleep(1), taskDone('q')),
        task('main', gather('x', 'y'), awaitTask('worker')),
        spawned('x', sleep(2)),
        spawned('y', sleep(3)),
        task('j', put('q'), join('q')),
        task('k', sleep(0.5), cancel('j'), taskDone('q'), awaitTask('y')),
      ),
    );
    const kinds = [
      Ev.SPAWN,
      Ev.AWAIT_PASS,
      Ev.AWAIT_DONE,
      Ev.GATHER,
      Ev.GATHER_CALLBACK,
      Ev.RUN_CALLBACK,
      Ev.GATHER_DONE,
      Ev.Q_TASK_DONE,
      Ev.Q_JOIN_PASS,
      Ev.Q_JOIN_BLOCK,
      Ev.Q_JOIN_NOTIFY,
      Ev.Q_JOIN_DONE,
    ];
    const seen = new Set<number>();
    for (let i = 0; i < trace.eventCount; i += 1) {
      seen.add(trace.kind[i]);
      for (const lang of ['en', 'fr'] as const)
        expect(narrate(trace, i, lang)).not.toMatch(/^event /);
      expect(eventFields(trace, i).kind).toBeDefined();
    }
    for (const kind of kinds) expect(seen).toContain(kind);
    const said = (kind: number, lang: 'en' | 'fr') => {
      for (let i = 0; i < trace.eventCount; i += 1)
        if (trace.kind[i] === kind) return narrate(trace, i, lang);
      return '';
    };
    expect(said(Ev.Q_TASK_DONE, 'en')).toBe(
      'k marks an item of q done (task_done): 1 still unfinished',
    );
    expect(said(Ev.GATHER, 'fr')).toBe(
      "main rassemble x, y (gather) : elles démarrent à l'itération suivante, dans l'ordre",
    );
    expect(said(Ev.SPAWN, 'en')).toBe('boss creates task worker (create_task)');
  });
});

describe('the narration of the last event', () => {
  const last = (s: Scenario, lang: 'en' | 'fr', options: RunOptions = {}) => {
    const trace = simulate(s, options);
    expect(trace.kind[trace.eventCount - 1]).toBe(Ev.END);
    return narrate(trace, trace.eventCount - 1, lang);
  };
  const ends: [Scenario, RunOptions, string, string][] = [
    [
      scenario({}, task('a', sleep(1))),
      {},
      'The run is complete: every task has ended',
      "L'exécution est terminée : toutes les tâches ont fini",
    ],
    [
      scenario({ s: { type: 'Semaphore', value: 0 } }, task('a', acquire('s'))),
      {},
      'The run ends in a deadlock: no task can ever go on',
      "L'exécution s'arrête sur un interblocage : aucune tâche ne peut plus avancer",
    ],
    [
      scenario({}, task('spin', repeat(undefined, sleep(0)))),
      { maxIterationsPerInstant: 50 },
      'The run stops in a livelock: the clock can never advance',
      "L'exécution s'arrête sur un blocage actif : l'horloge ne peut plus avancer",
    ],
    [
      scenario({}, task('busy', repeat(undefined, log('x')))),
      { maxOpsPerStep: 50 },
      'The run stops: a task never gives control back to the loop',
      "L'exécution s'arrête : une tâche ne rend jamais la main à la boucle",
    ],
    [
      { ...scenario({}, task('tick', repeat(undefined, sleep(1)))), interrupt: 2.5 },
      {},
      'Ctrl-C: KeyboardInterrupt leaves the loop, and the run stops',
      "Ctrl-C : KeyboardInterrupt sort de la boucle, et l'exécution s'arrête",
    ],
    [
      scenario({}, task('tick', repeat(undefined, sleep(1)))),
      { maxEvents: 50 },
      'The run stops: the trace has reached its size bound',
      "L'exécution s'arrête : la trace a atteint sa taille maximale",
    ],
    [
      scenario({}, task('tick', repeat(undefined, sleep(1)))),
      { until: 3 },
      'The run stops here: the time asked for is reached',
      "L'exécution s'arrête ici : le temps demandé est atteint",
    ],
  ];

  it('says why the run ends in words, in both languages, for every end reason', () => {
    const reasons = new Set<string>();
    for (const [s, options, english, french] of ends) {
      reasons.add(simulate(s, options).end!.reason);
      expect(last(s, 'en', options)).toBe(english);
      expect(last(s, 'fr', options)).toBe(french);
    }
    // The others end only a Python program's run (src/python's tests narrate them).
    const pythonOnly = ['exception', 'unsupported', 'wall-time'];
    expect([...reasons].sort()).toEqual(
      END_REASON_NAMES.filter((r) => !pythonOnly.includes(r)).sort(),
    );
  });

  it('agrees with one task gathered, and says set() as a teacher would', () => {
    const trace = simulate(
      scenario(
        { go: { type: 'Event' } },
        task('main', gather('x')),
        spawned('x', set('go'), wait('go')),
      ),
    );
    const said = (kind: number, lang: 'en' | 'fr') => {
      for (let i = 0; i < trace.eventCount; i += 1)
        if (trace.kind[i] === kind) return narrate(trace, i, lang);
      return '';
    };
    expect(said(Ev.GATHER, 'fr')).toBe(
      "main rassemble x (gather) : elle démarre à l'itération suivante",
    );
    expect(said(Ev.GATHER, 'en')).toBe('main gathers x: it starts next iteration');
    expect(said(Ev.EV_SET, 'fr')).toBe('x déclenche go (set)');
    expect(said(Ev.EV_PASS, 'fr')).toBe('x attend go, déjà déclenché');
  });
});

describe('the narration of simulated I/O', () => {
  it('has words for every event of connections, in English and French', () => {
    const trace = simulate({
      version: 1,
      primitives: {
        s: { type: 'Connection', latency: 0.1, data: [{ after: 0.5, text: 'hi\n' }], eof: 1 },
      },
      tasks: [
        {
          name: 'client',
          steps: [
            { op: 'connect', conn: 's' },
            { op: 'write', conn: 's', text: 'GET\n' },
            { op: 'readline', conn: 's' },
            { op: 'readline', conn: 's' },
            { op: 'close', conn: 's' },
          ],
        },
      ],
    });
    const kinds = [
      Ev.IO_SOCKET,
      Ev.FD_ADD,
      Ev.FD_REMOVE,
      Ev.FD_READY,
      Ev.IO_RECV,
      Ev.IO_LOST,
      Ev.IO_OPEN,
      Ev.IO_READ,
      Ev.IO_WRITE,
      Ev.IO_CLOSED,
      Ev.CALL_SOON,
      Ev.RUN_HANDLE,
    ];
    const seen = new Set<number>();
    const english: string[] = [];
    for (let i = 0; i < trace.eventCount; i += 1) {
      seen.add(trace.kind[i]);
      for (const lang of ['en', 'fr'] as const)
        expect(narrate(trace, i, lang)).not.toMatch(/^event /);
      english.push(narrate(trace, i));
    }
    for (const kind of kinds) expect(seen.has(kind), `kind ${kind}`).toBe(true);
    expect(english).toContain(
      'select returned fd 6 (s) writable: its callback _sock_connect_cb joins the ready queue',
    );
    expect(english).toContain('sock.recv() returns "hi\\n": it joins the StreamReader buffer of s');
    expect(english).toContain("sock.recv() returns b'': the server of s closed its end (EOF)");
    expect(english).toContain('select(timeout=None) returns at 0.600 s with fds ready');
  });
});

describe('the narration of subprocesses', () => {
  it('has words for every event of a process, in English and French', () => {
    const trace = simulate({
      version: 1,
      primitives: {
        w: { type: 'Process', output: [{ after: 0.5, text: 'hi\n' }], exit: 1, returncode: 2 },
      },
      tasks: [
        {
          name: 'main',
          steps: [
            { op: 'exec', proc: 'w' },
            { op: 'readline', proc: 'w' },
            { op: 'proc_wait', proc: 'w' },
          ],
        },
      ],
    });
    const kinds = [
      Ev.PROC_EXEC,
      Ev.PROC_OPEN,
      Ev.PROC_EXIT,
      Ev.PROC_WAITED,
      Ev.IO_DATA,
      Ev.IO_RECV,
    ];
    const seen = new Set<number>();
    const english: string[] = [];
    for (let i = 0; i < trace.eventCount; i += 1) {
      seen.add(trace.kind[i]);
      for (const lang of ['en', 'fr'] as const)
        expect(narrate(trace, i, lang)).not.toMatch(/^event /);
      english.push(narrate(trace, i));
    }
    for (const kind of kinds) expect(seen.has(kind), `kind ${kind}`).toBe(true);
    expect(english).toContain('fd 7 (w pidfd) is registered with the selector, for reading');
    expect(english).toContain('fd 6 (w stdout) is registered with the selector, for reading');
    expect(english).toContain('main: w.wait() returns 2');
  });
});
