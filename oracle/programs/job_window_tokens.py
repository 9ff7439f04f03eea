"""The course's job window: a Queue(maxsize=4) as a set of tokens."""
import asyncio

window = asyncio.Queue(maxsize=4)


async def job(i):
    await window.put(None)
    duration = (i % 3) + 1
    print(f"{asyncio.get_running_loop().time():.3f} >>> job{i} - duration {duration}")
    await asyncio.sleep(duration)
    print(f"{asyncio.get_running_loop().time():.3f} <<< job{i}")
    await window.get()


async def main():
    await asyncio.gather(*(job(i) for i in range(8)))


if __name__ == "__main__":
    asyncio.run(main())
