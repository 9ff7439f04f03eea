"""Semaphore: at most 3 jobs at once; BoundedSemaphore refuses a release too many."""
import asyncio


async def job(i, window):
    async with window:
        print(f"job{i} starts at {asyncio.get_running_loop().time():.1f}")
        await asyncio.sleep((i % 3) + 1)


async def main():
    window = asyncio.Semaphore(3)
    await asyncio.gather(*(job(i, window) for i in range(7)))
    bounded = asyncio.BoundedSemaphore(1)
    await bounded.acquire()
    bounded.release()
    try:
        bounded.release()
    except ValueError as error:
        print(error)
    print("locked?", window.locked(), bounded.locked())


asyncio.run(main())
