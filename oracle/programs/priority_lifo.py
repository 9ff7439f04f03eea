"""PriorityQueue and LifoQueue give items out in their own order."""
import asyncio


async def main():
    priority = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        await priority.put(item)
    while not priority.empty():
        print("priority:", await priority.get())
    lifo = asyncio.LifoQueue(maxsize=2)

    async def producer():
        for i in range(5):
            await lifo.put(i)
            print("pushed", i)

    async def consumer():
        for _ in range(5):
            await asyncio.sleep(0.1)
            print("popped", await lifo.get())

    await asyncio.gather(producer(), consumer())


asyncio.run(main())
