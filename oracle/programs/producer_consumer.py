"""The course's producer and consumer, stopped after a while (wait_for)."""
import asyncio


async def producer(queue):
    count = 1
    while True:
        await queue.put(f"tick{count}")
        print("put", count)
        count += 1
        await asyncio.sleep(1)


async def consumer(queue):
    while True:
        received = await queue.get()
        print("got", received)
        await asyncio.sleep(1.5)


async def main():
    queue = asyncio.Queue(maxsize=1)
    try:
        await asyncio.wait_for(asyncio.gather(producer(queue), consumer(queue)), timeout=6)
    except TimeoutError:
        print("stopped; queue holds", queue.qsize())


asyncio.run(main())
