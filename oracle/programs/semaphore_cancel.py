"""A semaphore slot given to a waiter that is cancelled before it runs goes back (3.14)."""
import asyncio


async def take(sem, name):
    try:
        await sem.acquire()
        print(name, "acquired")
        await asyncio.sleep(0.5)
        sem.release()
    except asyncio.CancelledError:
        print(name, "cancelled; value", sem._value)
        raise


async def main():
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    a = asyncio.create_task(take(sem, "a"))
    b = asyncio.create_task(take(sem, "b"))
    await asyncio.sleep(0.1)
    sem.release()
    a.cancel()
    await asyncio.gather(a, b, return_exceptions=True)
    print("value at the end", sem._value)


asyncio.run(main())
