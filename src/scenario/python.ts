/**
 * Python code for any scenario: one `async def` per task, the primitives at module level, and
 * a `main()` that starts the tasks in order. Run for real, it prints the simulator's log
 * lines (with a real clock, a millisecond or so later). Each step's line is recorded so that
 * the app can highlight the line a task is on.
 */
import { flattenSteps, type Scenario, type Step } from './types';
import {
  CodeWriter,
  interruptCode,
  Names,
  pyInt,
  pyNumber,
  pyString,
  pyTemplate,
  showTimer,
} from './pyformat';
import { comment, type CodeLang } from './comments';
import { parseTemplate } from './template';

export interface PythonCode {
  code: string;
  /** `lines[task][step]`: the 1-based line of each step (steps numbered in pre-order). */
  lines: number[][];
  /** A program run by CPython: the trace's step is the line itself (`lines` is empty). */
  stepIsLine?: boolean;
}

/** The 1-based line of `task`'s `step`, if known. */
export function lineOfStep(code: PythonCode, task: number, step: number): number | undefined {
  if (code.stepIsLine) return step > 0 ? step : undefined;
  return code.lines[task]?.[step];
}

const RESERVED = [
  'asyncio',
  'time',
  'sys',
  'interrupt',
  'start',
  'show_timer',
  'main',
  'tasks',
  'known',
  'item',
  'socket',
  'threading',
  'start_test_server',
  'SERVERS',
  'ports',
  'streams',
  'PROGRAMS',
  'procs',
  'child_code',
  'n',
  ...Array.from({ length: 12 }, (_, i) => `n${i + 1}`),
];

function usesItem(steps: readonly Step[]): boolean {
  return flattenSteps(steps).some(
    (s) =>
      ((s.op === 'log' || s.op === 'write') && s.text.includes('{item}')) ||
      (s.op === 'put' && s.value?.includes('{item}')),
  );
}

function usesN(steps: readonly Step[]): boolean {
  return steps.some(
    (s) =>
      ((s.op === 'log' || s.op === 'write') && s.text.includes('{n}')) ||
      (s.op === 'put' && s.value?.includes('{n}')),
  );
}

/** The program of a Process, run by `python -c` (oracle.py's `child_code` reads it the same). */
function childCode(lang: CodeLang): string[] {
  return [
    'def child_code(output, exit_after, returncode):',
    `    """${comment(lang, 'childCode')}"""`,
    '    return (',
    '        "import sys, time\\n"',
    '        f"output, exit_after, returncode = {(list(output), exit_after, returncode)!r}\\n"',
    '        "start = time.monotonic()\\n"',
    '        "for after, text in output:\\n"',
    '        "    time.sleep(max(0, start + after - time.monotonic()))\\n"',
    '        "    sys.stdout.write(text)\\n"',
    '        "    sys.stdout.flush()\\n"',
    '        "time.sleep(max(0, start + exit_after - time.monotonic()))\\n"',
    '        "sys.exit(returncode)\\n"',
    '    )',
  ];
}

/** The test server the code starts itself for its Connections (see comments' testServer). */
function testServerCode(lang: CodeLang): string[] {
  return [
    'def start_test_server(latency, data, eof):',
    `    """${comment(lang, 'testServer')}"""`,
    '    listener = socket.create_server(("127.0.0.1", 0))',
    '',
    '    def serve():',
    '        conn, _ = listener.accept()',
    '        accepted = time.monotonic()',
    '        with conn:',
    '            for after, text in data:',
    '                time.sleep(max(0, accepted + latency + after - time.monotonic()))',
    '                conn.sendall(text.encode())',
    '            if eof is not None:',
    '                time.sleep(max(0, accepted + latency + eof - time.monotonic()))',
    '                conn.shutdown(socket.SHUT_WR)',
    '            while conn.recv(4096):',
    '                pass',
    '',
    '    threading.Thread(target=serve, daemon=True).start()',
    '    return listener.getsockname()[1]',
  ];
}

const PRIMITIVE_CONSTRUCTORS = {
  Queue: (spec: { maxsize: number }) => `asyncio.Queue(maxsize=${pyInt(spec.maxsize)})`,
  Lock: () => 'asyncio.Lock()',
  Event: () => 'asyncio.Event()',
  Semaphore: (spec: { value: number }) => `asyncio.Semaphore(${pyInt(spec.value)})`,
  BoundedSemaphore: (spec: { value: number }) => `asyncio.BoundedSemaphore(${pyInt(spec.value)})`,
};

export function generatePython(scenario: Scenario, lang: CodeLang = 'en'): PythonCode {
  const names = new Names(RESERVED);
  const primitive = new Map<string, string>();
  for (const name of Object.keys(scenario.primitives)) primitive.set(name, names.take(name, 'p'));
  const taskFunction = scenario.tasks.map((task) => names.take(task.name, 'task'));
  const ops = new Set(scenario.tasks.flatMap((t) => flattenSteps(t.steps).map((s) => s.op)));
  // `tasks`: the table of tasks by name, for the steps that name a task.
  const spawns = ops.has('spawn') || ops.has('await') || ops.has('gather');
  const cancels = spawns || ops.has('cancel');

  const w = new CodeWriter();
  // Python source holds no NUL byte, and nothing may end the docstring early.
  let title = (scenario.title ?? comment(lang, 'untitled')).replace(/\\|[^\P{Cc}\n\t]/gu, '');
  // Until none is left: taking three quotes out can bring three others together.
  while (title.includes('"""')) title = title.replace(/"""/g, '');
  w.line(`"""${comment(lang, 'docstring', { title })}."""`);
  w.line('import asyncio');
  const interrupt = scenario.interrupt;
  if (interrupt !== undefined) w.line('import sys');
  const connections = Object.entries(scenario.primitives).flatMap(([name, spec]) =>
    spec.type === 'Connection' ? [{ name, spec }] : [],
  );
  const processes = Object.entries(scenario.primitives).flatMap(([name, spec]) =>
    spec.type === 'Process' ? [{ name, spec }] : [],
  );
  if (connections.length > 0) w.line('import socket');
  if (processes.length > 0 && interrupt === undefined) w.line('import sys');
  if (connections.length > 0) w.line('import threading');
  if (ops.has('block') || connections.length > 0) w.line('import time');
  w.blank();
  showTimer(lang).forEach((line) => w.line(line));
  w.blank(2);
  if (connections.length > 0) {
    testServerCode(lang).forEach((line) => w.line(line));
    w.blank(2);
    w.line(`SERVERS = {  # ${comment(lang, 'servers')}`);
    for (const { name, spec } of connections) {
      const data = spec.data.map((d) => `(${pyNumber(d.after)}, ${pyString(d.text)})`);
      const eof = spec.eof === undefined ? 'None' : pyNumber(spec.eof);
      w.line(`    ${pyString(name)}: (${pyNumber(spec.latency)}, [${data.join(', ')}], ${eof}),`);
    }
    w.line('}');
    w.line('ports = {}');
    w.line(`streams = {}  # ${comment(lang, 'streams')}`);
  }
  if (processes.length > 0) {
    childCode(lang).forEach((line) => w.line(line));
    w.blank(2);
    w.line(`PROGRAMS = {  # ${comment(lang, 'programs')}`);
    for (const { name, spec } of processes) {
      const output = spec.output.map((d) => `(${pyNumber(d.after)}, ${pyString(d.text)})`);
      w.line(
        `    ${pyString(name)}: ([${output.join(', ')}], ${pyNumber(spec.exit)}, ${pyInt(spec.returncode ?? 0)}),`,
      );
    }
    w.line('}');
    w.line(`procs = {}  # ${comment(lang, 'procs')}`);
  }
  for (const [name, spec] of Object.entries(scenario.primitives)) {
    if (spec.type === 'Connection' || spec.type === 'Process') continue;
    const make = PRIMITIVE_CONSTRUCTORS[spec.type] as (s: typeof spec) => string;
    w.line(`${primitive.get(name)} = ${make(spec)}`);
  }
  if (cancels) w.line(`tasks = {}  # ${comment(lang, spawns ? 'taskTable' : 'cancelTable')}`);
  if (Object.keys(scenario.primitives).length > 0 || cancels) w.blank(2);

  const functionOf = new Map(scenario.tasks.map((task, t) => [task.name, taskFunction[t]]));
  const createTask = (name: string) =>
    `asyncio.create_task(${functionOf.get(name)!}(), name=${pyString(name)})`;

  const lines: number[][] = [];
  scenario.tasks.forEach((task, t) => {
    const taskLines: number[] = [];
    lines.push(taskLines);
    w.line(`async def ${taskFunction[t]}():`);
    if (usesItem(task.steps)) w.line(`    item = None  # ${comment(lang, 'lastItem')}`);
    const body = (steps: readonly Step[], indent: string, depth: number): void => {
      if (steps.length === 0) w.line(`${indent}pass`);
      for (const step of steps) {
        const at = taskLines.length;
        taskLines.push(0);
        const n = depth === 0 ? 1 : `n${depth}`;
        const emit = (text: string) => (taskLines[at] = w.line(indent + text));
        switch (step.op) {
          case 'block':
            emit(`time.sleep(${pyNumber(step.seconds)})  # ${comment(lang, 'blocks')}`);
            break;
          case 'sleep':
            emit(`await asyncio.sleep(${pyNumber(step.seconds)})`);
            break;
          case 'put':
            emit(
              `await ${primitive.get(step.queue)}.put(${step.value === null ? 'None' : pyTemplate(parseTemplate(step.value), n)})`,
            );
            break;
          case 'get':
            emit(
              `${usesItem(task.steps) ? 'item = ' : ''}await ${primitive.get(step.queue)}.get()`,
            );
            break;
          case 'acquire':
            emit(`await ${primitive.get(step.lock)}.acquire()`);
            break;
          case 'release':
            emit(`${primitive.get(step.lock)}.release()`);
            break;
          case 'set':
          case 'clear':
            emit(`${primitive.get(step.event)}.${step.op}()`);
            break;
          case 'wait':
            emit(`await ${primitive.get(step.event)}.wait()`);
            break;
          case 'log':
            emit(`show_timer(${pyTemplate(parseTemplate(step.text), n)})`);
            break;
          case 'connect':
            emit(
              `streams[${pyString(step.conn)}] = await asyncio.open_connection("127.0.0.1", ports[${pyString(step.conn)}])`,
            );
            break;
          case 'readline':
          case 'read': {
            const call = step.op === 'read' ? `read(${pyInt(step.n)})` : 'readline()';
            const reader =
              step.proc !== undefined
                ? `procs[${pyString(step.proc)}].stdout`
                : `streams[${pyString(step.conn!)}][0]`;
            const read = `await ${reader}.${call}`;
            emit(usesItem(task.steps) ? `item = (${read}).decode().removesuffix("\\n")` : read);
            break;
          }
          case 'exec':
            emit(
              `procs[${pyString(step.proc)}] = await asyncio.create_subprocess_exec(sys.executable, "-c", child_code(*PROGRAMS[${pyString(step.proc)}]), stdout=asyncio.subprocess.PIPE)`,
            );
            break;
          case 'proc_wait':
            emit(`await procs[${pyString(step.proc)}].wait()`);
            break;
          case 'write': {
            const writer = `streams[${pyString(step.conn)}][1]`;
            emit(`${writer}.write(${pyTemplate(parseTemplate(step.text), n)}.encode())`);
            w.line(`${indent}await ${writer}.drain()`);
            break;
          }
          case 'close': {
            const writer = `streams[${pyString(step.conn)}][1]`;
            emit(`${writer}.close()`);
            w.line(`${indent}await ${writer}.wait_closed()`);
            break;
          }
          case 'cancel':
            emit(`tasks[${pyString(step.task)}].cancel()`);
            break;
          case 'task_done':
            emit(`${primitive.get(step.queue)}.task_done()`);
            break;
          case 'join':
            emit(`await ${primitive.get(step.queue)}.join()`);
            break;
          case 'spawn':
            emit(`tasks[${pyString(step.task)}] = ${createTask(step.task)}`);
            break;
          case 'await':
            emit(`await tasks[${pyString(step.task)}]`);
            break;
          case 'gather': {
            // Created in argument order, as gather's ensure_future would; the step is its await.
            for (const name of step.tasks)
              w.line(`${indent}tasks[${pyString(name)}] = ${createTask(name)}`);
            const awaited = step.tasks.map((name) => `tasks[${pyString(name)}]`);
            emit(`await asyncio.gather(${awaited.join(', ')})`);
            break;
          }
          case 'repeat': {
            const variable = `n${depth + 1}`;
            const counted = usesN(step.steps);
            if (step.times === undefined) {
              if (counted) w.line(`${indent}${variable} = 0`);
              emit('while True:');
              if (counted) w.line(`${indent}    ${variable} += 1`);
            } else {
              emit(
                counted
                  ? `for ${variable} in range(1, ${pyInt(step.times, 1)}):`
                  : `for _ in range(${pyInt(step.times)}):`,
              );
            }
            body(step.steps, indent + '    ', depth + 1);
            break;
          }
        }
      }
    };
    body(task.steps, '    ', 0);
    w.blank(2);
  });

  const ctrlC = interrupt === undefined ? null : interruptCode(interrupt, lang);
  if (ctrlC) {
    ctrlC.define.forEach((line) => w.line(line));
    w.blank(2);
  }
  w.line('async def main():');
  w.line('    global start');
  if (connections.length > 0) {
    w.line('    for name, (latency, data, eof) in SERVERS.items():');
    w.line('        ports[name] = start_test_server(latency, data, eof)');
  }
  w.line('    start = asyncio.get_running_loop().time()');
  ctrlC?.schedule.forEach((line) => w.line(line));
  w.line(`    # ${comment(lang, 'taskOrder')}`);
  if (spawns) {
    for (const task of scenario.tasks) {
      if (task.start !== false)
        w.line(`    tasks[${pyString(task.name)}] = ${createTask(task.name)}`);
    }
    w.line('    known = 0');
    w.line(`    while known < len(tasks):  # ${comment(lang, 'waitSpawned')}`);
    w.line('        known = len(tasks)');
    w.line('        await asyncio.gather(*tasks.values(), return_exceptions=True)');
  } else if (cancels) {
    scenario.tasks.forEach((task, t) =>
      w.line(
        `    tasks[${pyString(task.name)}] = asyncio.create_task(${taskFunction[t]}(), name=${pyString(task.name)})`,
      ),
    );
    w.line('    await asyncio.gather(*tasks.values(), return_exceptions=True)');
  } else {
    w.line('    running = [');
    scenario.tasks.forEach((task, t) =>
      w.line(`        asyncio.create_task(${taskFunction[t]}(), name=${pyString(task.name)}),`),
    );
    w.line('    ]');
    w.line(`    # ${comment(lang, 'returnExceptions')}`);
    w.line('    await asyncio.gather(*running, return_exceptions=True)');
  }
  w.blank(2);
  w.line('if __name__ == "__main__":');
  if (ctrlC) ctrlC.run.forEach((line) => w.line(line));
  else w.line('    asyncio.run(main())');
  return { code: w.toString(), lines };
}
