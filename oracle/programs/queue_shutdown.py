"""Queue.shutdown (3.13+): blocked getters and putters wake with QueueShutDown."""
import asyncio


async def getter(queue, name):
    try:
        while True:
            item = await queue.get()
            print(name, "got", item)
    except asyncio.QueueShutDown:
        print(name, "sees the shutdown")


async def main():
    queue = asyncio.Queue(maxsize=1)
    readers = [asyncio.create_task(getter(queue, f"r{i}")) for i in range(2)]
    await queue.put(1)
    await asyncio.sleep(0.1)
    queue.shutdown()
    await asyncio.gather(*readers)
    try:
        await queue.put(2)
    except asyncio.QueueShutDown:
        print("put after shutdown refused")
    other = asyncio.Queue()
    for i in range(3):
        other.put_nowait(i)
    other.shutdown(immediate=True)
    print("immediate: size", other.qsize())
    await other.join()
    print("joined")


asyncio.run(main())
