/**
 * The pitfalls a scenario cannot express (it has no coroutine made and never awaited, no task
 * dropped): asyncio programs for the Python mode, each with its fixed twin. Real CPython runs
 * them, so the console shows its own words: the RuntimeWarning of a coroutine never awaited
 * (on stderr, naming the line), a task that still runs though nobody keeps it, and the same
 * task cancelled by asyncio.run when main() returns first. English only: the console prints
 * what CPython prints, and the comments say the lesson in both languages would crowd the code.
 */
export type PitfallProgramId = 'forgotten-await' | 'task-not-kept';
export const PITFALL_PROGRAM_IDS: PitfallProgramId[] = ['forgotten-await', 'task-not-kept'];

export const PITFALL_PROGRAMS: Record<PitfallProgramId, { pitfall: string; fixed: string }> = {
  'forgotten-await': {
    pitfall: `import asyncio


async def save(n):
    await asyncio.sleep(1)
    print(f"saved {n}")


async def main():
    # PITFALL: calling a coroutine function only makes a coroutine object;
    # without await nothing runs, and CPython warns when the object is dropped:
    # RuntimeWarning: coroutine 'save' was never awaited
    save(1)
    await asyncio.sleep(2)
    print("main done, and nothing was saved")


asyncio.run(main())
`,
    fixed: `import asyncio


async def save(n):
    await asyncio.sleep(1)
    print(f"saved {n}")


async def main():
    # FIXED: await runs the coroutine, and main waits for it
    await save(1)
    await asyncio.sleep(2)
    print("main done")


asyncio.run(main())
`,
  },
  'task-not-kept': {
    pitfall: `import asyncio


async def job(name, seconds):
    print(f"{name} starts")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name} cancelled: main returned first")
        raise
    print(f"{name} done")


async def main():
    # PITFALL: the tasks are not kept. They run anyway (the loop has them
    # scheduled): "short" finishes. But nobody awaits them, so when main
    # returns, asyncio.run cancels "long", which has not finished yet.
    asyncio.create_task(job("short", 1))
    asyncio.create_task(job("long", 5))
    await asyncio.sleep(2)
    print("main returns")


asyncio.run(main())
`,
    fixed: `import asyncio


async def job(name, seconds):
    print(f"{name} starts")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name} cancelled: main returned first")
        raise
    print(f"{name} done")


async def main():
    # FIXED: keep the tasks, and await them before main returns
    tasks = [
        asyncio.create_task(job("short", 1)),
        asyncio.create_task(job("long", 5)),
    ]
    await asyncio.sleep(2)
    await asyncio.gather(*tasks)
    print("main returns")


asyncio.run(main())
`,
  },
};

/** Which example a program is, and whether it is the fix (null: the user's own program). */
export function whichPitfallProgram(
  source: string | null,
): { id: PitfallProgramId; fixed: boolean } | null {
  for (const id of PITFALL_PROGRAM_IDS) {
    if (source === PITFALL_PROGRAMS[id].pitfall) return { id, fixed: false };
    if (source === PITFALL_PROGRAMS[id].fixed) return { id, fixed: true };
  }
  return null;
}
