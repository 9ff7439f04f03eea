"""sleep: 0 is a bare yield, float sums, a result, equal deadlines in creation order."""
import asyncio


async def ticker(name, step, count):
    loop = asyncio.get_running_loop()
    for _ in range(count):
        await asyncio.sleep(step)
        print(name, repr(loop.time()))


async def main():
    print(await asyncio.sleep(0.1, result="a result"))
    await asyncio.gather(ticker("tenths", 0.1, 3), ticker("thirds", 1 / 3, 3), ticker("half", 0.5, 2))
    await asyncio.gather(*(ticker(f"same{i}", 1, 1) for i in range(4)))


asyncio.run(main())
