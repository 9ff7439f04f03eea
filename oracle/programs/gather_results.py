"""gather: results in argument order, whatever order the tasks end in."""
import asyncio


async def work(name, seconds):
    print(f"{name} starts")
    await asyncio.sleep(seconds)
    print(f"{name} ends at {asyncio.get_running_loop().time():.3f}")
    return name.upper()


async def main():
    results = await asyncio.gather(work("a", 0.3), work("b", 0.1), work("c", 0.2))
    print(results)
    print(await asyncio.gather())


asyncio.run(main())
