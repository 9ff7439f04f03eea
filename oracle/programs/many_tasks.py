"""Two hundred tasks through a semaphore of ten."""
import asyncio


async def task(i, limit, done):
    async with limit:
        await asyncio.sleep((i % 7) / 10)
        done.append(i)


async def main():
    limit = asyncio.Semaphore(10)
    done = []
    await asyncio.gather(*(task(i, limit, done) for i in range(200)))
    print(len(done), done[:12], done[-5:])
    print(round(asyncio.get_running_loop().time(), 3))


asyncio.run(main())
