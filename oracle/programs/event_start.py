"""Event: runners wait for the start; clear() and a second round; wait on a set event."""
import asyncio


async def runner(name, go):
    print(name, "ready")
    await go.wait()
    print(name, "runs at", asyncio.get_running_loop().time())


async def main():
    go = asyncio.Event()
    runners = [asyncio.create_task(runner(f"r{i}", go)) for i in range(3)]
    await asyncio.sleep(1)
    go.set()
    print("set:", go.is_set())
    await asyncio.gather(*runners)
    go.clear()
    late = asyncio.create_task(runner("late", go))
    await asyncio.sleep(0.5)
    go.set()
    await late
    await go.wait()
    print("wait on a set event returns at once")


asyncio.run(main())
