"""Barrier: three tasks meet, then go on together."""
import asyncio


async def party(barrier, name, seconds):
    await asyncio.sleep(seconds)
    print(name, "arrives")
    index = await barrier.wait()
    print(name, "passes, index", index, "at", asyncio.get_running_loop().time())


async def main():
    barrier = asyncio.Barrier(3)
    await asyncio.gather(party(barrier, "a", 0.1), party(barrier, "b", 0.3), party(barrier, "c", 0.2))
    print("n_waiting", barrier.n_waiting, "broken", barrier.broken)


asyncio.run(main())
