"""A task cancelled while it waits for a Lock gives up its place; the next one gets it."""
import asyncio


async def holder(lock):
    async with lock:
        print("holder has it")
        await asyncio.sleep(1)
    print("holder released")


async def waiter(lock, name):
    try:
        async with lock:
            print(name, "has it")
    except asyncio.CancelledError:
        print(name, "gave up")
        raise


async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    await asyncio.sleep(0.1)
    w1 = asyncio.create_task(waiter(lock, "w1"))
    w2 = asyncio.create_task(waiter(lock, "w2"))
    await asyncio.sleep(0.1)
    w1.cancel()
    await asyncio.gather(h, w1, w2, return_exceptions=True)
    print(w1.cancelled(), w2.done())


asyncio.run(main())
