"""Task.cancel: while sleeping, before its first step, caught and continued, with a message."""
import asyncio


async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as error:
        print("sleeper cancelled:", error.args)
        raise


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn catches it and goes on")
    await asyncio.sleep(0.5)
    return "stubborn done"


async def never_runs():
    print("never printed")


async def main():
    s = asyncio.create_task(sleeper())
    t = asyncio.create_task(stubborn())
    n = asyncio.create_task(never_runs())
    print("cancel before start:", n.cancel())
    await asyncio.sleep(0.1)
    print("cancel:", s.cancel("stop now"), t.cancel())
    results = await asyncio.gather(s, t, n, return_exceptions=True)
    print([repr(r) for r in results])
    print("cancel a done task:", s.cancel(), s.cancelled(), t.cancelled())


asyncio.run(main())
