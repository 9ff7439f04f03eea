"""Lock: async with, FIFO hand-over, locked()."""
import asyncio

lock = asyncio.Lock()


async def printer(name, pages):
    for page in range(pages):
        async with lock:
            print(name, "prints page", page, "locked:", lock.locked())
            await asyncio.sleep(0.2)
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(printer("alice", 2), printer("bob", 3), printer("carol", 1))
    print("free:", not lock.locked())
    try:
        lock.release()
    except RuntimeError as error:
        print(error)


asyncio.run(main())
